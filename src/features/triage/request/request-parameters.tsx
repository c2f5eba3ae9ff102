import type { RequestDetail } from '../../../../contract/request-detail';

/**
 * The scrape request as the server read it. The server masks cookie values and anything key-shaped before it stores
 * them, so what shows here is safe to paste into a ticket.
 */
export function RequestParameters({ parameters }: { parameters: RequestDetail['parameters'] }) {
  if (!parameters) return null;
  return (
    <section aria-labelledby="parameters-heading" className="space-y-2">
      <h2 id="parameters-heading" className="text-lg font-semibold">
        Parameters
      </h2>
      <pre
        data-testid="request-parameters"
        className="rounded-lg border border-slate-200 bg-slate-50 p-3 text-sm whitespace-pre-wrap wrap-anywhere"
      >
        {JSON.stringify(parameters, null, 2)}
      </pre>
    </section>
  );
}
