/** What can be read of a request Node's parser refused: its target and the headers that say who sent it. */
export interface RawRequestHead {
  target: string;
  headers: { 'x-api-key'?: string; authorization?: string };
}

// What follows the target is not read: a request line over the parser's limit arrives cut short, anywhere in it or
// in its version, and its target still says whether the call was an /api/v1 one.
const REQUEST_LINE = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,32} (\S+)(?: |$)/;
const CALLER_HEADER = /^(x-api-key|authorization):[ \t]*(.*?)[ \t]*$/i;

/**
 * Best effort over the raw bytes of a refused request: null when its first line is no request line (a refused
 * pipelined request, bytes that are not HTTP at all). Enough to tell an /api/v1 call and whose bucket it shows.
 */
export function readRawHead(raw: Buffer | undefined): RawRequestHead | null {
  if (!raw) return null;
  const [requestLine = '', ...lines] = raw
    .subarray(0, 64 * 1024)
    .toString('latin1')
    .split('\r\n');
  const target = REQUEST_LINE.exec(requestLine)?.[1];
  if (!target) return null;
  const headers: RawRequestHead['headers'] = {};
  for (const line of lines) {
    if (line === '') break;
    const [, name, value = ''] = CALLER_HEADER.exec(line) ?? [];
    if (name) headers[name.toLowerCase() as keyof RawRequestHead['headers']] = value;
  }
  return { target, headers };
}
