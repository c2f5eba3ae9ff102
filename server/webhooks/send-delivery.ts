import { WEBHOOK_RESPONSE_EXCERPT_CHARS, WEBHOOK_SIGNATURE_HEADER } from '../../contract/webhooks';
import { undici } from '../scraper/lazy-module';
import type { DeliveryTarget } from './delivery-target';
import { signatureOf } from './signing';

export interface SendResult {
  status_code: number | null;
  duration_ms: number;
  ok: boolean;
  response_excerpt: string | null;
  error: string | null;
}

export interface Send {
  url: string;
  body: string;
  secret: string;
  event: string;
  deliveryId: string;
  timeoutMs: number;
  /** Aborts the send when the server stops: the attempt is not recorded and runs again at the next start. */
  stop: AbortSignal;
}

/** The excerpt a receiver's answer leaves: its first characters, read no further than that. */
async function excerptOf(body: AsyncIterable<Buffer>): Promise<string> {
  let text = '';
  for await (const chunk of body) {
    text += chunk.toString('utf8');
    if (text.length >= WEBHOOK_RESPONSE_EXCERPT_CHARS) break;
  }
  return text.slice(0, WEBHOOK_RESPONSE_EXCERPT_CHARS);
}

/** One signed POST of a delivery: 2xx within the limit is delivered; anything else, timeout included, is not. */
export async function sendDelivery(target: DeliveryTarget, send: Send): Promise<SendResult> {
  let started = performance.now();
  const elapsed = () => Math.round((performance.now() - started) * 10) / 10;
  const timeout = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  try {
    await target.check(send.url);
    const client = undici();
    // The receiver's time starts here: the guard's lookup and loading the client are the sandbox's own.
    started = performance.now();
    timer = setTimeout(() => timeout.abort(), send.timeoutMs);
    const response = await client.request(send.url, {
      method: 'POST',
      body: send.body,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'AlterLab-Webhooks/1.0 (sandbox)',
        [WEBHOOK_SIGNATURE_HEADER.toLowerCase()]: signatureOf(send.secret, send.body),
        'x-alterlab-event': send.event,
        'x-alterlab-delivery': send.deliveryId,
      },
      dispatcher: target.dispatcherFor(send.url),
      signal: AbortSignal.any([timeout.signal, send.stop]),
    });
    const excerpt = await excerptOf(response.body);
    response.body.destroy();
    const ok = response.statusCode >= 200 && response.statusCode < 300;
    return { status_code: response.statusCode, duration_ms: elapsed(), ok, response_excerpt: excerpt, error: null };
  } catch (error) {
    const reason = timeout.signal.aborted
      ? 'timeout'
      : error instanceof Error
        ? (error.cause as Error | undefined)?.message || error.message
        : String(error);
    return { status_code: null, duration_ms: elapsed(), ok: false, response_excerpt: null, error: reason };
  } finally {
    clearTimeout(timer);
  }
}
