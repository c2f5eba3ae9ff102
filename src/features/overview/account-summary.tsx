import { useSuspenseQuery } from '@tanstack/react-query';
import { PLAN_LIMITS } from '../../../contract/plans';
import { usageQueries } from '../../api/usage';
import { AccountFacts } from '../../components/account-facts';
import { credits } from '../../lib/format';

export function AccountSummary() {
  const { usage } = useSuspenseQuery(usageQueries.snapshot()).data;
  const facts = [
    { label: 'Balance', value: credits(usage.balance_credits), testId: 'balance' },
    { label: 'Plan', value: PLAN_LIMITS[usage.plan].label, testId: 'plan' },
    {
      label: 'Rate limit',
      value: `${usage.rate_limit.per_minute}/min, ${usage.rate_limit.burst_per_second}/s burst`,
      testId: 'plan-limits',
    },
    {
      label: 'Subscription',
      value: usage.subscription_status === 'active' ? 'Active' : 'Cancelled',
      testId: 'subscription',
    },
  ];
  return <AccountFacts facts={facts} usage={usage} columns="lg:grid-cols-4" />;
}
