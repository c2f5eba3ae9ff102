import { accessSync, constants } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../../scripts/find-chromium.mjs';
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

/** One shared Chromium, launched on first use and again after it crashed or disconnected. */
export function createBrowserHolder(executablePath: string) {
  let launching: Promise<Browser> | null = null;
  const get = () => {
    if (launching) return launching;
    const current = chromium
      .launch({ executablePath, headless: true, args: CHROMIUM_ARGS, timeout: LAUNCH_TIMEOUT_MS })
      .then((browser) => {
        browser.on('disconnected', () => {
          if (launching === current) launching = null;
        });
        return browser;
      });
    current.catch(() => {
      if (launching === current) launching = null;
    });
    launching = current;
    return current;
  };
  const close = async () => {
    const current = launching;
    launching = null;
    await current?.then((browser) => browser.close()).catch(() => undefined);
  };
  return { get, close };
}

/** Headless Chromium says "HeadlessChrome" in its UA, which walls look for; a desktop Chrome's UA instead. */
export const chromeUserAgent = (version: string) =>
  `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${version.split('.')[0]}.0.0.0 Safari/537.36`;
