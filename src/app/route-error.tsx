import { useQueryErrorResetBoundary } from '@tanstack/react-query';
import { type ErrorComponentProps, useRouter } from '@tanstack/react-router';
import { useEffect } from 'react';
import { isApiError } from '../api/api-error';
import { LazyThrownErrorGuidance } from '../errors/lazy-guidance';

/**
 * The route-level boundary: anything a panel's own boundary did not catch ends
 * here, as guidance for its code; "Try again" resets the failed queries and the route.
 */
export function RouteError({ error }: ErrorComponentProps) {
  const router = useRouter();
  const queryErrorReset = useQueryErrorResetBoundary();
  useEffect(() => queryErrorReset.reset(), [queryErrorReset]);
  const retry = () => void router.invalidate();

  if (isApiError(error)) {
    return <LazyThrownErrorGuidance error={error} onRetry={retry} />;
  }
  return (
    <section role="alert" className="space-y-2">
      <h1 className="text-2xl font-semibold">Something went wrong on this page</h1>
      <p>{error instanceof Error ? error.message : String(error)}</p>
      <button type="button" className="rounded-md border border-slate-400 px-3 py-1.5" onClick={retry}>
        Try again
      </button>
    </section>
  );
}
