import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type ScrapeAnswer, type TestServer } from '../../support/test-server';
import { waitForJob } from '../../support/wait-for-job';
import { rollupsByScan, rollupsStored, usageByScan } from './usage-scan';

// Random sequences of scrapes with random outcomes, some concurrent, against the real sandbox and demo web.
// Tiers 1–2 only, so each run takes milliseconds and the property can explore many sequences. Some scrapes run as
// async jobs (their settlement comes after the request's row) and the clock jumps between steps, so the usage
// roll-ups see requests, settlements and ledger entries land on different days and months.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ testClock: true });
});
afterAll(() => server.close());

interface Op {
  name: string;
  body: (demo: string) => Record<string, unknown>;
  /** Codes this op may end in; null is success. */
  codes: (string | null)[];
  fault?: 500 | 502 | 503 | 504;
}

const OPS: Op[] = [
  { name: 'article', body: (demo) => ({ url: `${demo}/article` }), codes: [null] },
  { name: 'headers-check', body: (demo) => ({ url: `${demo}/headers-check`, max_tier: '2' }), codes: [null] },
  { name: 'pdf', body: (demo) => ({ url: `${demo}/report.pdf`, mode: 'pdf' }), codes: [null] },
  { name: 'paywall', body: (demo) => ({ url: `${demo}/premium` }), codes: ['PAYWALL_DETECTED'] },
  { name: 'garbled', body: (demo) => ({ url: `${demo}/garbled` }), codes: ['EXTRACTION_FAILED'] },
  { name: 'login wall', body: (demo) => ({ url: `${demo}/members` }), codes: ['REQUIRES_AUTH'] },
  { name: 'wrong mode', body: (demo) => ({ url: `${demo}/report.pdf` }), codes: ['UNSUPPORTED_CONTENT_TYPE'] },
  { name: 'antibot', body: (demo) => ({ url: `${demo}/antibot`, max_tier: '2' }), codes: ['BLOCKED_BY_ANTIBOT'] },
  {
    name: 'budget',
    body: (demo) => ({ url: `${demo}/js-rendered`, max_tier: '2', max_credits: 1 }),
    codes: ['EXCEEDS_COST_LIMIT'],
  },
  { name: 'fault', body: (demo) => ({ url: `${demo}/article` }), codes: ['INTERNAL_ERROR', null], fault: 500 },
];
// The seed's refund policy in its own words: its scraping errors, as it lists them, are "Refunded", and so are
// "Server errors (5xx)". Written out here, not read from the contract's table the server settles by.
const SEED_SCRAPING_ERRORS = new Set([
  'BLOCKED_BY_ANTIBOT',
  'CHALLENGE_DETECTED',
  'TIMEOUT',
  'CONTENT_TOO_LARGE',
  'UNSUPPORTED_CONTENT_TYPE',
  'EXTRACTION_FAILED',
  'REQUIRES_AUTH',
  'PAYWALL_DETECTED',
  'NETWORK_ERROR',
]);
const seedRefunds = (code: string, status: number) => SEED_SCRAPING_ERRORS.has(code) || status >= 500;

/** Waits for the call's row in the request log: it is written once the answer has left. */
async function loggedAs(response: Response) {
  const requestId = response.headers.get('x-request-id');
  const row = server.app.db.prepare('SELECT 1 AS found FROM requests WHERE request_id = ?');
  await expect.poll(() => row.get(requestId)).toEqual({ found: 1 });
}

interface LedgerRow {
  request_id: string | null;
  kind: string;
  credits: number;
}

describe('the ledger under random scrapes', () => {
  it('balance = sum of the ledger = deposit − what successes cost; one charge, one refund at most, refunds per seed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            op: fc.constantFrom(...OPS),
            concurrent: fc.boolean(),
            async: fc.boolean(),
            // Seconds the clock jumps before the step's batch: none, within the day, to another day or month.
            advance: fc.constantFrom(0, 0, 0, 5 * 3_600, 86_400, 29 * 86_400),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        async (steps) => {
          const key = await server.newKey('scale', 10_000);
          const answers: { op: Op; answer: ScrapeAnswer; status: number }[] = [];
          // An accepted job's outcome is its result or its failure, in the shape a sync scrape answers with. Read
          // before the clock jumps: a day after it ends, a job is gone (404), as the real API's are.
          const accepted: typeof answers = [];
          const settleJobs = async () => {
            for (const entry of accepted.splice(0)) {
              const { job } = await waitForJob(server, key, entry.answer.job_id!);
              entry.answer = job.failure
                ? { ...job.failure, request_id: entry.answer.request_id }
                : { ...job.result!, request_id: entry.answer.request_id };
            }
          };
          // Consecutive concurrent steps run together; a fault is armed just before its step.
          for (let index = 0; index < steps.length;) {
            const batch = [steps[index]!];
            while (steps[index + batch.length]?.concurrent && steps[index]!.concurrent)
              batch.push(steps[index + batch.length]!);
            index += batch.length;
            if (batch[0]!.advance > 0) {
              await settleJobs();
              await server.call('/sandbox/clock', {
                method: 'POST',
                key: null,
                json: { advance_seconds: batch[0]!.advance },
              });
            }
            for (const step of batch) {
              if (step.op.fault)
                await server.call('/sandbox/faults', {
                  method: 'POST',
                  key,
                  json: { status: step.op.fault, count: 1 },
                });
            }
            const results = await Promise.all(
              batch.map((step) =>
                server.scrape(key, { ...step.op.body(server.demoWebUrl), ...(step.async ? { sync: false } : {}) }),
              ),
            );
            results.forEach((result, at) => {
              const entry = { op: batch[at]!.op, answer: result.body, status: result.status };
              answers.push(entry);
              if (result.status === 202) accepted.push(entry);
            });
          }
          await settleJobs();

          const faulted = answers.filter((entry) => entry.answer.error === 'INTERNAL_ERROR').length;
          const armed = steps.filter((step) => step.op.fault).length;
          for (const { op, answer } of answers) {
            // An armed fault hits whichever of the account's calls comes next, so any op may carry it.
            const allowed = [...op.codes, ...(armed > 0 ? ['INTERNAL_ERROR'] : [])];
            expect(allowed).toContain(answer.error ?? null);
          }
          expect(faulted).toBeLessThanOrEqual(armed);

          const accountId = (
            server.app.db
              .prepare('SELECT account_id FROM requests WHERE request_id = ?')
              .get(answers[0]!.answer.request_id) as {
              account_id: string;
            }
          ).account_id;
          const ledger = server.app.db
            .prepare('SELECT request_id, kind, credits FROM ledger WHERE account_id = ?')
            .all(accountId) as LedgerRow[];
          const sum = ledger.reduce((total, row) => total + row.credits, 0);
          const spent = answers.reduce(
            (total, { answer }) => total + (answer.error ? 0 : (answer.billing?.total_credits ?? 0)),
            0,
          );
          const usageResponse = await server.call('/usage', { key });
          const balance = ((await usageResponse.json()) as { balance_credits: number }).balance_credits;
          await loggedAs(usageResponse);
          expect(balance).toBe(sum);
          expect(balance).toBe(10_000 - spent);

          for (const { answer, status } of answers) {
            const rows = ledger.filter((row) => row.request_id === answer.request_id);
            const charged = -(rows.find((row) => row.kind === 'charge')?.credits ?? 0);
            const refunded = rows.find((row) => row.kind === 'refund')?.credits ?? 0;
            // Nothing is charged or refunded twice.
            expect(rows.filter((row) => row.kind === 'charge').length).toBeLessThanOrEqual(1);
            expect(rows.filter((row) => row.kind === 'refund').length).toBeLessThanOrEqual(1);
            if (!answer.error) {
              expect({ charged, refunded }).toEqual({ charged: answer.billing?.total_credits, refunded: 0 });
            } else if (seedRefunds(answer.error, status)) {
              expect(refunded).toBe(charged);
              expect(answer.billing).toEqual({ refunded: true, refunded_credits: charged });
            } else {
              // A refusal (over max_credits) stops before anything is spent.
              expect(rows).toEqual([]);
              expect(answer.billing).toBeUndefined();
            }
          }
          const held = server.app.db.prepare('SELECT count(*) AS n FROM holds WHERE account_id = ?').get(accountId) as {
            n: number;
          };
          expect(held.n).toBe(0);

          // Every roll-up is what a full scan of the account's ledger and request log gives.
          const db = server.app.db;
          expect(rollupsStored(db, accountId)).toEqual(rollupsByScan(db, accountId));
          // And so is what the usage endpoints answer, each compared with the log as it stood when it was asked.
          for (const [path, pick] of [
            ['/usage', (scan) => scan.usage],
            ['/usage/daily?days=366', (scan) => scan.daily],
            ['/billing/usage', (scan) => scan.billingUsage],
          ] as const satisfies [string, (scan: ReturnType<typeof usageByScan>) => unknown][]) {
            const expected = pick(usageByScan(db, accountId, server.app.clock.now()));
            const response = await server.call(path, { key });
            const answer: unknown = await response.json();
            if (Array.isArray(expected)) expect(answer).toEqual(expected);
            else expect(answer).toMatchObject(expected);
            await loggedAs(response);
          }
        },
      ),
      { numRuns: 15 },
    );
  });
});
