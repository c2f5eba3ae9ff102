import { expect } from 'vitest';
import { errorEnvelopeSchema } from '../../contract/envelope';
import { ERROR_CODES } from '../../contract/error-codes';

/** One answer as the checks read it, whichever client (fetch or raw bytes) received it. */
export interface Answer {
  status: number;
  header: (name: string) => string | null | undefined;
  body: string;
}

// What a leaked stack or source location looks like: a V8 frame, a source path or a module folder. (Not file:// —
// an answer may echo the caller's own bad input.)
const LEAK = /\n\s+at \S|node_modules|\/work\/|(?:server|contract|src)\/[\w/.-]+\.[cm]?[jt]s\b/;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * What breaks the promises every API answer keeps, however bad the call: no 5xx, no stack trace or file path, a
 * request id, the caller's rate-limit headers under /api/v1, and an error is the envelope with the catalog's status
 * for its code. Empty when the answer keeps them all.
 */
function problemsOf(answer: Answer, { underApi = true, hasBody = true } = {}): string[] {
  const problems: string[] = [];
  if (!(answer.status >= 200 && answer.status < 500)) problems.push(`status ${answer.status}`);
  if (LEAK.test(answer.body)) problems.push('a stack trace or file path in the body');
  const requestId = answer.header('x-request-id');
  if (!/^req_/.test(requestId ?? '')) problems.push('no X-Request-Id');
  if (underApi) {
    for (const name of ['x-ratelimit-limit', 'x-ratelimit-remaining']) {
      if (!/^\d+$/.test(answer.header(name) ?? '')) problems.push(`no ${name}`);
    }
    if (!/^\d{10}$/.test(answer.header('x-ratelimit-reset') ?? '')) problems.push('no x-ratelimit-reset');
  }
  if (answer.status < 400 || !hasBody) return problems;
  const parsed = errorEnvelopeSchema.safeParse(parseJson(answer.body));
  if (!parsed.success) return [...problems, 'the body is not the error envelope'];
  const envelope = parsed.data;
  if (envelope.request_id !== requestId) problems.push('the envelope’s request_id is not the header’s');
  const statuses = ERROR_CODES.filter((row) => row.code === envelope.error).map((row): number => row.status);
  if (!statuses.includes(answer.status)) problems.push(`${envelope.error} is not answered with ${answer.status}`);
  return problems;
}

/** Fails with the call and the answer when the answer breaks a promise; `what` names the call. */
export function expectSoundAnswer(answer: Answer, what: string, options?: Parameters<typeof problemsOf>[1]) {
  const problems = problemsOf(answer, options);
  expect(problems, `${what.slice(0, 400)} → ${answer.status} ${answer.body.slice(0, 300)}`).toEqual([]);
}
