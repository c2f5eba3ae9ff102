import { getRouteApi, Link } from '@tanstack/react-router';
import { codesAtStatus, entriesForCode, statusEntry, type CatalogEntry } from '../../errors/catalog';
import { REFUND_LABEL, RETRY_LABEL } from './labels';
import { usePageSearch } from '../../lib/route-search';
import { errorDetailSearchSchema } from './search';

const route = getRouteApi('/errors/$code');

/** One code (all of its statuses: SESSION_EXPIRED has two) or one HTTP status, from the catalog. */
export function ErrorDetailPage() {
  const { code } = route.useParams();
  const { status, q } = usePageSearch(route, errorDetailSearchSchema);
  const asStatus = /^\d{3}$/.test(code) ? Number(code) : undefined;
  const byStatus = asStatus === undefined ? undefined : statusEntry(asStatus);
  // A status the seed's table has no row for (410) is still known by the codes answered with it.
  const byCodes = asStatus === undefined || byStatus ? [] : codesAtStatus(asStatus);
  const entries = byStatus ? [byStatus] : byCodes.length > 0 ? byCodes : entriesForCode(code);

  if (entries.length === 0) {
    return (
      <section className="space-y-2">
        <h1 className="text-2xl font-semibold">Unknown code {code}</h1>
        <p>
          This code is not in the catalog. Its HTTP status still tells a lot:{' '}
          <Link to="/errors" search={{ q }} className="text-blue-800 underline">
            browse the reference
          </Link>
          .
        </p>
      </section>
    );
  }

  // The status the user came from goes first; the others follow, so a code's two meanings are both in view.
  const ordered = [...entries].sort((a, b) => Number(b.status === status) - Number(a.status === status));
  return (
    <div className="space-y-4">
      <p>
        <Link to="/errors" search={{ q }} className="text-blue-800 underline">
          {q ? `← All errors matching “${q.length > 40 ? `${q.slice(0, 40)}…` : q}”` : '← All errors'}
        </Link>
      </p>
      <h1 className="font-mono text-2xl font-semibold break-all">{code.toUpperCase()}</h1>
      {byCodes.length > 0 ? (
        <p className="text-slate-700">
          The API answers {code} with {byCodes.length === 1 ? 'this code' : `${byCodes.length} codes`}; the error code
          in the body tells which.
        </p>
      ) : (
        ordered.length > 1 && (
          <p className="text-slate-700">
            This code exists at {ordered.length} statuses with different meanings; the status tells them apart.
          </p>
        )
      )}
      {ordered.map((entry) => (
        <EntryCard key={`${entry.code}-${entry.status}`} entry={entry} named={byCodes.length > 0} />
      ))}
    </div>
  );
}

/** `named`: the page is a status's, so each card says which code it is. */
function EntryCard({ entry, named }: { entry: CatalogEntry; named: boolean }) {
  const headingId = `entry-${entry.code}-${entry.status}`;
  const rows: [string, string][] = [
    ['What happened', entry.whatHappened],
    ['Refund', REFUND_LABEL[entry.refund]],
    ['Retry', RETRY_LABEL[entry.retry]],
    ['What to change', entry.whatToChange],
  ];
  return (
    <section aria-labelledby={headingId} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={headingId} className="text-lg font-semibold">
        {named && (
          <Link
            to="/errors/$code"
            params={{ code: entry.code }}
            search={{ status: entry.status }}
            className="font-mono break-all text-blue-800 underline"
          >
            {entry.code}
          </Link>
        )}
        {named && ' · '}
        {entry.status === 0 ? 'No response' : `${entry.status} ${entry.statusText}`}: {entry.title}
      </h2>
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[10rem_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium text-slate-700">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        {entry.fixes.length > 0 && (
          <div className="contents">
            <dt className="font-medium text-slate-700">Fixes offered</dt>
            <dd>
              <ul className="list-inside list-disc">
                {entry.fixes.map((fix) => (
                  <li key={fix.id}>{fix.label}</li>
                ))}
              </ul>
            </dd>
          </div>
        )}
        <div className="contents">
          <dt className="font-medium text-slate-700">Source</dt>
          <dd>{entry.source === 'seed' ? 'AlterLab error-code reference' : 'This sandbox’s API contract'}</dd>
        </div>
      </dl>
    </section>
  );
}
