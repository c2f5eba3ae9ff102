import { existsSync } from 'node:fs';

/** The Chromium the e2e suite and the scraper's tiers 3–4 drive: CHROMIUM_PATH, else Debian's. */
export function findChromium(env = process.env) {
  const candidates = [env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  return candidates.find((candidate) => existsSync(candidate)) ?? null;
}

export const CHROMIUM_MISSING =
  'Chromium not found: install it with `sudo apt-get install -y chromium` (Debian/Ubuntu) or set CHROMIUM_PATH to a Chromium binary.';
