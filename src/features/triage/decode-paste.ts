import { ERROR_CODES } from '../../../contract/error-codes';
import { HTTP_STATUSES } from '../../../contract/http-statuses';
import { parseFailureBody } from '../../errors/failure-body';
import type { FailureInput } from '../../errors/failure-input';

/**
 * The triage decoder's reading of a paste: an error body (JSON), a raw response (`curl -i`, `curl -v`, with its
 * status line and headers), an SDK's exception text, a request id, a bare code or a bare status. Deterministic and
 * local: the parts are read, never guessed, and nothing here sends anything anywhere.
 */
export type PasteKind = 'error-body' | 'http-response' | 'sdk-exception' | 'request-id' | 'code' | 'status';

/** Where the status the guidance uses came from: said by the paste, by an SDK (its own numbers), or implied. */
export type StatusSource = 'response' | 'sdk' | 'code' | 'none';

export interface DecodedPaste {
  kind: PasteKind;
  /** The failure as the catalog reads it; null for a request id alone (its log entry tells the rest). */
  failure: FailureInput | null;
  statusSource: StatusSource;
  /** The status as the paste gave it (a status line, an SDK's number), before any code's status replaced it. */
  pastedStatus: number | null;
  /** The response's headers, names in lower case (raw HTTP pastes only). */
  headers: Record<string, string>;
  requestId: string | null;
  /** The exception's class, for an SDK paste. */
  exception: string | null;
}

export type DecodeResult = { ok: true; paste: DecodedPaste } | { ok: false; problem: string };

const KNOWN_CODES = new Set<string>(ERROR_CODES.map((facts) => facts.code));
const KNOWN_STATUSES = new Set<number>(HTTP_STATUSES.map((facts) => facts.status));
/** The sandbox's ids (`req_` and a UUID); the API's may be a bare UUID. */
const REQUEST_ID = /\breq_[0-9a-z][0-9a-z-]{7,}\b|\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i;
const CODE_SHAPE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$|^[A-Z]{4,}$/;
const STATUS_LINE = /^HTTP\/[\d.]+\s+(\d{3})\b/i;
const SDK_CLASS = /(?:^|[\s.])([A-Z]\w*(?:Error|Exception))(?::|\s*\[|$)/m;

const EXPECTS =
  'Paste an error body (JSON), a whole response (curl -i), an SDK’s exception text, a request id, a code such as ' +
  'TIMEOUT, or a status such as 429.';

const isCodeShaped = (text: string) => CODE_SHAPE.test(text);
const decoded = (paste: Omit<DecodedPaste, 'headers' | 'exception' | 'pastedStatus'> & Partial<DecodedPaste>) => ({
  ok: true as const,
  paste: { headers: {}, exception: null, pastedStatus: null, ...paste },
});
const problem = (text: string): DecodeResult => ({ ok: false, problem: text });
/** What the user pasted, as typed, cut short: a message quotes it to be recognised, not to repeat a long paste. */
const excerpt = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** The failure a body names, or, without a body, the status alone (the catalog then guides by status). */
function failureOf(body: string, status: number): FailureInput | null {
  if (body.trim() === '') return { status, code: String(status) };
  return parseFailureBody(body, status);
}

/** A raw response: the last status line (curl -i after a redirect or a 100 shows several), its headers, the body. */
function decodeResponse(text: string): DecodeResult {
  // curl -v marks the response's lines with "< " and the request's with "> ".
  const lines = text.split(/\r?\n/).map((line) => line.replace(/^<(?: |$)/, ''));
  const starts = lines.flatMap((line, index) => (STATUS_LINE.test(line.trim()) ? [index] : []));
  const start = starts.at(-1)!;
  const status = Number(STATUS_LINE.exec(lines[start]!.trim())![1]);
  const headers: Record<string, string> = {};
  let index = start + 1;
  for (; index < lines.length && lines[index]!.trim() !== ''; index++) {
    const header = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):\s*(.*)$/.exec(lines[index]!.trim());
    if (header) headers[header[1]!.toLowerCase()] = header[2]!.trim();
  }
  const body = lines
    .slice(index + 1)
    // curl -v's own lines: the request ("> "), notes ("* "), and the data markers ("{ [312 bytes data]").
    .filter((line) => !/^(?:[>*](?: |$)|[{}] \[\d+ bytes data\])/.test(line))
    .join('\n');
  if (status < 400) return problem(`This response is HTTP ${status}, not an error: there is nothing to decode.`);
  const failure = failureOf(body, status);
  if (!failure) {
    return problem(
      `The status line says HTTP ${status}, but the body after the headers is not an error body the API sends ` +
        '(JSON with an "error" code). Paste the whole response, body included.',
    );
  }
  return decoded({
    kind: 'http-response',
    failure: { ...failure, status },
    statusSource: 'response',
    pastedStatus: status,
    headers,
    requestId: failure.requestId ?? headers['x-request-id'] ?? null,
  });
}

function decodeBody(text: string): DecodeResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return problem(
      `This looks like JSON but does not parse (${error instanceof Error ? error.message : 'invalid JSON'}). ` +
        'Paste the body exactly as it came.',
    );
  }
  const failure = parseFailureBody(json);
  if (!failure) return problem('This JSON is not an error body: it names no "error" code. ' + EXPECTS);
  return decoded({
    kind: 'error-body',
    failure,
    statusSource: failure.status === 0 ? 'none' : 'code',
    requestId: failure.requestId ?? null,
  });
}

/**
 * An official client's exception: the Python SDK's `AlterLabAPIError: [402] message` (the status in brackets, the
 * API's message as it is; a failed job's text starts with its code), the Node SDK's `RateLimitError: message` with
 * `statusCode: 429` and its own `code` when inspected, or any `…Error: … (status 429, code RATE_LIMIT_EXCEEDED)`.
 */
function decodeSdk(text: string, exception: string): DecodeResult | null {
  const status =
    /\[(\d{3})\]/.exec(text)?.[1] ??
    /\bstatus(?:_?code|Code)?["']?\s*[:=]?\s*(\d{3})\b/i.exec(text)?.[1] ??
    /\bHTTP\s+(\d{3})\b/.exec(text)?.[1] ??
    // httpx's raise_for_status(): "Client error '429 Too Many Requests' for url …".
    /'(\d{3}) [A-Za-z][A-Za-z -]*'/.exec(text)?.[1];
  // A code of the API anywhere in the text (a failed job's "PAYWALL_DETECTED: …"); an SDK's own codes are not.
  const named = [...text.matchAll(/\b[A-Z][A-Z0-9_]{3,}\b/g)].map((match) => match[0]);
  const code = named.find((candidate) => KNOWN_CODES.has(candidate)) ?? null;
  if (!status && !code) return null;
  const line = text.split(/\r?\n/).find((candidate) => candidate.includes(exception)) ?? text;
  const message = line
    .slice(line.indexOf(exception) + exception.length)
    .replace(/^:?\s*(?:\[\d{3}\]\s*)?/, '')
    .trim();
  const pastedStatus = status ? Number(status) : null;
  // With an API code, the code's status is the API's: an SDK reports every failed job as 422. The SDK's number only
  // picks between a code's own statuses (SESSION_EXPIRED at 410 is a stored session, not the dashboard login).
  const ownStatus = ERROR_CODES.some((facts) => facts.code === code && facts.status === pastedStatus);
  const failure = code
    ? { ...(parseFailureBody({ error: code, message }, ownStatus ? pastedStatus! : undefined) as FailureInput) }
    : { status: pastedStatus!, code: String(pastedStatus), message };
  return decoded({
    kind: 'sdk-exception',
    failure: message ? failure : { ...failure, message: undefined },
    statusSource: code ? 'code' : 'sdk',
    pastedStatus,
    exception,
    requestId: REQUEST_ID.exec(text)?.[0] ?? null,
  });
}

export function decodePaste(input: string): DecodeResult {
  const text = input.trim();
  if (text === '') return problem('Nothing pasted yet. ' + EXPECTS);

  const firstLine = text.split(/\r?\n/).find((line) => /^<?\s?HTTP\//i.test(line.trim()));
  if (firstLine !== undefined && STATUS_LINE.test(firstLine.trim().replace(/^<\s?/, ''))) return decodeResponse(text);
  if (text.startsWith('{') || text.startsWith('[')) return decodeBody(text);

  if (REQUEST_ID.exec(text)?.[0] === text) {
    return decoded({ kind: 'request-id', failure: null, statusSource: 'none', requestId: text });
  }
  if (/^\d{3}$/.test(text)) {
    const status = Number(text);
    if (status < 400) return problem(`HTTP ${status} is not an error status. ` + EXPECTS);
    if (!KNOWN_STATUSES.has(status) && status > 599) return problem(`${status} is not an HTTP status.`);
    return decoded({
      kind: 'status',
      failure: { status, code: text },
      statusSource: 'response',
      pastedStatus: status,
      requestId: null,
    });
  }
  if (!/\s/.test(text) && isCodeShaped(text.toUpperCase()) && /^[A-Za-z0-9_]+$/.test(text)) {
    const code = text.toUpperCase();
    if (!KNOWN_CODES.has(code)) {
      return problem(
        `“${excerpt(text)}” is not a code the API answers with. Codes look like TIMEOUT or RATE_LIMIT_EXCEEDED.`,
      );
    }
    const failure = parseFailureBody({ error: code }) as FailureInput;
    return decoded({ kind: 'code', failure, statusSource: 'code', requestId: null });
  }
  const exception = SDK_CLASS.exec(text)?.[1];
  const sdk = exception ? decodeSdk(text, exception) : null;
  if (sdk) return sdk;
  // A body with something around it (a log line, a traceback): the JSON object in it.
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start >= 0 && end > start) {
    const body = decodeBody(text.slice(start, end + 1));
    if (body.ok) return body;
  }
  return problem('This paste could not be read. ' + EXPECTS);
}
