import { Link } from '@tanstack/react-router';
import { maskApiKey } from '../../../contract/api-key';
import { PLAN_LIMITS } from '../../../contract/plans';
import { useApiKey } from '../../api/credentials-store';
import { useKeyPlan } from '../../components/use-key-plan';

/** The key in use and its plan (useKeyPlan), in the header of every page. */
export function KeyBadge() {
  const apiKey = useApiKey();
  const keyPlan = useKeyPlan();
  const plan = apiKey && keyPlan ? PLAN_LIMITS[keyPlan].label : null;
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
