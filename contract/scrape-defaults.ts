import type { ScrapeMode, Tier } from './pricing';

/** What a scrape request means when a field is left out (the contract's table of `POST /scrape`). */
export const SCRAPE_DEFAULTS = {
  mode: 'auto',
  sync: true,
  timeout: 90,
  max_tier: '3',
  cache: false,
  cache_ttl: 900,
  force_refresh: false,
} as const satisfies {
  mode: ScrapeMode;
  sync: boolean;
  timeout: number;
  max_tier: Tier;
  cache: boolean;
  cache_ttl: number;
  force_refresh: boolean;
};

/** Largest page any tier returns (seed: CONTENT_TOO_LARGE over 10MB). */
export const MAX_CONTENT_BYTES = 10 * 1024 * 1024;

/** The bounds the contract puts on request fields. */
export const SCRAPE_LIMITS = {
  urlMaxLength: 8192,
  timeoutSeconds: { min: 1, max: 300 },
  cacheTtlSeconds: { min: 60, max: 86_400 },
  waitForMaxLength: 500,
} as const;
