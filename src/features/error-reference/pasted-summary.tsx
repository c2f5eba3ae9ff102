import { Link } from '@tanstack/react-router';
import { useApiKey } from '../../api/credentials-store';
import { LoggedRequestOnDemand } from '../../components/logged-request-on-demand';
import type { PasteSummary } from './search-entries';

const KIND_LABEL: Record<PasteSummary['kind'], string> = {
  'error-body': 'an error body',
  'http-response': 'a whole response',
  'request-id': 'a request id',
};

/**
 * What was read from a paste, and where it points: the code's entry below, and for a request id its entry in
 * this key's request log, and the request's own page in triage.
 */
export function PastedSummary({ decoded }: { decoded: PasteSummary }) {
  const apiKey = useApiKey();
  return (
    <section
      aria-labelledby="pasted-heading"
      className="max-w-3xl space-y-2 rounded-lg border border-blue-200 bg-blue-50 p-4 text-sm wrap-anywhere"
    >
      <h2 id="pasted-heading" className="text-base font-semibold">
        You pasted {KIND_LABEL[decoded.kind]}
      </h2>
      <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[9rem_1fr]">
        {decoded.code && <Row label="Error code" value={decoded.code} mono />}
        {decoded.status !== null && <Row label="HTTP status" value={String(decoded.status)} />}
        {decoded.message && <Row label="The API said" value={`“${decoded.message}”`} />}
        {decoded.requestId && <Row label="Request id" value={decoded.requestId} mono />}
      </dl>
      {decoded.code && (
        <p>
          Its entry:{' '}
          <Link
            to="/errors/$code"
            params={{ code: decoded.code }}
            search={{ status: decoded.status ?? undefined }}
            className="font-mono text-blue-800 underline"
          >
            {decoded.code}
          </Link>
          , below with the others at its status.
        </p>
      )}
      {decoded.requestId &&
        (apiKey ? (
          <LoggedRequestOnDemand requestId={decoded.requestId} />
        ) : (
          <p>
            To see this request in the request log,{' '}
            <Link to="/settings" className="text-blue-800 underline">
              connect the key that made it
            </Link>
            .
          </p>
        ))}
      {decoded.requestId && apiKey && (
        <p>
          <Link
            to="/triage/requests/$id"
            params={{ id: decoded.requestId }}
            className="font-medium text-blue-800 underline"
          >
            Open this request in triage
          </Link>{' '}
          (in full, with a link to share).
        </p>
      )}
      {!decoded.requestId && (
        <p>
          <Link to="/triage" className="text-blue-800 underline">
            Decode it in triage
          </Link>{' '}
          for the status check, the refund verdict and when to retry.
        </p>
      )}
    </section>
  );
}

function Row({ label, value, mono = false }: { label: string; value: string; mono?: boolean }) {
  return (
    <div className="contents">
      <dt className="font-medium text-slate-700">{label}</dt>
      <dd className={mono ? 'font-mono' : undefined}>{value}</dd>
    </div>
  );
}
