import type { CodeOfCategory } from '../../contract/error-codes';
import { MAX_CONTENT_BYTES } from '../../contract/scrape-defaults';

export type ScrapingCode = CodeOfCategory<'scraping'>;

/** A scrape that failed for one of the seed's scraping reasons: the target's doing, not a bug of ours. */
export class ScrapeFailure extends Error {
  constructor(
    readonly code: ScrapingCode,
    message: string,
  ) {
    super(message);
    this.name = 'ScrapeFailure';
  }
}

export const contentTooLarge = () =>
  new ScrapeFailure('CONTENT_TOO_LARGE', `The page is larger than the ${MAX_CONTENT_BYTES / 1024 / 1024} MB limit`);
