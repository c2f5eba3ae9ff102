import { useSuspenseQuery } from '@tanstack/react-query';
import { formatCreditsAsDollars } from '../../../contract/money';
import { PLAN_LIMITS } from '../../../contract/plans';
import { usageQueries } from '../../api/usage';
import { AccountFacts } from '../../components/account-facts';
import { credits } from '../../lib/format';

/** "1,500 credits ($0.30)": credits with the contract's conversion to dollars. */
export const creditsAndDollars = (value: number) => `${credits(value)} (${formatCreditsAsDollars(value)})`;

/** Balance, plan and subscription; this billing period's credits charged, refunded and net. */
export function AccountPeriod() {
  const { data: usage } = useSuspenseQuery(usageQueries.summary());
  const net = usage.credits_used_month - usage.credits_refunded_month;
  const facts = [
    { label: 'Balance', value: creditsAndDollars(usage.balance_credits), testId: 'usage-balance' },
    { label: 'Plan', value: PLAN_LIMITS[usage.plan].label, testId: 'usage-plan' },
    {
      label: 'Subscription',
      value: usage.subscription_status === 'active' ? 'Active' : 'Cancelled',
      testId: 'usage-subscription',
    },
    { label: 'Charged this period', value: creditsAndDollars(usage.credits_used_month), testId: 'period-charged' },
    {
      label: 'Refunded this period',
      value: creditsAndDollars(usage.credits_refunded_month),
      testId: 'period-refunded',
    },
    { label: 'Net this period', value: creditsAndDollars(net), testId: 'period-net' },
  ];
  return <AccountFacts facts={facts} usage={usage} columns="lg:grid-cols-3" />;
}
