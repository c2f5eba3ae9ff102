import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { isApiError } from '../api/api-error';
import { requestQueries } from '../api/requests';
import { credits, formatDateTime } from '../lib/format';
import { LookingUp } from './logged-request-pending';
import { RequestCodeLink } from './request-code-link';

/**
 * A request id someone pasted, looked up in the connected key's request log (GET /requests/{id}): the error
 * reference's search and the triage decoder show it the same way; `children` is where each page links onward.
 */
export function LoggedRequest({ requestId, children }: { requestId: string; children?: ReactNode }) {
  const lookup = useQuery({ ...requestQueries.detail(requestId), retry: false });

  if (lookup.isPending) return <LookingUp />;
  if (lookup.isError) {
    const notFound = isApiError(lookup.error) && lookup.error.status === 404;
    return (
      <p role="status" className="text-sm">
        {notFound
          ? 'This request is not in the connected key’s request log: another key made it, or the id is mistyped.'
          : `The request log could not be read (${isApiError(lookup.error) ? lookup.error.code : lookup.error.message}).`}
      </p>
    );
  }
  const entry = lookup.data;
  return (
    <section
      aria-labelledby={`logged-${entry.request_id}`}
      className="space-y-1 rounded-lg border border-slate-200 bg-white p-4 text-sm"
      data-testid="pasted-request"
    >
      <h3 id={`logged-${entry.request_id}`} className="text-base font-semibold">
        In this key’s request log
      </h3>
      <p className="wrap-anywhere">
        {formatDateTime(entry.at)} · <span className="font-mono">{entry.method}</span>{' '}
        <span className="font-mono">{entry.url ?? entry.path}</span> · HTTP {entry.status} ·{' '}
        <RequestCodeLink code={entry.code} status={entry.status} />
      </p>
      <p>
        {credits(entry.credits_charged)} charged
        {entry.credits_refunded > 0 ? `, ${credits(entry.credits_refunded)} refunded` : ', nothing refunded'}
        {entry.tier ? ` · tier ${entry.tier}` : ''}
      </p>
      {children}
    </section>
  );
}
