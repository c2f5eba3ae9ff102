import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { usageQueries } from '../../api/usage';
import { lazy, Suspense } from 'react';

const CODE = 'SUBSCRIPTION_INACTIVE';

// The catalog's words come with the warning, not with the overview's first load (most keys never see it).
const CatalogAdvice = lazy(() => import('./catalog-advice').then((module) => ({ default: module.CatalogAdvice })));

/**
 * A lapsed subscription, said before anything else: every scrape is refused until it is renewed. The advice is the
 * catalog's for the code the API will answer with.
 */
export function SubscriptionWarning() {
  const { usage } = useSuspenseQuery(usageQueries.snapshot()).data;
  if (usage.subscription_status === 'active') return null;
  return (
    <section
      aria-labelledby="subscription-warning-heading"
      data-testid="subscription-warning"
      className="mb-4 space-y-2 rounded-lg border-l-4 border-red-700 bg-red-50 p-4 text-sm text-slate-900"
    >
      <h2 id="subscription-warning-heading" className="text-base font-semibold text-red-900">
        <span aria-hidden="true">⚠ </span>
        This key’s subscription is cancelled
      </h2>
      <p>
        Scrapes with this key are refused with{' '}
        <Link to="/errors/$code" params={{ code: CODE }} className="font-mono text-red-800 underline">
          {CODE}
        </Link>{' '}
        and nothing is charged; the balance stays as it is.{' '}
        <Suspense fallback={null}>
          <CatalogAdvice code={CODE} />
        </Suspense>
      </p>
      <p>
        Or{' '}
        <Link to="/settings" className="text-blue-800 underline">
          use another key in Settings
        </Link>
        .
      </p>
    </section>
  );
}
