import type { CodeOfCategory } from '../../contract/error-codes';
import type { ScrapeMode, Tier } from '../../contract/pricing';

/** A target site of the demo history: how hard it is to scrape, and how it tends to fail. */
export interface DemoSite {
  host: string;
  paths: readonly string[];
  mode: ScrapeMode;
  maxTier: Tier;
  /** The tier a scrape ends at, with its weight. */
  tiers: readonly (readonly [Tier, number])[];
  cacheShare: number;
  failureShare: number;
  failures: readonly CodeOfCategory<'scraping'>[];
  /** How often the account scrapes it, against the others. */
  weight: number;
}

// Reserved example domains (RFC 2606): nothing here is a real site, and nothing is ever fetched from them.
export const DEMO_SITES: readonly DemoSite[] = [
  {
    host: 'shop.example.com',
    paths: ['/products/kettle', '/products/lamp', '/category/garden', '/deals'],
    mode: 'auto',
    maxTier: '3',
    tiers: [
      ['2', 1],
      ['3', 4],
    ],
    cacheShare: 0.05,
    failureShare: 0.08,
    failures: ['CHALLENGE_DETECTED', 'TIMEOUT'],
    weight: 4,
  },
  {
    host: 'news.example.org',
    paths: ['/world', '/business/markets', '/tech/2026/chips', '/opinion'],
    mode: 'auto',
    maxTier: '3',
    tiers: [
      ['1', 6],
      ['2', 1],
    ],
    cacheShare: 0.25,
    failureShare: 0.07,
    failures: ['PAYWALL_DETECTED', 'EXTRACTION_FAILED'],
    weight: 5,
  },
  {
    host: 'travel.example.net',
    paths: ['/flights/lis-ams', '/hotels/porto', '/flights/ber-osl'],
    mode: 'auto',
    maxTier: '4',
    tiers: [
      ['3', 1],
      ['4', 3],
    ],
    cacheShare: 0.02,
    failureShare: 0.14,
    failures: ['BLOCKED_BY_ANTIBOT', 'CHALLENGE_DETECTED', 'TIMEOUT'],
    weight: 2,
  },
  {
    host: 'jobs.example.com',
    paths: ['/search?q=data', '/company/acme', '/listing/4512'],
    mode: 'auto',
    maxTier: '3',
    tiers: [
      ['1', 1],
      ['2', 3],
    ],
    cacheShare: 0.1,
    failureShare: 0.09,
    failures: ['REQUIRES_AUTH', 'NETWORK_ERROR'],
    weight: 3,
  },
  {
    host: 'files.example.org',
    paths: ['/reports/q3.pdf', '/reports/annual-2025.pdf', '/manuals/setup.pdf'],
    mode: 'pdf',
    maxTier: '2',
    tiers: [['1', 1]],
    cacheShare: 0.15,
    failureShare: 0.1,
    failures: ['CONTENT_TOO_LARGE', 'UNSUPPORTED_CONTENT_TYPE'],
    weight: 1,
  },
];
