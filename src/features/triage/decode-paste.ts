import { ERROR_CODES } from '../../../contract/error-codes';
import { HTTP_STATUSES } from '../../../contract/http-statuses';
import { parseFailureBody } from '../../errors/failure-body';
import type { FailureInput } from '../../errors/failure-input';
import {
  readPastedAnswer,
  REQUEST_ID,
  type PastedAnswer,
  type PastedBody,
  type PastedResponse,
} from '../../errors/pasted-answer';

/**
 * The triage decoder's reading of a paste: an answer of the API as errors/pasted-answer.ts reads it for the error
 * reference too (an error body, a raw response, a request id), and what only triage decodes: an SDK's exception
 * text, a bare code or a bare status. Deterministic and local: the parts are read, never guessed, and nothing here
 * sends anything anywhere; what cannot be decoded gets a problem that says why.
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
const CODE_SHAPE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$|^[A-Z]{4,}$/;
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

/** A raw response, as the shared reading found it: only an error status with an error body (or none) is decoded. */
function decodeResponse({ status, headers, failure, requestId }: PastedResponse): DecodeResult {
  if (status < 400) return problem(`This response is HTTP ${status}, not an error: there is nothing to decode.`);
  if (!failure) {
    return problem(
      `The status line says HTTP ${status}, but the body after the headers is not an error body the API sends ` +
        '(JSON with an "error" code). Paste the whole response, body included.',
    );
  }
  return decoded({
    kind: 'http-response',
    failure,
    statusSource: 'response',
    pastedStatus: status,
    headers,
    requestId,
  });
}

const decodeBody = ({ failure, requestId }: PastedBody) =>
  decoded({ kind: 'error-body', failure, statusSource: failure.status === 0 ? 'none' : 'code', requestId });

/** A paste that is JSON from its first character is held to it: a broken one is named, not searched for a body. */
function decodeJson(text: string, answer: PastedAnswer | null): DecodeResult {
  try {
    JSON.parse(text);
  } catch (error) {
    return problem(
      `This looks like JSON but does not parse (${error instanceof Error ? error.message : 'invalid JSON'}). ` +
        'Paste the body exactly as it came.',
    );
  }
  if (answer?.kind !== 'error-body') {
    return problem('This JSON is not an error body: it names no "error" code. ' + EXPECTS);
  }
  return decodeBody(answer);
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

  const answer = readPastedAnswer(text);
  if (answer?.kind === 'http-response') return decodeResponse(answer);
  if (text.startsWith('{') || text.startsWith('[')) return decodeJson(text, answer);
  if (answer?.kind === 'request-id') {
    return decoded({ kind: 'request-id', failure: null, statusSource: 'none', requestId: answer.requestId });
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
  // A body with something around it (a log line, a traceback), once it is no SDK's exception.
  if (answer?.kind === 'error-body') return decodeBody(answer);
  return problem('This paste could not be read. ' + EXPECTS);
}
