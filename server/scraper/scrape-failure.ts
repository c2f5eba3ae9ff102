/** The seed's scraping failure codes and their statuses. */
export const SCRAPE_FAILURE_STATUS = {
  BLOCKED_BY_ANTIBOT: 403,
  CHALLENGE_DETECTED: 403,
  TIMEOUT: 504,
  CONTENT_TOO_LARGE: 413,
  UNSUPPORTED_CONTENT_TYPE: 415,
  EXTRACTION_FAILED: 422,
  REQUIRES_AUTH: 401,
  PAYWALL_DETECTED: 402,
  NETWORK_ERROR: 503,
} as const;

export type ScrapeFailureCode = keyof typeof SCRAPE_FAILURE_STATUS;

/** A scrape that failed for a reason of the seed; every one of them is refunded. */
export class ScrapeFailure extends Error {
  readonly status: number;
  constructor(
    readonly code: ScrapeFailureCode,
    message: string,
  ) {
    super(message);
    this.name = 'ScrapeFailure';
    this.status = SCRAPE_FAILURE_STATUS[code];
  }
}
