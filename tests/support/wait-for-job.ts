import { isJobFinished, jobSchema, type Job } from '../../contract/scrape';
import type { TestServer } from './test-server';

/** Polls GET /jobs/{id} until the job is finished; `seen` is every status it went through, in order. */
export async function waitForJob(
  server: TestServer,
  key: string,
  jobId: string,
): Promise<{ job: Job; seen: Job['status'][] }> {
  const seen: Job['status'][] = [];
  for (let poll = 0; poll < 100; poll++) {
    const job = jobSchema.parse(await (await server.call(`/jobs/${jobId}`, { key })).json());
    if (seen.at(-1) !== job.status) seen.push(job.status);
    if (isJobFinished(job.status)) return { job, seen };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`job ${jobId} did not finish: ${seen.join(' → ')}`);
}
