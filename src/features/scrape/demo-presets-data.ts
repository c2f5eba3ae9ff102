import type { ScrapeRequest } from '../../../contract/scrape';

export interface DemoPreset {
  id: string;
  label: string;
  /** What the user will see when they run it, so no outcome comes as a surprise. */
  description: string;
  request: (demoWebUrl: string) => ScrapeRequest;
}

const at = (path: string) => (demoWebUrl: string) => `${demoWebUrl.replace(/\/+$/, '')}${path}`;

/** One preset per target page of the sandbox's demo web (api-contract.md), each set up to show its outcome. */
export const DEMO_PRESETS: readonly DemoPreset[] = [
  {
    id: 'article',
    label: 'Plain article',
    description: 'A plain HTML article: 200 at tier 1, 1 credit.',
    request: (base) => ({ url: at('/article')(base) }),
  },
  {
    id: 'headers-check',
    label: 'Needs browser headers',
    description: 'Refuses clients that do not look like a browser: 200 at tier 2.',
    request: (base) => ({ url: at('/headers-check')(base) }),
  },
  {
    id: 'js-rendered',
    label: 'Needs JavaScript',
    description: 'An empty shell filled in by a script: 200 at tier 3 (headless browser).',
    request: (base) => ({ url: at('/js-rendered')(base) }),
  },
  {
    id: 'challenge',
    label: 'Browser challenge',
    description: 'A "Just a moment..." interstitial. In html mode: 403 CHALLENGE_DETECTED; mode js passes it.',
    request: (base) => ({ url: at('/challenge')(base), mode: 'html' }),
  },
  {
    id: 'antibot',
    label: 'Anti-bot block',
    description: 'A proof-of-work wall: 403 BLOCKED_BY_ANTIBOT, unless the maximum tier is 4.',
    request: (base) => ({ url: at('/antibot')(base) }),
  },
  {
    id: 'slow',
    label: 'Slow page (timeout)',
    description: 'Answers after 5 seconds with a 2-second timeout: 504 TIMEOUT, refunded.',
    request: (base) => ({ url: at('/slow?ms=5000')(base), timeout: 2 }),
  },
  {
    id: 'huge',
    label: 'Huge page (11 MB)',
    description: 'An 11 MB page, over the 10 MB limit: 413 CONTENT_TOO_LARGE, refunded.',
    request: (base) => ({ url: at('/huge')(base) }),
  },
  {
    id: 'pdf',
    label: 'PDF report',
    description: 'A real PDF: 415 UNSUPPORTED_CONTENT_TYPE, unless the mode is pdf.',
    request: (base) => ({ url: at('/report.pdf')(base) }),
  },
  {
    id: 'scan',
    label: 'Scanned image',
    description: 'An image: 415 UNSUPPORTED_CONTENT_TYPE, unless the mode is ocr.',
    request: (base) => ({ url: at('/scan.png')(base) }),
  },
  {
    id: 'garbled',
    label: 'Garbled page',
    description: 'text/html that is binary noise: 422 EXTRACTION_FAILED, refunded.',
    request: (base) => ({ url: at('/garbled')(base) }),
  },
  {
    id: 'members',
    label: 'Login wall',
    description: 'A members-only page: 401 REQUIRES_AUTH, unless a stored session holds its login cookie.',
    request: (base) => ({ url: at('/members')(base) }),
  },
  {
    id: 'premium',
    label: 'Paywall',
    description: 'Paywall markup: 402 PAYWALL_DETECTED, refunded.',
    request: (base) => ({ url: at('/premium')(base) }),
  },
  {
    id: 'hostile',
    label: 'Hostile page',
    description: 'Scripts that try to run and phone home: 200 at tier 1, shown safely with none of them running.',
    request: (base) => ({ url: at('/hostile')(base) }),
  },
  {
    id: 'unreachable',
    label: 'Unreachable host',
    description: 'A host that does not exist: 503 NETWORK_ERROR, refunded.',
    request: () => ({ url: 'http://unreachable.invalid/' }),
  },
];
