import { QueryErrorResetBoundary } from '@tanstack/react-query';
import { Suspense, type ReactNode } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { isApiError } from '../api/api-error';
import { LazyThrownErrorGuidance } from './lazy-guidance';

/**
 * One panel's loading and failure states. A failed query renders the catalog's
 * guidance for its code; "Try again" resets the query so it fetches anew.
 */
export function QueryBoundary({ label, children }: { label: string; children: ReactNode }) {
  return (
    <QueryErrorResetBoundary>
      {({ reset }) => (
        <ErrorBoundary
          onReset={reset}
          fallbackRender={({ error, resetErrorBoundary }) =>
            isApiError(error) ? (
              <LazyThrownErrorGuidance error={error} onRetry={resetErrorBoundary} />
            ) : (
              <div role="alert" className="space-y-2 text-sm">
                <p>
                  The {label} could not be shown: {error instanceof Error ? error.message : String(error)}
                </p>
                <button type="button" className="underline" onClick={resetErrorBoundary}>
                  Try again
                </button>
              </div>
            )
          }
        >
          <Suspense fallback={<p className="text-sm text-slate-600">Loading the {label}…</p>}>{children}</Suspense>
        </ErrorBoundary>
      )}
    </QueryErrorResetBoundary>
  );
}
