import { existsSync } from 'node:fs';

/** The Chromium the e2e suite and the scraper's tiers 3–4 drive: CHROMIUM_PATH, else Debian's. */
export function findChromium(env = process.env) {
  const candidates = [env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  return candidates.find((candidate) => existsSync(candidate)) ?? null;
}

export const CHROMIUM_MISSING =
  'Chromium not found: install it with `sudo apt-get install -y chromium` (Debian/Ubuntu) or set CHROMIUM_PATH to a Chromium binary.';

/**
 * How every Chromium of the project starts (the scraper's tiers 3–4 and the e2e suite): headless, as root,
 * with the background connections off that this machine's closed network would refuse anyway.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
