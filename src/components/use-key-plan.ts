import { useQuery } from '@tanstack/react-query';
import { useRouterState } from '@tanstack/react-router';
import { planOfLimits, type Plan } from '../../contract/plans';
import { useApiKey } from '../api/credentials-store';
import { useKeyHistory } from '../api/rate-limit-store';
import { usageQueries } from '../api/usage';
import { useAfterFirstPaint } from '../lib/use-after-first-paint';

/**
 * The connected key's plan, as the header shows it (the key badge and the meter: one call for both). It comes from
 * the usage the overview and the key check already fetch; the header asks only when nothing has (a reload on another
 * page), after the first paint, and never refreshes it by itself. Not on the overview, which reads the usage itself
 * at once: asking here as well would spend a second call in the same second.
 * When GET /usage has not answered (an exhausted key's 429), the limits of the key's latest answer name the plan:
 * the one place the header, the badge and the rate-limits page read it from.
 */
export function useKeyPlan(): Plan | undefined {
  const apiKey = useApiKey();
  const onOverview = useRouterState({ select: (state) => state.location.pathname === '/' });
  const painted = useAfterFirstPaint();
  const usagePlan = useQuery({
    ...usageQueries.summary(),
    enabled: painted && apiKey !== null && !onOverview,
    staleTime: Infinity,
    select: (usage) => usage.plan,
  }).data;
  const latest = useKeyHistory(apiKey).at(-1);
  return usagePlan ?? (latest && planOfLimits(latest.limit, latest.burst?.limit)) ?? undefined;
}
