import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jobSchema } from '../../../contract/scrape';
import { buildDemoWeb } from '../../../server/demo-web/app';
import { startTestServer } from '../../support/test-server';
import { waitForJob } from '../../support/wait-for-job';

const dataDir = mkdtempSync(path.join(tmpdir(), 'sandbox-restart-'));
// The target outlives both servers (each test server has its own demo web), so private targets are allowed.
const target = await buildDemoWeb();
const targetUrl = await target.listen({ host: '127.0.0.1', port: 0 });
afterAll(async () => {
  await target.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('async jobs across a restart', () => {
  it('runs the jobs a stopped server left queued once it starts again', async () => {
    const first = await startTestServer({ dataDir, allowPrivateTargets: true });
    const key = await first.newKey('growth', 1000);
    // The workers stop first, so the job is accepted and stored but still queued when the server stops.
    await first.app.scrapes.stopJobs();
    const accepted = await first.scrape(key, { url: `${targetUrl}/article`, sync: false });
    expect(accepted.status).toBe(202);
    expect(jobSchema.parse(await (await first.call(`/jobs/${accepted.body.job_id}`, { key })).json()).status).toBe(
      'queued',
    );
    await first.close();

    const second = await startTestServer({ dataDir, allowPrivateTargets: true });
    try {
      const { job } = await waitForJob(second, key, accepted.body.job_id!);
      expect(job.status).toBe('succeeded');
      // Charged once, whatever the first server did before it stopped.
      const charges = second.app.db
        .prepare(`SELECT count(*) AS n FROM ledger WHERE request_id = ? AND kind = 'charge'`)
        .get(accepted.body.request_id) as { n: number };
      expect(charges.n).toBe(1);
    } finally {
      await second.close();
    }
  });
});
