// A second reference for GET /usage throughput: the bare Fastify 5 route plus the least any logged API call does,
// looking its key up in SQLite and committing one row per call (one index), batched per turn of the event loop,
// before it answers, on the sandbox's WAL settings. Prints one JSON line (its URL and keys) once listening.
import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import Fastify from 'fastify';
import { BARE_USAGE } from './bare-usage';

const [dataDir, keyCount = '0'] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: bare-logged-route.ts <data dir> [key count]');

const db = new Database(path.join(dataDir, 'bare.db'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec(`
  CREATE TABLE api_keys (key_hash TEXT PRIMARY KEY, account_id TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE requests (request_id TEXT PRIMARY KEY, account_id TEXT NOT NULL, path TEXT NOT NULL,
                         status INTEGER NOT NULL, at INTEGER NOT NULL);
  CREATE INDEX requests_account_at ON requests(account_id, at DESC);
`);
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const addKey = db.prepare<[string, string]>(`INSERT INTO api_keys VALUES (?, ?)`);
const keys = Array.from({ length: Number(keyCount) }, (_, index) => {
  const key = `sk_test_${randomUUID().replaceAll('-', '')}`;
  addKey.run(sha256(key), `acc_${index}`);
  return key;
});
const accountOf = db.prepare<[string], { account_id: string }>(`SELECT account_id FROM api_keys WHERE key_hash = ?`);
const insert = db.prepare<[string, string, string, number, number]>(`INSERT INTO requests VALUES (?, ?, ?, ?, ?)`);
const writeAll = db.transaction((rows: [string, string, string, number, number][]) => {
  for (const row of rows) insert.run(...row);
});

let pending: { row: [string, string, string, number, number]; written: () => void }[] = [];
function flush() {
  const batch = pending;
  pending = [];
  writeAll(batch.map((item) => item.row));
  for (const item of batch) item.written();
}

const app = Fastify({ logger: false });
app.get('/usage', async (request, reply) => {
  const account = accountOf.get(sha256(String(request.headers['x-api-key'])));
  if (!account) return reply.code(401).send({ error: 'unknown key' });
  await new Promise<void>((written) => {
    const row: [string, string, string, number, number] = [randomUUID(), account.account_id, '/usage', 200, Date.now()];
    if (pending.push({ row, written }) === 1) setImmediate(flush);
  });
  return BARE_USAGE;
});
const url = await app.listen({ host: '127.0.0.1', port: 0 });
console.log(JSON.stringify({ url, keys }));

process.once('SIGTERM', () => {
  void app.close().then(() => {
    db.close();
    process.exit(0);
  });
});
