// A third reference for GET /usage throughput: the bare Fastify 5 route plus the sandbox's own spine of a logged call,
// its plugins as the sandbox registers them: the database (its settings, migrations and WAL checkpointer), the key
// lookup with its cache, and the request log's row (the sandbox's schema and indexes) committed, batched per turn of
// the event loop, before the answer. Nothing else of the sandbox: no rate limiter, usage read, balance header or
// response schema. Prints one JSON line (its URL and keys) once listening.
import Fastify from 'fastify';
import { BARE_USAGE } from './bare-usage';
import { PLAN_LIMITS } from '../contract/plans';
import clock from '../server/clock';
import { testConfig } from '../server/config';
import { newRequestId } from '../server/lib/secrets';
import database from '../server/plugins/database';
import { rateLimitHeaders } from '../server/plugins/rate-limits';
import accounts from '../server/repositories/accounts-repository';
import requestLog from '../server/repositories/request-log-repository';

const [dataDir, keyCount = '0'] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: bare-route-with-request-log.ts <data dir> [key count]');

const app = Fastify({ logger: false, genReqId: newRequestId });
app.decorate('config', testConfig({ dataDir }));
await app.register(clock);
await app.register(database);
await app.register(accounts);
await app.register(requestLog);

// The sandbox's row of a GET /usage call carries the answer's rate-limit headers: the same size here.
const { perMinute, burstPerSecond } = PLAN_LIMITS.high_volume;
const reset = Math.ceil(Date.now() / 1000);
const rateLimit = rateLimitHeaders({
  minute: { limit: perMinute, remaining: perMinute - 1, reset },
  burst: { limit: burstPerSecond, remaining: burstPerSecond - 1, reset },
});
app.get('/usage', async (request, reply) => {
  const found = app.accounts.findByKey(String(request.headers['x-api-key']));
  if (found.kind !== 'ok') return reply.code(401).send({ error: 'unknown key' });
  await app.requestLog.commit({
    requestId: request.id,
    accountId: found.account.id,
    method: request.method,
    path: '/api/v1/usage',
    status: 200,
    code: null,
    durationMs: reply.elapsedTime,
    at: app.clock.now(),
    url: null,
    sessionId: null,
    detail: { message: null, rateLimit },
  });
  return BARE_USAGE;
});
const url = await app.listen({ host: '127.0.0.1', port: 0 });
const keys = Array.from({ length: Number(keyCount) }, () => app.accounts.createWithRandomKey('high_volume', 1_000_000));
console.log(JSON.stringify({ url, keys }));

process.once('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
