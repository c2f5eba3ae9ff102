import { useQuery } from '@tanstack/react-query';
import { Link, useRouterState } from '@tanstack/react-router';
import { maskApiKey } from '../../../contract/api-key';
import { PLAN_LIMITS } from '../../../contract/plans';
import { useApiKey } from '../../api/credentials-store';
import { usageQueries } from '../../api/usage';
import { useAfterFirstPaint } from '../../lib/use-after-first-paint';

/**
 * The key in use and its plan, in the header of every page. The plan comes from the usage the overview and the
 * key check already fetch; the badge asks only when nothing has (a reload on another page), and never refreshes
 * it by itself.
 */
export function KeyBadge() {
  const apiKey = useApiKey();
  // The overview reads the usage itself, at once: asking here as well would spend a second call in the same second.
  const onOverview = useRouterState({ select: (state) => state.location.pathname === '/' });
  // After the first paint, as the meter asks it (one call for both).
  const painted = useAfterFirstPaint();
  const usage = useQuery({
    ...usageQueries.summary(),
    enabled: painted && apiKey !== null && !onOverview,
    staleTime: Infinity,
  });
  const plan = apiKey && usage.data ? PLAN_LIMITS[usage.data.plan].label : null;
  const masked = apiKey ? maskApiKey(apiKey) : null;
  return (
    <Link
      to="/settings"
      aria-label={masked ? `API key ${masked}${plan ? `, ${plan} plan` : ''}: settings` : 'No API key yet: settings'}
      className="inline-flex max-w-full flex-wrap items-center gap-x-2 rounded-md border border-slate-300 px-2 py-1 text-xs text-slate-800"
    >
      {masked && (
        // Its room is kept from the first paint, so the header does not shift when the plan arrives; beside the
        // title on a phone there is no room at all, and the meter's row names the plan there.
        <span className="hidden min-w-[5.5rem] font-semibold sm:inline-block" data-testid="badge-plan">
          {plan}
        </span>
      )}
      <span className="font-mono">{masked ?? 'No key yet'}</span>
    </Link>
  );
}
