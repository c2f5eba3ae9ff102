import type { ReactNode } from 'react';
import { useApiKey } from '../../api/credentials-store';
import { LOW_BUDGET_SHARE, useConnectedBudget } from '../../api/rate-limit-store';
import { useKeyPlan } from '../../components/use-key-plan';
import { formatSeconds } from '../../lib/format';
import { describeRateLimit } from './describe-rate-limit';

/**
 * One box for the meter and its placeholder, the same size from the first paint (nothing shifts when the first
 * answer arrives): at the right of the header row on a wide screen, a row of its own under the title and the key
 * on a narrower one. Wide enough for the longest text it shows (High Volume's three-digit counts), so nothing is
 * cut off.
 */
function MeterBox({ children }: { children: ReactNode }) {
  return (
    <section
      aria-label="Rate limit"
      data-testid="rate-limit-meter"
      className="order-last flex h-20 w-full shrink-0 items-center gap-3 overflow-hidden text-xs leading-5 sm:h-10 lg:order-none lg:w-[34rem]"
    >
      {children}
    </section>
  );
}

/**
 * A number in a slot as wide as the largest it can be, so the words after it never move as it counts. The slot has
 * a fixed width, the number is right-aligned in it by a left padding of whole digits, and each new value is a new
 * node: a count that changes never registers as a layout shift, even in a font whose digit pairs differ in width
 * by a fraction of a pixel.
 */
function Count({ value, widest, testId }: { value: number; widest: number; testId?: string }) {
  const digits = String(widest).length;
  const missing = Math.max(0, digits - String(value).length);
  return (
    <span
      key={value}
      className="inline-block text-left whitespace-nowrap tabular-nums"
      style={{ width: `${digits}ch`, paddingLeft: `${missing}ch` }}
      data-testid={testId}
    >
      {value}
    </span>
  );
}

/**
 * The live meter in the header: the connected key's minute window (X-RateLimit-*), its burst beside it, the plan,
 * how many of the window's calls the dashboard made by itself, and the reset countdown. Answers to key-less calls
 * and to other keys never reach it (the HTTP client keeps samples per key). Numbers and the countdown sit in
 * slots of fixed width, so the words after them never move.
 */
export function RateLimitMeter() {
  const apiKey = useApiKey();
  const { window, now } = useConnectedBudget();
  // The limits name the plan when a call was refused.
  const plan = useKeyPlan();

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
      {/* Four lines on a phone, two from sm: the same pieces in the same order, broken at other places. */}
      <p className="min-w-0 flex-1 truncate">
        <span className="inline-block min-w-[4.25rem] font-semibold">{view.stateLabel}</span>
        <span data-testid="rate-limit-remaining">
          <Count value={view.remaining} widest={view.limit} /> / {view.limit}
        </span>{' '}
        left this minute
        <br className="sm:hidden" />
        {view.burst && (
          <>
            <span className="hidden sm:inline"> · </span>burst{' '}
            <span data-testid="rate-limit-burst">
              <Count value={view.burst.remaining} widest={view.burst.limit} /> / {view.burst.limit}
            </span>{' '}
            a second
          </>
        )}
        <br className="hidden sm:inline" />
        {view.planLabel && (
          <span className="text-slate-700" data-testid="rate-limit-plan">
            <span className={view.burst ? 'sm:hidden' : 'hidden'}> · </span>
            {view.planLabel}
          </span>
        )}
        <br className="sm:hidden" />
        <span className="text-slate-700">
          <span className={view.planLabel ? 'hidden sm:inline' : 'hidden'}> · </span>
          {/* A slot as wide as its longest text ("resets in 1 min 1 s", as the reset is in whole seconds): what
              follows never moves as it counts down. */}
          <span className="inline-block w-[7.25rem] whitespace-nowrap">
            {view.resetsIn > 0 ? <>resets in {formatSeconds(view.resetsIn)}</> : <>window over</>}
          </span>
          <br className="sm:hidden" />
          <span data-testid="rate-limit-dashboard-share">
            <span className="hidden sm:inline"> · </span>by the dashboard:{' '}
            <Count value={view.dashboardCalls} widest={view.limit} /> of <Count value={view.used} widest={view.limit} />{' '}
            {view.used === 1 ? 'call' : 'calls'}
          </span>
        </span>
        <span className="sr-only">. Last call by {view.sourceLabel}.</span>
      </p>
    </MeterBox>
  );
}
