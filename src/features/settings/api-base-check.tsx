import { useQuery } from '@tanstack/react-query';
import { isApiError } from '../../api/api-error';
import { sandboxQueries } from '../../api/sandbox';

/**
 * What the saved address answered: the sandbox, another API (the real one, or a proxy to it), or nothing. It
 * asks once, with no retries: the user has just typed the address and is waiting to hear whether it works.
 */
export function ApiBaseCheck({ apiBase }: { apiBase: string }) {
  const info = useQuery(sandboxQueries.check(apiBase));

  if (info.isPending) {
    return (
      <p role="status" className="text-sm text-slate-700">
        Saved. Trying {apiBase}…
      </p>
    );
  }
  if (info.isError) {
    const error = info.error;
    const reason =
      isApiError(error) && error.status === 0
        ? `Nothing answers at ${apiBase}: the dashboard cannot reach the API there. Check the address (and that the server is running); every page will fail until it is fixed.`
        : isApiError(error) && error.code === 'UNEXPECTED_RESPONSE'
          ? `${apiBase} answers, but not like the API (${error.message}). Check the address: it should end in /api/v1.`
          : `${apiBase} answered ${isApiError(error) ? `${error.code} (HTTP ${error.status})` : error.message}. Check the address.`;
    return (
      <p role="alert" className="text-sm font-medium text-red-800">
        <span aria-hidden="true">⚠ </span>
        Saved, but unreachable. {reason}
      </p>
    );
  }
  return (
    <p role="status" className="text-sm text-green-800">
      Saved. {apiBase} answers
      {info.data ? ': it is the local sandbox.' : ' (not the sandbox: the real API, or a proxy to it).'}
    </p>
  );
}
