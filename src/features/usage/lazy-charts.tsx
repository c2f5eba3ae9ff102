import { lazy, Suspense, type ComponentType } from 'react';

/** recharts is only in the chart chunk: it loads with the first chart, never with the app. */
const charts = () => import('./charts');

function lazyChart<P extends object>(load: () => Promise<ComponentType<P>>) {
  const Chart = lazy(() => load().then((component) => ({ default: component })));
  return function LazyChart(props: P) {
    return (
      <Suspense fallback={<p className="text-sm text-slate-600">Loading the chart…</p>}>
        <Chart {...props} />
      </Suspense>
    );
  };
}

export const CreditsPerDayChart = lazyChart(() => charts().then((module) => module.CreditsPerDayChart));
export const OutcomesPerDayChart = lazyChart(() => charts().then((module) => module.OutcomesPerDayChart));
export const TierChart = lazyChart(() => charts().then((module) => module.TierChart));
export const ErrorCodeChart = lazyChart(() => charts().then((module) => module.ErrorCodeChart));
