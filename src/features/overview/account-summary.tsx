import { useSuspenseQuery } from '@tanstack/react-query';
import { PLAN_LIMITS } from '../../../contract/plans';
import { usageQueries } from '../../api/usage';
import { credits, formatDateTime } from '../../lib/format';

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
  return (
    <>
      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {facts.map((fact) => (
          <div key={fact.label}>
            <dt className="text-sm text-slate-600">{fact.label}</dt>
            <dd className="text-lg font-semibold" data-testid={fact.testId}>
              {fact.value}
            </dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-xs text-slate-600">
        Billing period {formatDateTime(usage.period_start)} to {formatDateTime(usage.period_end)}.
      </p>
    </>
  );
}
