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
  // The sandbox's own list of what it accepted without effect: worth a line when it names something, noise when not.
  if (request.ignored.length === 0) delete masked.ignored;
  if (request.cookies) {
    masked.cookies = Object.fromEntries(Object.keys(request.cookies).map((name) => [maskSecrets(name), MASKED_VALUE]));
  }
  return masked;
}
