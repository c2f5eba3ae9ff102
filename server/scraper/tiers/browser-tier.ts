import type { BrowserContext, Route } from 'playwright-core';
import type { TargetGuard } from '../target-guard';
import type { FetchedPage, TierRequest } from '../types';
import { fetchInContext, translateError } from './browser-page';
import { chromeUserAgent, createBrowserHolder, createSlots, isExecutable } from './browser-process';
import { remaining } from './browser-settle';

export interface BrowserPool {
  fetch(tier: '3' | '4', request: TierRequest): Promise<FetchedPage>;
  readonly available: boolean;
  readonly unavailableReason: string | null;
  close(): Promise<void>;
}

export const CHROMIUM_NOT_FOUND =
  'Chromium not found: install it with `sudo apt-get install -y chromium` or set CHROMIUM_PATH';

/** A guard that lets everything through: for pools whose caller checks targets itself (tests of the tier). */
const OPEN: TargetGuard = { check: async () => undefined };

export function createBrowserPool(options: {
  chromiumPath: string | null;
  maxContexts: number;
  guard?: TargetGuard;
}): BrowserPool {
  const guard = options.guard ?? OPEN;
  const { chromiumPath } = options;
  const available = chromiumPath !== null && isExecutable(chromiumPath);
  const unavailableReason = available ? null : CHROMIUM_NOT_FOUND;
  const slots = createSlots(Math.max(1, Math.floor(options.maxContexts)));
  const browser = available ? createBrowserHolder(chromiumPath) : null;
  let closed = false;

  return {
    available,
    unavailableReason,
    async fetch(tier, request) {
      if (!browser) throw new Error(CHROMIUM_NOT_FOUND);
      if (closed) throw new Error('The browser pool is closed');
      remaining(request.deadline, 'waiting for a browser');
      const release = await slots.acquire(request.deadline);
      if (closed) {
        release();
        throw new Error('The browser pool is closed');
      }
      let context: BrowserContext | null = null;
      try {
        const instance = await browser.get();
        // A fresh context per scrape: cookies and storage never leak from one scrape to the next.
        context = await instance.newContext({
          userAgent: chromeUserAgent(instance.version()),
          viewport: { width: 1366, height: 768 },
          locale: 'en-US',
          acceptDownloads: false,
          serviceWorkers: 'block',
        });
        // Every request of the page (script navigations, images, frames, redirects) meets the target guard,
        // so a page cannot lead the browser into the machine's own network.
        await context.route('**/*', (route) => guardedRequest(route, guard));
        return await fetchInContext(context, tier, request, guard);
      } catch (error) {
        throw translateError(error, request.deadline);
      } finally {
        await context?.close().catch(() => undefined);
        release();
      }
    },
    async close() {
      closed = true;
      await browser?.close();
    },
  };
}

/**
 * Playwright does not route the hops of a redirect, so the request is fetched here without following them:
 * a redirect's Location is checked before the browser is given the redirect to follow.
 */
async function guardedRequest(route: Route, guard: TargetGuard): Promise<void> {
  try {
    await guard.check(route.request().url());
  } catch {
    return route.abort('blockedbyclient');
  }
  let response;
  try {
    response = await route.fetch({ maxRedirects: 0 });
  } catch (error) {
    const message = String(error);
    const reason = /ENOTFOUND|EAI_AGAIN/.test(message)
      ? 'namenotresolved'
      : /ECONNREFUSED/.test(message)
        ? 'connectionrefused'
        : 'failed';
    return route.abort(reason);
  }
  const location = response.headers()['location'];
  if (response.status() >= 300 && response.status() < 400 && location) {
    try {
      await guard.check(new URL(location, route.request().url()).href);
    } catch {
      return route.abort('blockedbyclient');
    }
  }
  await route.fulfill({ response });
}
