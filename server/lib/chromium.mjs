import { existsSync } from 'node:fs';

/**
 * The Chromium the scraper's tiers 3–4 and the e2e suite drive: the configured one, else Debian's. Plain
 * JavaScript, so the scripts that run under bare Node (the test runner) can import it too.
 */
export function findChromium(configured) {
  const candidates = [configured, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  return candidates.find((candidate) => existsSync(candidate)) ?? null;
}

export const CHROMIUM_MISSING =
  'Chromium not found: install it with `sudo apt-get install -y chromium` (Debian/Ubuntu) or set CHROMIUM_PATH to a Chromium binary.';

/**
 * How every Chromium of the project starts (the scraper's tiers 3–4 and the e2e suite): headless, as root,
 * with the background connections off that this machine's closed network would refuse anyway. WebRTC may
 * send UDP only through a proxy (none can carry it): a page's STUN and TURN never bypass the target guard.
 * The headless shell takes that policy from this switch; full Chromium from its profile (browser-process.ts).
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
];
