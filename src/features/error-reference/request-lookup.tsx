import { useQuery } from '@tanstack/react-query';
import { isApiError } from '../../api/api-error';
import { requestQueries } from '../../api/requests';
import { RequestCodeLink } from '../../components/request-code-link';
import { credits, formatDateTime } from '../../lib/format';

/** A pasted request id, looked up in the connected key's request log (GET /requests/{id}). */
export function RequestLookup({ requestId }: { requestId: string }) {
  const lookup = useQuery({ ...requestQueries.detail(requestId), retry: false });

  if (lookup.isPending) return <p role="status">Looking the request up in this key’s request log…</p>;
  if (lookup.isError) {
    const notFound = isApiError(lookup.error) && lookup.error.status === 404;
    return (
      <p role="status">
        {notFound
          ? 'This request is not in the connected key’s request log: another key made it, or the id is mistyped.'
          : `The request log could not be read (${isApiError(lookup.error) ? lookup.error.code : lookup.error.message}).`}
      </p>
    );
  }
  const entry = lookup.data;
  return (
    <div className="space-y-1" data-testid="pasted-request">
      <p className="font-medium">In this key’s request log:</p>
      <p>
        {formatDateTime(entry.at)} · <span className="font-mono">{entry.method}</span>{' '}
        <span className="font-mono">{entry.url ?? entry.path}</span> · HTTP {entry.status} ·{' '}
        <RequestCodeLink code={entry.code} status={entry.status} />
      </p>
      <p>
        {credits(entry.credits_charged)} charged
        {entry.credits_refunded > 0 ? `, ${credits(entry.credits_refunded)} refunded` : ', nothing refunded'}
        {entry.tier ? ` · tier ${entry.tier}` : ''}
      </p>
    </div>
  );
}
