import { accessSync, constants, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../lib/chromium.mjs';
import { ScrapeFailure } from '../scrape-failure';

const LAUNCH_TIMEOUT_MS = 30_000;

export function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** A counting semaphore whose waiters give up at the request's deadline. */
export function createSlots(size: number) {
  let free = size;
  const waiters: Array<() => void> = [];
  const release = () => {
    const next = waiters.shift();
    if (next) next();
    else free += 1;
  };
  const acquire = (deadline: number) =>
    new Promise<() => void>((resolve, reject) => {
      if (free > 0) {
        free -= 1;
        resolve(release);
        return;
      }
      const grant = () => {
        clearTimeout(timer);
        resolve(release);
      };
      const timer = setTimeout(() => {
        waiters.splice(waiters.indexOf(grant), 1);
        reject(new ScrapeFailure('TIMEOUT', 'Every browser context stayed busy until the deadline'));
      }, deadline - Date.now());
      waiters.push(grant);
    });
  return { acquire };
}

/**
 * The profile every context of the browser reads its settings from. WebRTC sends UDP (STUN, TURN) straight
 * from the renderer's sockets, past any proxy and the target guard; this policy stops all UDP that does not
 * go through the proxy (a SOCKS proxy carries none) and gathers no local addresses. Chromium takes it from
 * the profile: its --force-webrtc-ip-handling-policy switch only reaches the headless shell.
 */
const PROFILE_PREFERENCES = { webrtc: { ip_handling_policy: 'disable_non_proxied_udp' } };

function createProfile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sandbox-chromium-'));
  mkdirSync(path.join(dir, 'Default'));
  writeFileSync(path.join(dir, 'Default', 'Preferences'), JSON.stringify(PROFILE_PREFERENCES));
  return dir;
}

/**
 * One shared Chromium, launched on first use and again after it crashed or disconnected. It is launched with
 * a profile of ours (Playwright's plain launch takes none); scrapes open their own contexts beside it.
 */
export function createBrowserHolder(executablePath: string) {
  let launching: { browser: Promise<Browser>; removeProfile: () => Promise<void> } | null = null;
  const get = () => {
    if (launching) return launching.browser;
    const profile = createProfile();
    // Chromium may still be writing to it as it disconnects: retried, and never worth failing over.
    const removeProfile = () =>
      rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }).catch(() => undefined);
    // Imported here, on the first browser scrape: loading playwright-core costs ~90 MiB that a server which
    // never renders a page should not carry.
    const browser = import('playwright-core')
      .then(({ chromium }) =>
        chromium.launchPersistentContext(profile, {
          executablePath,
          headless: true,
          args: CHROMIUM_ARGS,
          timeout: LAUNCH_TIMEOUT_MS,
        }),
      )
      .then((context) => {
        const launched = context.browser();
        if (!launched) throw new Error('Chromium started without a browser to open contexts in');
        launched.on('disconnected', () => {
          void removeProfile();
          if (launching?.browser === browser) launching = null;
        });
        return launched;
      });
    browser.catch(() => {
      void removeProfile();
      if (launching?.browser === browser) launching = null;
    });
    launching = { browser, removeProfile };
    return browser;
  };
  const close = async () => {
    const current = launching;
    launching = null;
    await current?.browser.then((browser) => browser.close()).catch(() => undefined);
    // Once it has exited, nothing writes to the profile any more.
    await current?.removeProfile();
  };
  return { get, close };
}

/** Headless Chromium says "HeadlessChrome" in its UA, which walls look for; a desktop Chrome's UA instead. */
export const chromeUserAgent = (version: string) =>
  `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${version.split('.')[0]}.0.0.0 Safari/537.36`;
