import type { Dispatcher } from 'undici';
import type { TargetGuard } from '../scraper/target-guard';

/**
 * Where a delivery may go: the scraper's target guard decides, so a webhook cannot reach the machine's own
 * network either. Like the demo web for the scraper, the origins named in WEBHOOK_ALLOWED_ORIGINS (the loopback
 * receivers tests start) pass as they are, matched exactly.
 */
export function deliveryTarget(guard: TargetGuard, allowedOrigins: readonly string[]) {
  const allowed = new Set(allowedOrigins.map((origin) => new URL(origin).origin));
  const isAllowed = (url: string) => allowed.has(new URL(url).origin);
  return {
    /** Throws the guard's 400 (at the field `url`) for an address it refuses. */
    async check(url: string): Promise<void> {
      if (!isAllowed(url)) await guard.check(url);
    },
    /** The connection rules of a send: the guard's lookup (no DNS rebinding) unless the origin is allowed. */
    dispatcherFor: (url: string): Dispatcher | undefined => (isAllowed(url) ? undefined : guard.dispatcher),
  };
}

export type DeliveryTarget = ReturnType<typeof deliveryTarget>;
