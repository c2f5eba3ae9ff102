import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { maskApiKey } from '../../../contract/auth';
import { PLAN_LIMITS } from '../../../contract/plans';
import { useApiKey } from '../../api/credentials-store';
import { usageQueries } from '../../api/usage';

/**
 * The key in use and its plan, in the header of every page. The plan comes from the usage the overview and the
 * key check already fetch; the badge asks only when nothing has (a reload on another page), and never refreshes
 * it by itself, so it costs no rate limit of its own.
 */
export function KeyBadge() {
  const apiKey = useApiKey();
  const usage = useQuery({ ...usageQueries.summary(), enabled: apiKey !== null, staleTime: Infinity });
  const plan = apiKey && usage.data ? PLAN_LIMITS[usage.data.plan].label : null;
  const masked = apiKey ? maskApiKey(apiKey) : null;
  return (
    <Link
      to="/settings"
      aria-label={masked ? `API key ${masked}${plan ? `, ${plan} plan` : ''}: settings` : 'No API key yet: settings'}
      className="inline-flex max-w-full flex-wrap items-center gap-x-2 rounded-md border border-slate-300 px-2 py-1 text-xs text-slate-800"
    >
      {plan && (
        <span className="font-semibold" data-testid="badge-plan">
          {plan}
        </span>
      )}
      <span className="font-mono">{masked ?? 'No key yet'}</span>
    </Link>
  );
}
