import type { QueryKey } from '@tanstack/react-query';
import { requestQueries } from '../../api/requests';
import { sessionQueries } from '../../api/sessions';
import { usageQueries } from '../../api/usage';
import { Panel } from '../../components/panel';
import { QueryBoundary } from '../../errors/query-boundary';
import { AccountSummary } from './account-summary';
import { FirstAnswersGate } from './first-answers-gate';
import { RateLimitNotice } from './rate-limit-notice';
import { RateLimitSparkline } from './rate-limit-sparkline';
import { RecentRequests } from './recent-requests';
import { SessionsAttention } from './sessions-attention';
import { SubscriptionWarning } from './subscription-warning';
import { UsageTotals } from './usage-totals';
import { useRateLimitPause } from './use-rate-limit-pause';

/** What the overview's panels read: when the rate limit holds them up, the page says so once. */
const OVERVIEW_QUERIES: readonly QueryKey[] = [usageQueries.all(), requestQueries.all(), sessionQueries.all()];

/**
 * Balance and plan; today's and this month's use, spend, refunds and errors; stored sessions about to expire or
 * failing their checks; the latest calls with their outcome.
 */
export function OverviewPage() {
  const { pause, retryHeld } = useRateLimitPause(OVERVIEW_QUERIES);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Overview</h1>
      {pause ? (
        <RateLimitNotice pause={pause} onRetry={retryHeld} />
      ) : (
        <FirstAnswersGate>
          <Panel title="Account">
            <QueryBoundary label="account summary">
              <SubscriptionWarning />
              <AccountSummary />
            </QueryBoundary>
          </Panel>
          <Panel title="Usage">
            <QueryBoundary label="use today and this month">
              <UsageTotals />
            </QueryBoundary>
          </Panel>
          <RateLimitSparkline />
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
        </FirstAnswersGate>
      )}
    </div>
  );
}
