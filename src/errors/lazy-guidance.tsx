import { lazy, Suspense } from 'react';

/** The catalog's words and the card are a chunk of their own, loaded the first time a failure is shown. */
const ThrownErrorGuidance = lazy(() =>
  import('./guidance-card').then((module) => ({ default: module.ThrownErrorGuidance })),
);

/**
 * The guidance for a thrown error, for code on the app's first load (the overview's panels, the route's error
 * view): importing guidance-card there would put the whole catalog in the first chunk.
 */
export function LazyThrownErrorGuidance(props: { error: unknown; onRetry?: () => void }) {
  return (
    <Suspense fallback={<p className="text-sm text-slate-700">Loading the guidance for this error…</p>}>
      <ThrownErrorGuidance {...props} />
    </Suspense>
  );
}
