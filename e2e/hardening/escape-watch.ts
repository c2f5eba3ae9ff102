import { expect, type APIRequestContext, type Page, type Request } from '@playwright/test';

/** Every sign that something shown by the dashboard got out: a dialog, a payload's console line, a request elsewhere. */
export interface Escapes {
  dialogs: string[];
  console: string[];
  /** Requests off the dashboard origin that were not stopped by the frame's CSP before leaving. */
  offOrigin: Map<Request, string>;
  /** Attempts the rendered frame's CSP refused in the browser (they never reach the network). */
  blockedByCsp: number;
  popups: string[];
  /** Requests the dashboard made to its own origin: the denominator of the figures. */
  ownRequests: number;
}

/**
 * Watches a dashboard page for the whole test. Frames' events (the rendered srcdoc frame) arrive on the page too.
 * `data:`/`blob:`/`about:` never leave the machine; anything else not on the dashboard's origin is an escape.
 */
function describeFrame(request: Request): string {
  try {
    const frame = request.frame();
    return frame.parentFrame() ? `frame ${frame.name() || frame.url().slice(0, 40)}` : 'the dashboard';
  } catch {
    return 'a service worker';
  }
}

export function watchForEscapes(page: Page, dashboardOrigin: string): Escapes {
  const escapes: Escapes = {
    dialogs: [],
    console: [],
    offOrigin: new Map(),
    blockedByCsp: 0,
    popups: [],
    ownRequests: 0,
  };
  page.on('dialog', (dialog) => {
    escapes.dialogs.push(dialog.message());
    void dialog.dismiss().catch(() => undefined);
  });
  page.on('console', (message) => {
    if (message.text().includes('PWNED-')) escapes.console.push(message.text());
  });
  page.on('pageerror', (error) => {
    if (error.message.includes('PWNED-')) escapes.console.push(error.message);
  });
  page.on('request', (request) => {
    const url = request.url();
    if (/^(data|blob|about):/.test(url)) return;
    if (new URL(url).origin === dashboardOrigin) escapes.ownRequests++;
    else escapes.offOrigin.set(request, `${url} (${request.resourceType()} from ${describeFrame(request)})`);
  });
  // DevTools reports a CSP-refused request, then its failure as "csp": refused in the renderer, it never left.
  page.on('requestfailed', (request) => {
    if (request.failure()?.errorText === 'csp' && escapes.offOrigin.delete(request)) escapes.blockedByCsp++;
  });
  page.on('popup', (popup) => escapes.popups.push(popup.url()));
  return escapes;
}

export function expectNoEscapes(escapes: Escapes) {
  expect(escapes.dialogs, 'dialogs opened').toEqual([]);
  expect(escapes.console, 'payload console lines').toEqual([]);
  expect([...escapes.offOrigin.values()], 'requests off the dashboard origin').toEqual([]);
  expect(escapes.popups, 'popups').toEqual([]);
}

export interface BeaconTally {
  count: number;
  via: Record<string, number>;
}

/** The beacon counter of the demo web at `demoWeb` (the worker's, from the `demoWeb` fixture). */
export const beaconTally = async (request: APIRequestContext, demoWeb: string): Promise<BeaconTally> =>
  (await (await request.get(`${demoWeb}/beacon/count`)).json()) as BeaconTally;

export async function resetBeacons(request: APIRequestContext, demoWeb: string) {
  expect((await request.post(`${demoWeb}/beacon/reset`)).ok()).toBe(true);
}

/**
 * The barrier instead of a sleep: a bare browser page fires one control beacon; once it is counted, anything the
 * dashboard fired earlier would have been counted too. Returns the tally without the control.
 */
export async function tallyAfterControl(page: Page, request: APIRequestContext, demoWeb: string): Promise<BeaconTally> {
  const control = await page.context().newPage();
  // The beacon answers 204, which the browser reports as an aborted navigation: counted all the same.
  await control.goto(`${demoWeb}/beacon?via=control`, { waitUntil: 'commit' }).catch(() => undefined);
  await expect.poll(async () => (await beaconTally(request, demoWeb)).via['control'] ?? 0).toBe(1);
  await control.close();
  const { count, via } = await beaconTally(request, demoWeb);
  const { control: _control, ...rest } = via;
  return { count: count - 1, via: rest };
}

/** The corpus's pages, read from its list so the spec never keeps its own copy of how many there are. */
export async function corpusLinks(
  request: APIRequestContext,
  demoWeb: string,
): Promise<{ path: string; kind: string }[]> {
  const html = await (await request.get(`${demoWeb}/hostile/corpus`)).text();
  return [...html.matchAll(/<a href="(\/hostile\/corpus\/\d+)">([^<]*)<\/a>/g)].map((match) => ({
    path: match[1]!,
    kind: match[2]!,
  }));
}
