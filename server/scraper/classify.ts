import type { ScrapeRequestParsed } from '../../contract/scrape';
import { isGarbled } from './extract/garbled';
import { visibleText } from './extract/visible-text';
import type { ScrapeFailureCode } from './scrape-failure';
import type { FetchedPage } from './types';

/** What a tier's page means: done, worth a higher tier, or a failure no tier can fix. */
export type Verdict =
  | { kind: 'ok' }
  | { kind: 'escalate'; code: ScrapeFailureCode; reason: string }
  | { kind: 'fail'; code: ScrapeFailureCode; reason: string };

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml', '']);
const TEXT_TYPES = new Set(['text/plain', 'application/json', 'application/xml', 'text/xml', 'application/ld+json']);

/**
 * Generic signs of what a page is, in the order a person would look: the kind
 * of content, then walls (anti-bot, challenge, login, paywall), then whether the
 * content is there at all. Nothing here knows the demo web's paths.
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

  const html = page.body.toString('utf8');
  const text = visibleText(html);
  const lower = text.toLowerCase();

  if (/<meta[^>]+name=["']pow-challenge["']/i.test(html) || /bot protection|verify you are human/.test(lower)) {
    return escalate('BLOCKED_BY_ANTIBOT', 'An anti-bot wall (proof of work) blocked the request');
  }
  if (/<title>\s*just a moment/i.test(html) || /checking your browser|enable javascript and cookies/.test(lower)) {
    return escalate('CHALLENGE_DETECTED', 'A browser challenge page stood in front of the content');
  }
  if (page.status === 401 || isLoginWall(html, lower)) {
    return fail('REQUIRES_AUTH', 'The page is behind a login wall');
  }
  if (isPaywall(html, lower)) return fail('PAYWALL_DETECTED', 'The content is behind a paywall');
  if (page.status === 403 || page.status === 429) {
    return escalate('BLOCKED_BY_ANTIBOT', `The target refused the request (${page.status})`);
  }
  if (text.length < 40 && /<script[\s>]/i.test(html)) {
    return escalate('EXTRACTION_FAILED', 'The page is an empty shell whose content is written by JavaScript');
  }
  return { kind: 'ok' };
}

function isLoginWall(html: string, lower: string): boolean {
  const hasPassword = /<input[^>]+type=["']?password/i.test(html);
  return hasPassword && /\b(sign in|log in|login)\b/.test(lower) && lower.length < 600;
}

function isPaywall(html: string, lower: string): boolean {
  // Google's paywall markup is the standard sign; a "paywall" element asking to subscribe is the common one.
  if (/"isAccessibleForFree"\s*:\s*(false|"false")/i.test(html)) return true;
  return /class=["'][^"']*\bpaywall\b/i.test(html) && /subscribe/.test(lower);
}

const fail = (code: ScrapeFailureCode, reason: string): Verdict => ({ kind: 'fail', code, reason });
const escalate = (code: ScrapeFailureCode, reason: string): Verdict => ({ kind: 'escalate', code, reason });
