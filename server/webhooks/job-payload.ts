import type { WebhookEvent, WebhookPayload } from '../../contract/webhooks';
import type { JobEnded } from '../scrapes/scrapes-service';

/** What a job's end POSTs: the event, and in `data` the job id, the request id and the result or the error. */
export function jobPayload(ended: JobEnded, now: number): { event: WebhookEvent; body: string } {
  const event: WebhookEvent = ended.status === 'succeeded' ? 'job.completed' : 'job.failed';
  const base = { job_id: ended.job.id, request_id: ended.job.requestId, status: ended.status };
  const data = ended.status === 'succeeded' ? { ...base, result: ended.result } : { ...base, error: ended.error };
  return {
    event,
    body: JSON.stringify({ event, created_at: new Date(now).toISOString(), data } satisfies WebhookPayload),
  };
}

/** A test event: the shape of a real one, marked `test`, with a sample result or error and no job behind it. */
export function testPayload(event: WebhookEvent, requestId: string, now: number): string {
  const base = { job_id: `job_test_${now.toString(36)}`, request_id: requestId, test: true };
  const data =
    event === 'job.completed'
      ? { ...base, status: 'succeeded' as const, result: { url: 'https://example.com/', status_code: 200 } }
      : {
          ...base,
          status: 'failed' as const,
          error: { error: 'TIMEOUT', code: 'TIMEOUT', message: 'A sample failure', request_id: requestId },
        };
  return JSON.stringify({ event, created_at: new Date(now).toISOString(), data } satisfies WebhookPayload);
}
