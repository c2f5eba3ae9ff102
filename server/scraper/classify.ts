import type { ScrapeRequestParsed } from '../../contract/scrape';
import { isGarbled } from './extract/garbled';
import { parseDocument } from './extract/parse-document';
import { visibleText } from './extract/visible-text';
import type { ScrapingCode } from './scrape-failure';
import type { FetchedPage } from './types';
import { wallOf, type WallCode } from './walls';

/** What a tier's page means: done, worth a higher tier, or a failure no tier can fix. */
export type Verdict =
  | { kind: 'ok' }
  | { kind: 'escalate'; code: ScrapingCode; reason: string }
  | { kind: 'fail'; code: ScrapingCode; reason: string };

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml', '']);
const TEXT_TYPES = new Set(['text/plain', 'application/json', 'application/xml', 'text/xml', 'application/ld+json']);

/**
 * Generic signs of what a page is, in the order a person would look: the kind
 * of content, then walls (anti-bot, challenge, login, paywall: walls.ts), then
 * whether the content is there at all. Nothing here knows the demo web's paths.
 */
export function classify(page: FetchedPage, mode: ScrapeRequestParsed['mode']): Verdict {
  const type = page.contentType;
  if (mode === 'pdf') {
    const isPdf = type === 'application/pdf' || page.body.subarray(0, 5).toString('latin1') === '%PDF-';
    return isPdf
      ? { kind: 'ok' }
      : fail('UNSUPPORTED_CONTENT_TYPE', `mode pdf needs a PDF, the target sent ${type || 'no type'}`);
  }
  if (mode === 'ocr') {
    return type.startsWith('image/')
      ? { kind: 'ok' }
      : fail('UNSUPPORTED_CONTENT_TYPE', `mode ocr needs an image, the target sent ${type || 'no type'}`);
  }
  if (!HTML_TYPES.has(type) && !TEXT_TYPES.has(type)) {
    const hint = type === 'application/pdf' ? ' (use mode pdf)' : type.startsWith('image/') ? ' (use mode ocr)' : '';
    return fail('UNSUPPORTED_CONTENT_TYPE', `The target sent ${type}, which mode ${mode} cannot read${hint}`);
  }
  if (isGarbled(page.body)) return fail('EXTRACTION_FAILED', 'The page is not readable text (binary noise)');
  if (TEXT_TYPES.has(type)) return { kind: 'ok' };

  const document = parseDocument(page.body.toString('utf8'));
  const text = visibleText(document);
  const wall = wallOf({ document, text, status: page.status });
  if (wall) return WALLS[wall];
  if (page.status === 403 || page.status === 429) {
    return escalate('BLOCKED_BY_ANTIBOT', `The target refused the request (${page.status})`);
  }
  if (text.length < 40 && document.querySelector('script')) {
    return escalate('EXTRACTION_FAILED', 'The page is an empty shell whose content is written by JavaScript');
  }
  return { kind: 'ok' };
}

function fail(code: ScrapingCode, reason: string): Verdict {
  return { kind: 'fail', code, reason };
}
function escalate(code: ScrapingCode, reason: string): Verdict {
  return { kind: 'escalate', code, reason };
}

/** Anti-bot walls and challenges give way to a higher tier; no tier signs in or pays. */
const WALLS: Record<WallCode, Verdict> = {
  BLOCKED_BY_ANTIBOT: escalate('BLOCKED_BY_ANTIBOT', 'An anti-bot wall blocked the request'),
  CHALLENGE_DETECTED: escalate('CHALLENGE_DETECTED', 'A browser challenge page stood in front of the content'),
  REQUIRES_AUTH: fail('REQUIRES_AUTH', 'The page is behind a login wall'),
  PAYWALL_DETECTED: fail('PAYWALL_DETECTED', 'The content is behind a paywall'),
};
