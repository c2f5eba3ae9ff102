/**
 * What support staff paste into the search: an error body (JSON), a whole response (`curl -i`, with its status
 * line and headers), or a request id. Deterministic: the parts are read, never guessed.
 */
export interface DecodedPaste {
  kind: 'error-body' | 'response' | 'request-id';
  code: string | null;
  /** The HTTP status of a `curl -i` response's status line; null when only a body was pasted. */
  status: number | null;
  requestId: string | null;
  message: string | null;
}

/** The sandbox's and the API's request ids: `req_` and a UUID. */
const REQUEST_ID = /\breq_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i;
/**
 * At the start, or after curl -v's "<" that marks the response's lines (its request line, after ">", is not one). The
 * last one is the answer's: a 100 Continue or a redirect followed with -L comes before it.
 */
const STATUS_LINES = /(?:^|<)\s*HTTP\/[\d.]+\s+(\d{3})\b/gi;
const REQUEST_ID_HEADER = /^x-request-id:\s*(\S+)/im;

const stringField = (record: Record<string, unknown>, name: string) =>
  typeof record[name] === 'string' && record[name] !== '' ? record[name] : null;

/**
 * The JSON object in the text: all of it, or from a `{` to its last `}` (a body after headers). The first `{` that
 * opens one wins: curl -v's data markers (`{ [460 bytes data]`) come before the body.
 */
function jsonObjectIn(text: string): Record<string, unknown> | null {
  const end = text.lastIndexOf('}');
  for (let start = text.indexOf('{'); start !== -1 && start < end; start = text.indexOf('{', start + 1)) {
    try {
      const value: unknown = JSON.parse(text.slice(start, end + 1));
      return value !== null && typeof value === 'object' && !Array.isArray(value)
        ? (value as Record<string, unknown>)
        : null;
    } catch {
      // Not the body's start: try the next brace.
    }
  }
  return null;
}

export function decodePaste(text: string): DecodedPaste | null {
  const statusLine = [...text.matchAll(STATUS_LINES)].at(-1);
  const body = jsonObjectIn(text);
  const headerId = REQUEST_ID_HEADER.exec(text)?.[1] ?? null;
  const anyId = REQUEST_ID.exec(text)?.[0] ?? null;

  if (statusLine || body) {
    const code = body ? (stringField(body, 'error') ?? stringField(body, 'code')) : null;
    // A JSON object that names no error and comes with no status line is not an error body.
    if (!statusLine && !code) return null;
    return {
      kind: statusLine ? 'response' : 'error-body',
      code: code && /^[A-Z][A-Z0-9_]*$/.test(code) ? code : null,
      status: statusLine ? Number(statusLine[1]) : null,
      requestId: (body && stringField(body, 'request_id')) ?? headerId ?? anyId,
      message: body ? (stringField(body, 'message') ?? stringField(body, 'detail')) : null,
    };
  }
  if (anyId && text.trim() === anyId) {
    return { kind: 'request-id', code: null, status: null, requestId: anyId, message: null };
  }
  return null;
}
