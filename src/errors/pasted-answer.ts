import { HEADER } from '../../contract/headers';
import { parseFailureBody } from './failure-body';
import type { FailureInput } from './failure-input';

/**
 * A pasted answer of the API, read once for the error reference's search and the triage decoder alike: a raw
 * response (`curl -i`, `curl -v`, or either with its lines run together, as a one-line search box leaves them), an
 * error body (JSON, alone or with text around it), or a request id. Deterministic: the parts are read, never guessed;
 * each page judges what it read.
 */
export type PastedAnswer = PastedResponse | PastedBody | { kind: 'request-id'; requestId: string };

export interface PastedResponse {
  kind: 'http-response';
  /** The last status line's: a 100 Continue, or a redirect curl followed, comes before the answer's. */
  status: number;
  /** Names in lower case; none when the lines were run together. */
  headers: Record<string, string>;
  /** What the body names, at that status; the status alone without a body; null for a body that is no error body. */
  failure: FailureInput | null;
  requestId: string | null;
}

export interface PastedBody {
  kind: 'error-body';
  failure: FailureInput;
  requestId: string | null;
}

/**
 * In the text of an answer only a `req_` id is taken for its request's: a body names other UUIDs (a stored
 * session's, in its message and details). The sandbox's are `req_` and a UUID; the API's may be a bare UUID.
 */
const PREFIXED_ID = /\breq_[0-9a-z][0-9a-z-]{7,}\b/i;
export const REQUEST_ID = new RegExp(
  `${PREFIXED_ID.source}|\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b`,
  'i',
);
/**
 * At a line's start, or after curl -v's "<" (its request line, after ">", is not one), wherever lines ran together.
 * Only spaces may lead it: `\s*` at every line's start would read a paste of many blank lines in quadratic time.
 */
const STATUS_LINES = /(?:^|<)[ \t]*HTTP\/[\d.]+\s+(\d{3})\b/gim;
const HEADER_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):\s*(.*)$/;
/** curl -v's own lines: the request ("> "), notes ("* "), and the data markers ("{ [312 bytes data]"). */
const CURL_LINE = /^(?:[>*](?: |$)|[{}] \[\d+ bytes data\])/;

/** How many `{` are tried as a body's start: each try parses to the text's end, so a paste full of braces is bounded. */
const BODY_STARTS_TRIED = 32;

/**
 * The JSON in the text: all of it, else the object from a `{` to the last `}` (a body after headers or inside a log
 * line). The first `{` that opens one wins: curl -v's data markers (`{ [460 bytes data]`) come before the body.
 */
function jsonIn(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Not JSON as a whole: look for the object in it.
  }
  const end = text.lastIndexOf('}');
  let tries = 0;
  for (
    let start = text.indexOf('{');
    start !== -1 && start < end && tries++ < BODY_STARTS_TRIED;
    start = text.indexOf('{', start + 1)
  ) {
    try {
      return JSON.parse(text.slice(start, end + 1)) as unknown;
    } catch {
      // Not the body's start: try the next brace.
    }
  }
  return undefined;
}

const requestIdOf = (text: string, failure: FailureInput | null, headers: Record<string, string> = {}) =>
  failure?.requestId ?? headers[HEADER.requestId] ?? PREFIXED_ID.exec(text)?.[0] ?? null;

function readResponse(text: string, statusLine: RegExpExecArray): PastedResponse {
  const status = Number(statusLine[1]);
  const rest = text.slice(statusLine.index + statusLine[0].length);
  // curl -v marks the response's lines with "< "; the first line left is the status line's reason phrase.
  const lines = rest
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.replace(/^<(?: |$)/, ''));
  const headers: Record<string, string> = {};
  let index = 0;
  for (; index < lines.length && lines[index]!.trim() !== ''; index++) {
    const header = HEADER_LINE.exec(lines[index]!.trim());
    if (header) headers[header[1]!.toLowerCase()] = header[2]!.trim();
  }
  const body = lines
    .slice(index + 1)
    .filter((line) => !CURL_LINE.test(line))
    .join('\n');
  const bodyless = body.trim() === '';
  // Without a body after a blank line, the lines may have run together: a body is then the JSON after the status.
  const json = jsonIn(bodyless ? rest : body);
  const failure =
    json !== undefined ? parseFailureBody(json, status) : bodyless ? { status, code: String(status) } : null;
  return { kind: 'http-response', status, headers, failure, requestId: requestIdOf(text, failure, headers) };
}

/** What a paste of an answer says; null for anything else (words, a bare code or status, an SDK's exception). */
export function readPastedAnswer(input: string): PastedAnswer | null {
  const text = input.trim();
  const statusLine = [...text.matchAll(STATUS_LINES)].at(-1);
  if (statusLine) return readResponse(text, statusLine);

  const json = jsonIn(text);
  const failure = json === undefined ? null : parseFailureBody(json);
  if (failure) return { kind: 'error-body', failure, requestId: requestIdOf(text, failure) };
  const id = REQUEST_ID.exec(text)?.[0];
  return id === text ? { kind: 'request-id', requestId: id } : null;
}
