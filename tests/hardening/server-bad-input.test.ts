import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_KEY } from '../support/demo-keys';
import { startTestServer, type TestServer } from '../support/test-server';
import { expectSoundAnswer } from './answer-checks';
import { sendRaw } from './raw-send';

// Every endpoint of the OpenAPI description, called with what no client should send. The case count comes from
// the vitest config (HARDENING_CASES; 2,000 by default): most are HTTP calls, a fifth are raw protocol garbage.
const CASES = inject('hardeningCases');
const RAW_SHARE = 0.2;

interface Operation {
  method: string;
  path: string;
  queryNames: string[];
  bodyFields: string[];
}

type OpenApiDoc = {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { in: string; name: string }[];
        requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
      }
    >
  >;
};

let server: TestServer;
let operations: Operation[] = [];
/** Ids that exist (some the caller's, some another account's), so bad calls also meet real rows. */
const realIds: string[] = [];
let keys: string[] = [];
let faultKey = '';
let calls = 0;

beforeAll(async () => {
  server = await startTestServer();
  const doc = (await (await server.call('/openapi.json', { key: null })).json()) as OpenApiDoc;
  operations = Object.entries(doc.paths).flatMap(([path, byMethod]) =>
    Object.entries(byMethod).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path: path.replace(/^\/api\/v1/, ''),
      queryNames: (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      bodyFields: Object.keys(operation.requestBody?.content?.['application/json']?.schema?.properties ?? {}),
    })),
  );
  await seedAccounts();
}, 60_000);
afterAll(() => server.close());

/**
 * The callers and the rows the cases meet. Run again after a case resets the sandbox (POST /sandbox/reset wipes
 * every account but the demo ones), so the cases after it still get past authentication.
 */
async function seedAccounts() {
  keys = await Promise.all([server.newKey('high_volume', 100_000), server.newKey('free', 50)]);
  // Armed faults answer 5xx on purpose (that is their job): only this key may arm them, and it calls nothing else
  // (POST /sandbox/faults itself never takes a fault, so its own answers are checked like any other).
  faultKey = await server.newKey('growth', 100);
  const owner = keys[0]!;
  const session = (await (
    await server.call('/sessions', {
      method: 'POST',
      key: owner,
      json: { name: 'fuzz', domain: 'example.com', cookies: { a: 'b' } },
    })
  ).json()) as { id: string };
  const scrape = await server.scrape(owner, { url: `${server.demoWebUrl}/article` });
  const job = await server.scrape(owner, { url: `${server.demoWebUrl}/premium`, sync: false });
  const otherAccount = await server.scrape(DEMO_KEY.growth, { url: `${server.demoWebUrl}/article` });
  realIds.splice(
    0,
    realIds.length,
    session.id,
    scrape.body.request_id!,
    job.body.job_id!,
    job.body.request_id!,
    otherAccount.body.request_id!,
  );
}

// Strings a parser trips on: huge, empty, control and surrogate characters, escapes, numbers JSON cannot hold.
const oddString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.integer({ min: 1000, max: 200_000 }).map((n) => 'x'.repeat(n)),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\ud800',
    '%zz',
    '%00',
    '../../etc/passwd',
    '${{7*7}}',
    '<script>alert(1)</script>',
    "' OR 1=1 --",
    'null',
    'NaN',
    '-1',
    '1e309',
    '9007199254740993',
    '__proto__',
    'constructor',
    'http://',
    'javascript:alert(1)',
    'file:///etc/passwd',
  ),
);
// Wrong types for any field; never `true`, which would turn on a browser tier and make a case slow, not bad.
const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  oddString,
  fc.constantFrom(null, false, 0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2),
  fc.array(oddString, { maxLength: 4 }),
  fc.dictionary(oddString, oddString, { maxKeys: 4 }),
  fc.constant({ __proto__: { polluted: 1 }, constructor: { prototype: { polluted: 1 } } }),
);
const oddId = fc.oneof(
  fc.constantFrom(...['placeholder']).map(() => realIds[0]!),
  oddString,
);

function bodyFor(operation: Operation) {
  const base: Record<string, unknown> = operation.path.startsWith('/scrape')
    ? { url: `${server.demoWebUrl}/article` }
    : {};
  const fields = operation.bodyFields.length > 0 ? operation.bodyFields : ['url', 'name'];
  return fc.oneof(
    fc.constant(undefined),
    fc.jsonValue().map((value) => JSON.stringify(value)),
    fc.dictionary(fc.constantFrom(...fields), oddValue, { maxKeys: 6 }).map((o) => JSON.stringify({ ...base, ...o })),
    fc.tuple(fc.constantFrom(...fields), oddValue).map(([field, value]) => JSON.stringify({ ...base, [field]: value })),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.integer({ min: 1, max: 3000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
    fc.integer({ min: 1, max: 3000 }).map((depth) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)),
    fc.constantFrom('{', '{"url":', '"\\ud800"', '{"url":"a","url":1}', '\ufeff{}', '{}garbage', '1'.repeat(400)),
  );
}

const contentType = fc.oneof(
  fc.constantFrom(
    undefined,
    'application/json',
    'application/json; charset=utf-8',
    'application/json; charset=latin1',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/vnd.api+json',
    '*/*',
  ),
  fc.string({ unit: 'grapheme-ascii', maxLength: 30 }),
);

// Mostly a good key, so most cases get past authentication to validation and the handlers.
const auth = fc.oneof(
  {
    arbitrary: fc.constantFrom(0, 1).map((index): Record<string, string> => ({ 'X-API-Key': keys[index]! })),
    weight: 8,
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<Record<string, string>>(
      {},
      { 'X-API-Key': DEMO_KEY.revoked },
      { 'X-API-Key': 'sk_test_' + 'f'.repeat(32) },
      { 'X-API-Key': '' },
      { Authorization: 'Bearer ' },
      { Authorization: 'Bearer x.y.z' },
      { Authorization: 'Basic Zm9vOmJhcg==' },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 60 }).map((value) => ({ 'X-API-Key': value })),
  },
);

// Headers fetch agrees to send; bytes it refuses go through the raw cases below.
const extraHeaders = fc.dictionary(
  fc.constantFrom(
    'Accept',
    'Accept-Encoding',
    'Content-Encoding',
    'X-Request-Id',
    'X-Forwarded-For',
    'Range',
    'If-None-Match',
    'X-Dashboard-Call',
    'Origin',
  ),
  fc.string({ unit: 'grapheme-ascii', maxLength: 80 }),
  { maxKeys: 3 },
);

const query = (operation: Operation) =>
  fc.dictionary(fc.oneof(fc.constantFrom('limit', 'cursor', ...operation.queryNames), fc.string()), oddString, {
    maxKeys: 4,
  });

const httpCase = fc.noShrink(
  fc.integer({ min: 0, max: 10_000 }).chain((pick) => {
    const operation = operations[pick % operations.length]!;
    return fc.record({
      operation: fc.constant(operation),
      ids: fc.array(oddId, { minLength: 2, maxLength: 2 }),
      query: query(operation),
      body: operation.method === 'GET' ? fc.constant(undefined) : bodyFor(operation),
      contentType,
      auth,
      extraHeaders,
    });
  }),
);

/** A lone surrogate cannot be percent-encoded as UTF-8: it goes as the replacement character, as a browser sends it. */
function encodeId(id: string) {
  try {
    return encodeURIComponent(id);
  } catch {
    return encodeURIComponent(id.replace(/[\ud800-\udfff]/g, '\ufffd'));
  }
}

/** The windows of every bucket reopen, so the fuzz meets the handlers and not only 429s. */
function pace() {
  if (++calls % 40 === 0) server.app.clock.advance(61);
}

describe('bad input on every endpoint of the OpenAPI description', () => {
  it(
    `keeps the envelope, its headers and no 5xx over ${CASES} generated cases`,
    { timeout: 30_000 + CASES * 25 },
    async () => {
      expect(operations.length).toBeGreaterThan(20);
      const httpRuns = Math.ceil(CASES * (1 - RAW_SHARE));
      const rawRuns = CASES - httpRuns;
      let ran = 0;
      // Which answers the HTTP cases met: most must reach validation and the handlers, not stop at auth or a 429.
      const statuses = new Map<number, number>();

      await assertQuietly(
        fc.asyncProperty(httpCase, async (input) => {
          pace();
          const { operation } = input;
          let index = 0;
          const path = operation.path.replace(/\{[^}]+\}/g, () => encodeId(input.ids[index++] ?? ''));
          const search = new URLSearchParams(input.query as Record<string, string>).toString();
          const headers: Record<string, string> = { ...input.extraHeaders, ...input.auth };
          if (operation.path === '/sandbox/faults') headers['X-API-Key'] = faultKey;
          if (input.contentType !== undefined && input.body !== undefined) headers['Content-Type'] = input.contentType;
          const response = await fetch(`${server.api}${path}${search ? `?${search}` : ''}`, {
            method: operation.method,
            headers,
            body: input.body,
          });
          ran++;
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          const what = `${operation.method} ${path.slice(0, 200)} (query ${search.length} chars) headers ${JSON.stringify(headers).slice(0, 300)} body ${JSON.stringify(input.body)?.slice(0, 200)}`;
          const body = await response.text();
          expectSoundAnswer({ status: response.status, header: (name) => response.headers.get(name), body }, what);
          if (operation.path === '/sandbox/reset' && response.ok) await seedAccounts();
        }),
        { numRuns: httpRuns, seed: Date.now(), endOnFailure: true },
      );

      await assertQuietly(
        fc.asyncProperty(rawCase(), async (raw) => {
          pace();
          const answer = await sendRaw(server.api, raw.bytes);
          ran++;
          expectSoundAnswer(
            answer,
            `(under /api/v1: ${raw.underApi}) ${JSON.stringify(raw.bytes.toString('latin1').slice(0, 300))}`,
            {
              underApi: raw.underApi,
              hasBody: raw.method !== 'HEAD',
            },
          );
        }),
        { numRuns: rawRuns, endOnFailure: true },
      );

      const byStatus = [...statuses].sort(([x], [y]) => x - y).map(([status, n]) => `${status}×${n}`);
      console.log(
        `bad input: ${ran} cases ran (${httpRuns} HTTP calls, ${rawRuns} raw requests); HTTP answers ${byStatus.join(' ')}`,
      );
      expect(ran).toBe(CASES);
    },
  );
});

describe('what the fuzz found', () => {
  it('answers a request line over the parser’s limit with the caller’s rate-limit headers', async () => {
    // Over 16 KB the parser refuses the request before its line ends, so the refused head has no HTTP version.
    // 65,510 characters of query: the first 64 KB the parser reads ends inside the request line's version.
    for (const length of [20_000, 65_510]) {
      const response = await server.call(`/usage?q=${'x'.repeat(length)}`, { key: keys[0] });
      const body = await response.text();
      expect(response.status).toBe(400);
      expectSoundAnswer({ status: response.status, header: (name) => response.headers.get(name), body }, `${length}`);
    }
  });
});

/** fc.assert, but a failure says what broke in a few lines: a counterexample here can be 200 KB of one letter. */
async function assertQuietly<T>(property: fc.IAsyncProperty<T>, parameters: fc.Parameters<T>) {
  const details = await fc.check(property, parameters);
  if (!details.failed) return;
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  throw new Error(`failed after ${details.numRuns} cases (seed ${details.seed}): ${error.slice(0, 3000)}`);
}

/** A whole HTTP/1.1 message with garbage in one or more of its parts; complete, so the server never waits for more. */
function rawCase() {
  const method = fc.oneof(
    fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'FROB', 'get', 'G ET', ''),
    fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 10 }),
  );
  const target = fc.oneof(
    fc.constantFrom(...operations.map((operation) => `/api/v1${operation.path}`)),
    fc
      .tuple(fc.constantFrom(...operations.map((operation) => `/api/v1${operation.path}`)), oddString)
      .map(([path, garbage]) => path.replace(/\{[^}]+\}/g, garbage.slice(0, 300))),
    fc.constantFrom('*', '/api/v1/../../etc/passwd', '/api/v1//usage', '/api/v1/usage?%zz', 'http://x/api/v1/usage'),
  );
  const version = fc.constantFrom('HTTP/1.1', 'HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/9.9', 'HTTX/1.1', '');
  const header = fc.oneof(
    fc.constantFrom(
      `X-API-Key: ${DEMO_KEY.growth}`,
      'X-API-Key: \u0001\u0002',
      'Authorization: Bearer \u00ff\u00fe',
      'X-Bad\u0001: y',
      'no colon here',
      ' folded: continuation',
      'Content-Length: abc',
      'Content-Length: -1',
      'Content-Length: 5',
      'Transfer-Encoding: chunked',
      'Transfer-Encoding: gzip, chunked',
      'Content-Type: application/json',
      'Content-Encoding: gzip',
      'Expect: 100-continue',
      'Host:',
      'Upgrade: websocket',
    ),
    fc
      .tuple(fc.string({ unit: 'grapheme-ascii', maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 60 }))
      .map(([name, value]) => `${name}: ${value}`),
    fc.integer({ min: 8000, max: 40_000 }).map((n) => `X-Big: ${'a'.repeat(n)}`),
  );
  const body = fc.oneof(
    fc.constant(''),
    fc.string({ unit: 'binary', maxLength: 100 }),
    fc.constantFrom('zz\r\ngarbage\r\n0\r\n\r\n', '5\r\n{"a":\r\n0\r\n\r\n', '{"url":1}', '\u0000\u0000'),
  );
  return fc.noShrink(
    fc
      .record({ method, target, version, headers: fc.array(header, { maxLength: 4 }), body })
      .map(({ method, target, version, headers, body }) => {
        const bodyBytes = Buffer.from(body, 'utf8');
        // Only a declared length the body has: a longer one would have the server wait for bytes that never come.
        const lines = headers.filter((line) => !/^content-length: 5$/i.test(line) || bodyBytes.length === 5);
        const chunked = lines.some((line) => /^transfer-encoding:.*chunked/i.test(line));
        const length =
          chunked || lines.some((line) => /^content-length/i.test(line)) ? [] : [`Content-Length: ${bodyBytes.length}`];
        const head = [`${method} ${target} ${version}`, 'Host: 127.0.0.1', ...lines, ...length, 'Connection: close'];
        const tail = chunked && !/\r\n0\r\n\r\n$/.test(body) ? '\r\n0\r\n\r\n' : '';
        return {
          method,
          // Headers are promised to a request whose first line reads as one: a method, an /api/v1 target, HTTP/x.y.
          underApi:
            /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,32}$/.test(method) &&
            // As sent: latin1 keeps each character's low byte, so what is a letter here may be a control byte there.
            /^\/api\/v1\/\S*$/.test(Buffer.from(target, 'latin1').toString('latin1')) &&
            /^HTTP\/\d\.\d$/.test(version),
          bytes: Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'latin1'), bodyBytes, Buffer.from(tail)]),
        };
      }),
  );
}
