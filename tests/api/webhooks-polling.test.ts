import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { DeliverySummary } from '../../contract/webhooks';
import { webhookQueries } from '../../src/api/webhooks';

const TEN_MINUTES = 10 * 60_000;

/** A pending delivery as the server reports it, its times on the server's clock. */
const pending = (createdAt: number, nextAttemptAt: number): DeliverySummary => ({
  id: 'dlv_1',
  webhook_id: 'wh_1',
  event: 'job.completed',
  status: 'pending',
  attempt_count: 0,
  last_status_code: null,
  next_attempt_at: new Date(nextAttemptAt).toISOString(),
  resend_of: null,
  job_id: null,
  test: true,
  created_at: new Date(createdAt).toISOString(),
});

/** How long the delivery log waits before it looks again, given what it just read. */
function nextLook(deliveries: DeliverySummary[]) {
  const client = new QueryClient();
  const options = webhookQueries.deliveries('wh_1');
  client.setQueryData(options.queryKey, { deliveries });
  const query = client.getQueryCache().find({ queryKey: options.queryKey })!;
  const interval = options.refetchInterval;
  return typeof interval === 'function' ? interval(query as never) : interval;
}

describe('the delivery log’s polling', () => {
  it('looks again soon for a delivery due now, even when the server’s clock is ten minutes ahead', () => {
    const serverNow = Date.now() + TEN_MINUTES;
    expect(nextLook([pending(serverNow, serverNow)])).toBe(2_000);
  });

  it('waits for a retry due later, by the server’s own schedule, up to 15 s', () => {
    const serverNow = Date.now() - TEN_MINUTES;
    expect(nextLook([pending(serverNow, serverNow + 8_000)])).toBeGreaterThan(7_000);
    expect(nextLook([pending(serverNow, serverNow + 60_000)])).toBe(15_000);
  });

  it('stops looking once nothing is pending', () => {
    expect(nextLook([{ ...pending(0, 0), status: 'delivered', next_attempt_at: null }])).toBe(false);
  });
});
