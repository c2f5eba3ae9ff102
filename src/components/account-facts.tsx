import type { Usage } from '../../contract/usage';
import { formatDateTime } from '../lib/format';

export interface AccountFact {
  label: string;
  value: string;
  testId: string;
}

/** An account's figures as a list of terms, then the billing period they belong to (the overview, the usage page). */
export function AccountFacts({ facts, usage, columns }: { facts: AccountFact[]; usage: Usage; columns: string }) {
  return (
    <>
      <dl className={`grid gap-4 sm:grid-cols-2 ${columns}`}>
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
