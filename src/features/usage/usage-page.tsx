import { Panel } from '../../components/panel';
import { QueryBoundary } from '../../errors/query-boundary';
import { AccountPeriod } from './account-period';
import { CreditsPerDay } from './credits-per-day';
import { DomainsTable } from './domains-table';
import { OutcomesPerDay } from './outcomes-per-day';
import { RefundFilters } from './refund-filters';
import { RefundHistory } from './refund-history';
import { CreditsByTier, ErrorsByCode } from './tiers-and-codes';
import { ZoneSwitch } from './zone-switch';

/**
 * Where the credits went: balance and this period, the last 30 days by day, outcome, tier and code, the cost of
 * each target domain, and every refund checked against the policy. Each panel owns its query and its errors.
 */
export function UsagePage() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Usage</h1>
      <Panel title="Balance and this period">
        <QueryBoundary label="balance and period">
          <AccountPeriod />
        </QueryBoundary>
      </Panel>
      <ZoneSwitch />
      <Panel title="Credits per day">
        <QueryBoundary label="credits per day">
          <CreditsPerDay />
        </QueryBoundary>
      </Panel>
      <Panel title="Scrapes per day by outcome">
        <QueryBoundary label="scrapes per day">
          <OutcomesPerDay />
        </QueryBoundary>
      </Panel>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Panel title="Credits by tier">
          <QueryBoundary label="credits by tier">
            <CreditsByTier />
          </QueryBoundary>
        </Panel>
        <Panel title="Errors by code">
          <QueryBoundary label="errors by code">
            <ErrorsByCode />
          </QueryBoundary>
        </Panel>
      </div>
      <Panel title="Cost per domain">
        <QueryBoundary label="cost per domain">
          <DomainsTable />
        </QueryBoundary>
      </Panel>
      <div id="refund-history" className="scroll-mt-4">
        <Panel title="Refund history">
          {/* Outside the boundary: the filters stay put while the list they ask for loads. */}
          <div className="mb-3">
            <RefundFilters />
          </div>
          <QueryBoundary label="refund history">
            <RefundHistory />
          </QueryBoundary>
        </Panel>
      </div>
    </div>
  );
}
