import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useApiKey } from '../../api/credentials-store';
import { LOW_BUDGET_SHARE, useConnectedBudget } from '../../api/rate-limit-store';
import { usageQueries } from '../../api/usage';
import { formatSeconds } from '../../lib/format';
import { describeRateLimit } from './describe-rate-limit';

/**
 * One box for the meter and its placeholder, the same size from the first paint (nothing shifts when the first
 * answer arrives): a row of its own below the title and the key, beside them on a wide screen.
 */
function MeterBox({ children }: { children: ReactNode }) {
  return (
    <section
      aria-label="Rate limit"
      data-testid="rate-limit-meter"
      className="order-last flex h-[3.75rem] w-full shrink-0 items-center gap-3 overflow-hidden text-xs leading-5 sm:h-10 lg:order-none lg:w-[26rem]"
    >
      {children}
    </section>
  );
}

/**
 * The live meter in the header: the connected key's minute window (X-RateLimit-*), its burst beside it, the plan,
 * how many of the window's calls the dashboard made by itself, and the reset countdown. Answers to key-less calls
 * and to other keys never reach it (the HTTP client keeps samples per key).
 */
export function RateLimitMeter() {
  const apiKey = useApiKey();
  const { window, now } = useConnectedBudget();
  // The plan from GET /usage, without refetching it for the meter's sake; the limits tell it when that failed.
  const plan = useQuery({
    ...usageQueries.summary(),
    enabled: apiKey !== null,
    staleTime: Infinity,
    select: (usage) => usage.plan,
  }).data;

  if (!window) {
    return (
      <MeterBox>
        <p className="text-slate-600">Rate limit: {apiKey ? 'waiting for the first answer' : 'no key yet'}</p>
      </MeterBox>
    );
  }
  const view = describeRateLimit(window, plan ?? null, now);
  return (
    <MeterBox>
      <meter
        min={0}
        max={view.limit}
        value={view.remaining}
        low={Math.floor(view.limit * LOW_BUDGET_SHARE)}
        high={Math.ceil(view.limit * 0.5)}
        optimum={view.limit}
        aria-label="Requests left this minute"
        className="h-3 w-12 shrink-0 sm:w-16"
      />
      <div className="min-w-0">
        <p className="truncate">
          <span className="font-semibold">{view.stateLabel}</span>{' '}
          <span data-testid="rate-limit-remaining">
            {view.remaining} / {view.limit}
          </span>{' '}
          left this minute
          {view.burst && (
            <>
              {' · '}burst{' '}
              <span data-testid="rate-limit-burst">
                {view.burst.remaining} / {view.burst.limit}
              </span>{' '}
              a second
            </>
          )}
        </p>
        <p className="truncate text-slate-700">
          {view.planLabel && <span data-testid="rate-limit-plan">{view.planLabel} · </span>}
          {view.resetsIn > 0 ? <>resets in {formatSeconds(view.resetsIn)}</> : <>window over</>}
          <span className="block truncate sm:inline" data-testid="rate-limit-dashboard-share">
            <span className="hidden sm:inline"> · </span>
            {view.used} {view.used === 1 ? 'call' : 'calls'}, {view.dashboardCalls} by the dashboard
          </span>
          <span className="sr-only">. Last call by {view.sourceLabel}.</span>
        </p>
      </div>
    </MeterBox>
  );
}
