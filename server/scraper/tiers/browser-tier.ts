import type { BrowserContext } from 'playwright-core';
import { CHROMIUM_MISSING } from '../../lib/chromium.mjs';
import { openGuard, type TargetGuard } from '../target-guard';
import type { FetchedPage, TierRequest } from '../types';
import { fetchInContext, translateError } from './browser-page';
import { chromeUserAgent, createBrowserHolder, createSlots, isExecutable } from './browser-process';
import { remaining } from './browser-settle';
import { type GuardProxy, startGuardProxy } from './guard-proxy';

export interface BrowserPool {
  fetch(tier: '3' | '4', request: TierRequest): Promise<FetchedPage>;
  readonly available: boolean;
  readonly unavailableReason: string | null;
  close(): Promise<void>;
}

export function createBrowserPool(options: {
  chromiumPath: string | null;
  maxContexts: number;
  guard?: TargetGuard;
}): BrowserPool {
  const guard = options.guard ?? openGuard();
  const { chromiumPath } = options;
  const available = chromiumPath !== null && isExecutable(chromiumPath);
  const unavailableReason = available ? null : CHROMIUM_MISSING;
  const slots = createSlots(Math.max(1, Math.floor(options.maxContexts)));
  const browser = available ? createBrowserHolder(chromiumPath) : null;
  let closed = false;

  return {
    available,
    unavailableReason,
    async fetch(tier, request) {
      if (!browser) throw new Error(CHROMIUM_MISSING);
      if (closed) throw new Error('The browser pool is closed');
      remaining(request.deadline, 'waiting for a browser');
      const release = await slots.acquire(request.deadline);
      if (closed) {
        release();
        throw new Error('The browser pool is closed');
      }
      let context: BrowserContext | null = null;
      let proxy: GuardProxy | null = null;
      try {
        const instance = await browser.get();
        // Every connection of the page (navigations, redirect hops, subresources, WebSockets, TURN over TCP)
        // goes through the guard's proxy, so a page cannot lead the browser into the machine's own network.
        // The browser still makes the requests itself, keeping the web's origin rules; a route that fetched
        // and fulfilled them would not (Playwright answers preflights and adds CORS headers to fulfilled responses).
        proxy = await startGuardProxy(guard);
        // A fresh context per scrape: cookies and storage never leak from one scrape to the next.
        context = await instance.newContext({
          userAgent: chromeUserAgent(instance.version()),
          viewport: { width: 1366, height: 768 },
          locale: 'en-US',
          acceptDownloads: false,
          serviceWorkers: 'block',
          // Chromium sends loopback addresses around any proxy unless told not to; the guard must see them too.
          proxy: { server: proxy.server, bypass: '<-loopback>' },
        });
        await context.addInitScript(withoutPeerConnections);
        return await fetchInContext(context, tier, request, guard, proxy);
      } catch (error) {
        throw translateError(error, request.deadline, proxy);
      } finally {
        await context?.close().catch(() => undefined);
        await proxy?.close();
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
 * Runs first in every frame and popup of the page: no peer connection can be made, so no ICE gathering and
 * no STUN or TURN traffic, whatever the network policy beneath it would let through. Playwright sends its
 * source text, so it must not use anything imported here.
 */
function withoutPeerConnections(): void {
  for (const name of ['RTCPeerConnection', 'webkitRTCPeerConnection']) {
    Reflect.deleteProperty(globalThis, name);
  }
}
