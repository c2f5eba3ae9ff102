/**
 * What the official clients' replays share (issue 9): one HTTP call as they make it, every answer kept, and the
 * exception a client raises. Each client's transport, retries and job polling are in its own *-replay.ts, doing
 * what its client does (same headers, same retry rule, same poll loop). Sources as in client-bodies.ts.
 */
import type { TestServer } from '../../support/test-server';

type Json = Record<string, unknown>;
export interface Attempt {
  path: string;
  status: number;
  headers: Headers;
  statusText: string;
  /** The parsed JSON, or the text when it is not JSON. */
  body: unknown;
}
/** Shorthand for reading an answer's JSON in tests. */
export const json = (attempt: Attempt | undefined) => (attempt?.body ?? {}) as Json;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One HTTP call as the clients make it: the host root plus `/api/v1/...`, headers exactly as given. */
export async function send(
  server: TestServer,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: Json,
): Promise<Attempt> {
  const host = server.api.replace(/\/api\/v1$/, '');
  const response = await fetch(`${host}${path}`, { method, headers, body: body && JSON.stringify(body) });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: kept as text, as the clients fall back to response.text
  }
  return { path, status: response.status, statusText: response.statusText, headers: response.headers, body: parsed };
}

/** The exception a client raises: its class name, the status and the message it would show. */
export class ClientError extends Error {
  constructor(
    readonly kind: string,
    readonly status: number,
    readonly detail: unknown,
    readonly extra: Json = {},
  ) {
    super(typeof detail === 'string' ? detail : String(detail));
  }
}

/** The error a call must end in; a call that succeeds fails the test here. */
export const failureOf = (call: Promise<unknown>): Promise<ClientError> =>
  call.then(
    (answer) => {
      throw new Error(`expected the client to raise, got ${JSON.stringify(answer).slice(0, 200)}`);
    },
    (error: unknown) => error as ClientError,
  );
