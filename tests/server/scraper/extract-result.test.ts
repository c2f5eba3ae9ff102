import { describe, expect, it } from 'vitest';
import { scrapeRequestSchema } from '../../../contract/scrape';
import { extractResult } from '../../../server/scraper/extract-result';
import { ScrapeFailure } from '../../../server/scraper/scrape-failure';

describe('extracting a result', () => {
  it('turns a page the parsers choke on into EXTRACTION_FAILED (refunded), not a server error', async () => {
    const html = `<html><body>${'<div>'.repeat(10_000)}deep${'</div>'.repeat(10_000)}</body></html>`;
    const page = {
      tier: '1' as const,
      finalUrl: 'http://x.test/',
      status: 200,
      contentType: 'text/html',
      body: Buffer.from(html),
    };
    const request = scrapeRequestSchema.parse({ url: 'http://x.test/', formats: ['text', 'markdown'] });
    // 10,000 nested elements overflow the parsers' recursion (a RangeError inside readability/turndown).
    const failure = await extractResult(page, request, Date.now() + 10_000).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ScrapeFailure);
    expect((failure as ScrapeFailure).code).toBe('EXTRACTION_FAILED');
  });
});
