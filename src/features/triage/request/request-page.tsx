import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useRouter } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import type { RequestDetail } from '../../../../contract/request-detail';
import { isApiError } from '../../../api/api-error';
import { requestQueries } from '../../../api/requests';
import { LazyThrownErrorGuidance } from '../../../errors/lazy-guidance';
import { adviceForEntry } from '../log/refund-verdict';
import { CopyButton } from './copy-button';
import { RequestFacts } from './request-facts';
import { RequestParameters } from './request-parameters';
import { isRerunnable, rerunSearch } from './rerun-search';
import { supportSummary } from './support-summary';

const route = getRouteApi('/triage/requests/$id');

/** The catalog's words and the card are a chunk of their own, loaded when a failed request is shown. */
const GuidanceCard = lazy(() =>
  import('../../../errors/guidance-card').then((module) => ({ default: module.GuidanceCard })),
);

/** One logged request at its own address: what support sends back, and where to try it again. */
export function RequestPage() {
  const { id } = route.useParams();
  const lookup = useQuery({ ...requestQueries.fullDetail(id), retry: false });

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <p className="text-sm">
          <Link to="/triage/log" className="text-blue-800 underline">
            Request log
          </Link>
        </p>
        <h1 className="text-2xl font-semibold break-all">
          Request <span className="font-mono">{id}</span>
        </h1>
      </div>
      {lookup.isPending ? (
        <p role="status">Looking the request up in this key’s request log…</p>
      ) : lookup.isError ? (
        isApiError(lookup.error) && lookup.error.status === 404 ? (
          <p role="alert">
            This request is not in the connected key’s request log: another key made it, or the id is mistyped.
          </p>
        ) : (
          <LazyThrownErrorGuidance error={lookup.error} onRetry={() => void lookup.refetch()} />
        )
      ) : (
        <RequestView detail={lookup.data} />
      )}
    </div>
  );
}

function RequestView({ detail }: { detail: RequestDetail }) {
  const router = useRouter();
  const path = router.buildLocation({ to: '/triage/requests/$id', params: { id: detail.request_id } }).href;
  const link = new URL(path, window.location.origin).href;
  const advice = adviceForEntry(detail);
  const summary = supportSummary(detail, link);

  return (
    <>
      <RequestFacts detail={detail} />
      <div className="flex flex-wrap items-center gap-3">
        {isRerunnable(detail) && (
          <Link
            to="/scrape"
            search={rerunSearch(detail)}
            className="rounded-md bg-blue-700 px-3 py-2 text-sm font-medium text-white hover:bg-blue-800"
          >
            Open in the scrape page
          </Link>
        )}
      </div>
      <RequestParameters parameters={detail.parameters} />
      <section aria-labelledby="share-heading" className="space-y-2">
        <h2 id="share-heading" className="text-lg font-semibold">
          Share
        </h2>
        <p className="text-sm text-slate-700">
          This page’s address opens the same request for anyone connected with the same key.
        </p>
        <p className="flex flex-wrap items-center gap-3">
          <code className="font-mono text-sm break-all" data-testid="request-link">
            {link}
          </code>
          <CopyButton text={link} label="Copy link" />
        </p>
      </section>
      <section aria-labelledby="summary-heading" className="space-y-2">
        <h2 id="summary-heading" className="text-lg font-semibold">
          Support summary
        </h2>
        <pre
          data-testid="support-summary"
          className="rounded-lg border border-slate-200 bg-slate-50 p-3 text-sm whitespace-pre-wrap wrap-anywhere"
        >
          {summary}
        </pre>
        <CopyButton text={summary} label="Copy summary" />
      </section>
      {advice && (
        <Suspense fallback={<p className="text-sm text-slate-700">Loading the guidance for this error…</p>}>
          <GuidanceCard
            advice={advice}
            context={{ url: detail.url ?? undefined, sessionId: detail.session_id ?? undefined }}
          />
        </Suspense>
      )}
    </>
  );
}
