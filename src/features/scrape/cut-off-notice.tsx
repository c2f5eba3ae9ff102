import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { RequestLogEntry } from '../../../contract/request-log';
import type { ScrapeRequest } from '../../../contract/scrape';
import { requestQueries } from '../../api/requests';
import { RequestCodeLink } from '../../components/request-code-link';
import { credits, formatDateTime } from '../../lib/format';

/** The log's times are whole milliseconds of the server's clock; a second of slack covers a small skew. */
const SKEW_MS = 1000;

/** The run's own line in the log: the newest POST /scrape of its URL since it started. */
function lineOf(entries: RequestLogEntry[], request: ScrapeRequest): RequestLogEntry | undefined {
  return entries.find(
    (entry) => entry.method === 'POST' && entry.path.endsWith('/scrape') && entry.url === request.url,
  );
}

/**
 * A sync run whose answer never reached the page (it was reloaded or left). The API still finishes such a
 * request and logs it, a charge included, so the page looks it up in the request log instead of guessing.
 */
export function CutOffNotice({ request, startedAt }: { request: ScrapeRequest; startedAt: number }) {
  const since = new Date(startedAt - SKEW_MS).toISOString();
  const { data, error, isFetching, refetch } = useQuery(requestQueries.list({ since, limit: 200 }));
  const line = data ? lineOf(data.requests, request) : undefined;
  return (
    <div className="space-y-2 text-sm" data-testid="cut-off-notice">
      <p className="font-medium">
        The run of <code className="font-mono break-all">{request.url}</code> started at {formatDateTime(startedAt)} was
        cut off: the page was left before its answer arrived.
      </p>
      {line ? (
        <p>
          The API logged it as request{' '}
          <Link
            to="/triage/requests/$id"
            params={{ id: line.request_id }}
            className="font-mono break-all text-blue-800 underline"
          >
            {line.request_id}
          </Link>
          : HTTP {line.status} <RequestCodeLink code={line.code} status={line.status} />,{' '}
          {credits(line.credits_charged)} charged, {credits(line.credits_refunded)} refunded.
        </p>
      ) : (
        <p>
          {error
            ? 'The request log could not be read.'
            : isFetching
              ? 'Looking for it in the request log…'
              : 'It is not in the request log yet: the API logs a request when it finishes.'}
        </p>
      )}
      {!line && (
        <button
          type="button"
          disabled={isFetching}
          onClick={() => void refetch()}
          className="rounded-md border border-slate-400 bg-white px-3 py-1.5 font-medium hover:bg-slate-50 disabled:opacity-60"
        >
          Check the log again
        </button>
      )}
    </div>
  );
}
