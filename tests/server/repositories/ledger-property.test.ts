import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type ScrapeAnswer, type TestServer } from '../../support/test-server';

// Random sequences of scrapes with random outcomes, some concurrent, against the real sandbox and demo web.
// Tiers 1–2 only, so each run takes milliseconds and the property can explore many sequences.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
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
const REFUNDED = new Set([
  'PAYWALL_DETECTED',
  'EXTRACTION_FAILED',
  'REQUIRES_AUTH',
  'UNSUPPORTED_CONTENT_TYPE',
  'BLOCKED_BY_ANTIBOT',
  'INTERNAL_ERROR',
]);

interface LedgerRow {
  request_id: string | null;
  kind: string;
  credits: number;
}

describe('the ledger under random scrapes', () => {
  it('balance = sum of the ledger = deposit − what successes cost; one charge, one refund at most, refunds per policy', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ op: fc.constantFrom(...OPS), concurrent: fc.boolean() }), { minLength: 1, maxLength: 8 }),
        async (steps) => {
          const key = await server.newKey('scale', 10_000);
          const answers: { op: Op; answer: ScrapeAnswer; status: number }[] = [];
          // Consecutive concurrent steps run together; a fault is armed just before its step.
          for (let index = 0; index < steps.length;) {
            const batch = [steps[index]!];
            while (steps[index + batch.length]?.concurrent && steps[index]!.concurrent)
              batch.push(steps[index + batch.length]!);
            index += batch.length;
            for (const step of batch) {
              if (step.op.fault)
                await server.call('/sandbox/faults', {
                  method: 'POST',
                  key,
                  json: { status: step.op.fault, count: 1 },
                });
            }
            const results = await Promise.all(batch.map((step) => server.scrape(key, step.op.body(server.demoWebUrl))));
            results.forEach((result, at) =>
              answers.push({ op: batch[at]!.op, answer: result.body, status: result.status }),
            );
          }

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
          const balance = await server.balance(key);
          expect(balance).toBe(sum);
          expect(balance).toBe(10_000 - spent);

          for (const { answer } of answers) {
            const rows = ledger.filter((row) => row.request_id === answer.request_id);
            const charges = rows.filter((row) => row.kind === 'charge');
            const refunds = rows.filter((row) => row.kind === 'refund');
            expect(charges.length).toBeLessThanOrEqual(1);
            expect(refunds.length).toBeLessThanOrEqual(1);
            const policyRefunds = answer.error !== undefined && REFUNDED.has(answer.error);
            expect(refunds.length).toBe(policyRefunds && (charges[0]?.credits ?? 0) < 0 ? 1 : 0);
            if (refunds[0]) expect(refunds[0].credits).toBe(-charges[0]!.credits);
            if (answer.error) expect(answer.billing?.refunded ?? false).toBe(policyRefunds);
            if (!answer.error) expect(charges[0]?.credits).toBe(-(answer.billing?.total_credits ?? 0));
          }
          const held = server.app.db.prepare('SELECT count(*) AS n FROM holds WHERE account_id = ?').get(accountId) as {
            n: number;
          };
          expect(held.n).toBe(0);
        },
      ),
      { numRuns: 15 },
    );
  });
});
