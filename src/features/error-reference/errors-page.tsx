import { getRouteApi, Link } from '@tanstack/react-router';
import { useId } from 'react';
import { ColumnHeaders } from '../../components/column-headers';
import { ScrollRegion } from '../../components/scroll-region';
import { BreakableCode } from '../../components/breakable-code';
import { REFUND_LABEL, RETRY_LABEL } from './labels';
import { PastedSummary } from './pasted-summary';
import { redactSecrets } from './redact-secrets';
import { searchEntries } from './search-entries';
import { usePageSearch } from '../../lib/route-search';
import { errorsSearchSchema } from './search';

const route = getRouteApi('/errors');
const COLUMNS = [{ label: 'Code' }, { label: 'Status' }, { label: 'Meaning' }, { label: 'Retry' }, { label: 'Refund' }];

/**
 * The error reference: every code and status of the catalog, searchable by code, status, words or refund, and
 * a pasted error body, response or request id is read for its code.
 */
export function ErrorsPage() {
  const { q = '' } = usePageSearch(route, errorsSearchSchema);
  const navigate = route.useNavigate();
  const { decoded, results } = searchEntries(q);
  const countId = useId();

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Error reference</h1>
      <p className="max-w-3xl text-slate-700">
        Every error code and HTTP status the API answers with: what it means, whether you are refunded, when a retry is
        safe, and what to change. Search by a code, a status or a few words, or paste an error body, a response (curl
        -i) or a request id.
      </p>
      <form role="search" onSubmit={(event) => event.preventDefault()}>
        <label htmlFor="error-search" className="block text-sm font-medium">
          Search the errors
        </label>
        <input
          id="error-search"
          type="search"
          value={q}
          aria-describedby={countId}
          placeholder="TIMEOUT, 429, refund, a pasted error…"
          onChange={(event) =>
            void navigate({ search: { q: redactSecrets(event.target.value) || undefined }, replace: true })
          }
          className="mt-1 w-full max-w-md rounded-md border border-slate-400 px-3 py-2"
        />
        <p id={countId} className="mt-1 text-sm text-slate-600" aria-live="polite">
          {results.length === 1 ? '1 match' : `${results.length} matches`}
        </p>
      </form>
      {decoded && <PastedSummary decoded={decoded} />}
      {results.length > 0 && (
        <ScrollRegion label="Error codes and statuses" className="rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Error codes and statuses</caption>
            <ColumnHeaders columns={COLUMNS} cellClassName="px-3 py-2" />
            <tbody>
              {results.map((entry) => (
                <tr key={`${entry.code}-${entry.status}`} className="border-b border-slate-100 align-top">
                  <td className="px-3 py-2">
                    <Link
                      to="/errors/$code"
                      params={{ code: entry.code }}
                      search={{ status: entry.status, q: q || undefined }}
                      className="font-mono wrap-break-word text-blue-800 underline"
                    >
                      <BreakableCode text={entry.code} />
                    </Link>
                  </td>
                  <td className="px-3 py-2">{entry.status === 0 ? '—' : `${entry.status} ${entry.statusText}`}</td>
                  <td className="px-3 py-2">{entry.title}</td>
                  <td className="px-3 py-2">{RETRY_LABEL[entry.retry]}</td>
                  <td className="px-3 py-2">{REFUND_LABEL[entry.refund]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </div>
  );
}
