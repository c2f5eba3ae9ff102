import { MASKED_VALUE } from '../../contract/request-detail';
import type { ScrapeRequestParsed } from '../../contract/scrape';
import { maskSecrets } from '../lib/mask-secrets';

/**
 * The scrape request as the request log keeps it for support: cookie values masked (their names tell what was sent),
 * and a key wherever it sits in a text masked by its shape. The API key itself is a header, never a parameter.
 */
export function maskedParameters(request: ScrapeRequestParsed): Record<string, unknown> {
  const masked = JSON.parse(JSON.stringify(request), (_key, value: unknown) =>
    typeof value === 'string' ? maskSecrets(value) : value,
  ) as Record<string, unknown>;
  if (request.cookies) {
    masked.cookies = Object.fromEntries(Object.keys(request.cookies).map((name) => [maskSecrets(name), MASKED_VALUE]));
  }
  return masked;
}
