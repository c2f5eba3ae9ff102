import { Panel } from '../../components/panel';
import { QueryBoundary } from '../../errors/query-boundary';
import { AccountSummary } from './account-summary';
import { RecentRequests } from './recent-requests';
import { SessionsAttention } from './sessions-attention';
import { TodaySummary } from './today-summary';

/**
 * Balance, plan and this month's use; today's spend, refunds and errors; stored sessions about to expire or
 * failing their checks; the latest calls with their outcome.
 */
export function OverviewPage() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Overview</h1>
      <Panel title="Account">
        <QueryBoundary label="account summary">
          <AccountSummary />
        </QueryBoundary>
      </Panel>
      <Panel title="Today">
        <QueryBoundary label="summary of today">
          <TodaySummary />
        </QueryBoundary>
      </Panel>
      <Panel title="Sessions needing attention">
        <QueryBoundary label="sessions needing attention">
          <SessionsAttention />
        </QueryBoundary>
      </Panel>
      <Panel title="Recent requests">
        <QueryBoundary label="recent requests">
          <RecentRequests />
        </QueryBoundary>
      </Panel>
    </div>
  );
}
