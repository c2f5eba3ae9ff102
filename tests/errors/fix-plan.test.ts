import { describe, expect, it } from 'vitest';
import type { ScrapeRequest } from '../../contract/scrape';
import { advise } from '../../src/errors/advise';
import type { FixAction } from '../../src/errors/catalog-fixes';
import type { FailureInput } from '../../src/errors/failure-input';
import { fixesFor } from '../../src/errors/fix-plan';

const URL = 'https://example.com/page';

/** What the card offers for this failure of this request, as the user reads it: each fix's label and change. */
function offered(failure: FailureInput, request: ScrapeRequest | undefined): Record<string, unknown>[] {
  return fixesFor(advise(failure, {}, new Date()), request).map((fix: FixAction) =>
    fix.kind === 'patch-request' ? { label: fix.label, set: fix.set, drop: fix.drop } : { label: fix.label },
  );
}
const labels = (failure: FailureInput, request: ScrapeRequest | undefined) =>
  offered(failure, request).map((fix) => fix.label);

const challenge: FailureInput = { status: 403, code: 'CHALLENGE_DETECTED' };
const antibot: FailureInput = { status: 403, code: 'BLOCKED_BY_ANTIBOT' };
const timeout: FailureInput = { status: 504, code: 'TIMEOUT' };
const extraction: FailureInput = { status: 422, code: 'EXTRACTION_FAILED' };
const unsupported = (message: string): FailureInput => ({ status: 415, code: 'UNSUPPORTED_CONTENT_TYPE', message });

describe('fixesFor', () => {
  it('makes tier 4 also render JavaScript when a challenge met mode html, which never reaches the browser', () => {
    expect(offered(challenge, { url: URL, mode: 'html' })).toEqual([
      { label: 'Render JavaScript (mode: js)', set: { mode: 'js' }, drop: undefined },
      {
        label: 'Allow tier 4 and render JavaScript (max_tier: "4", mode: js)',
        set: { max_tier: '4', mode: 'js' },
        drop: undefined,
      },
    ]);
  });

  it('leaves a challenge in auto mode with tier 4 alone, and drops what the request already did', () => {
    expect(offered(challenge, { url: URL })).toEqual([
      { label: 'Render JavaScript (mode: js)', set: { mode: 'js' }, drop: undefined },
      { label: 'Allow tier 4 (CAPTCHA solving)', set: { max_tier: '4' }, drop: undefined },
    ]);
    expect(labels(challenge, { url: URL, mode: 'js', max_tier: '4' })).toEqual([]);
    expect(labels(antibot, { url: URL, cost_controls: { max_tier: 4 } })).toEqual([]);
  });

  it('offers pdf for a PDF and ocr for an image, never the other', () => {
    const pdf = unsupported('The target sent application/pdf, which mode auto cannot read (use mode pdf)');
    expect(labels(pdf, { url: URL })).toEqual(['Read it as a PDF (mode: pdf)']);
    expect(labels(unsupported('The target sent image/png, which mode auto cannot read'), { url: URL })).toEqual([
      'Read an image (mode: ocr)',
    ]);
    // Without a content type in the message, the URL's extension says which file it is.
    expect(labels(unsupported(''), { url: 'https://example.com/report.PDF' })).toEqual([
      'Read it as a PDF (mode: pdf)',
    ]);
    expect(labels(unsupported(''), { url: 'https://example.com/scan.jpeg?x=1' })).toEqual([
      'Read an image (mode: ocr)',
    ]);
    // A PDF already read with mode pdf that still failed: mode pdf cannot change it.
    expect(labels(unsupported('mode pdf needs a PDF, the target sent image/png'), { url: URL, mode: 'pdf' })).toEqual([
      'Read an image (mode: ocr)',
    ]);
  });

  it("raises the timeout with TIMEOUT's background job, and offers nothing the request already has", () => {
    expect(offered(timeout, { url: URL, timeout: 30 })).toEqual([
      { label: 'Wait up to 180 seconds (timeout: 180)', set: { timeout: 180 }, drop: undefined },
      {
        label: 'Run as a background job with 180 s (sync: false, timeout: 180)',
        set: { sync: false, timeout: 180 },
        drop: undefined,
      },
    ]);
    expect(offered(timeout, { url: URL, timeout: 200 })).toEqual([
      { label: 'Run as a background job (sync: false)', set: { sync: false }, drop: undefined },
    ]);
    expect(labels(timeout, { url: URL, timeout: 300, sync: false })).toEqual([]);
  });

  it("offers EXTRACTION_FAILED's rendering only where the browser was not tried", () => {
    // The defaults (auto, up to tier 3) already reached the browser.
    expect(labels(extraction, { url: URL })).toEqual([]);
    expect(labels(extraction, { url: URL, mode: 'html' })).toEqual(['Render JavaScript (mode: js)']);
    expect(labels(extraction, { url: URL, max_tier: '2' })).toEqual(['Render JavaScript (mode: js)']);
    expect(labels(extraction, { url: URL, mode: 'pdf' })).toEqual([]);
    expect(labels(extraction, { url: URL, mode: 'js' })).toEqual([]);
  });

  it('offers a login wall inline cookies beside stored sessions, and not beside a session already used', () => {
    const wall: FailureInput = { status: 401, code: 'REQUIRES_AUTH' };
    expect(labels(wall, { url: URL })).toEqual([
      'Use a stored session for this domain',
      'Send the login cookies with this request',
      'Create a session for this domain',
    ]);
    expect(labels(wall, { url: URL, session_id: 'ses_1' })).not.toContain('Send the login cookies with this request');
  });

  it('removes only what the request sent', () => {
    const conflict: FailureInput = { status: 400, code: 'SESSION_DOMAIN_MISMATCH' };
    expect(labels(conflict, { url: URL })).not.toContain('Remove the stored session (session_id)');
    expect(labels(conflict, { url: URL, session_id: 'ses_1' })).toContain('Remove the stored session (session_id)');
    const cap: FailureInput = { status: 400, code: 'EXCEEDS_COST_LIMIT' };
    expect(labels(cap, { url: URL, mode: 'html', max_credits: 1 })).toEqual(['Remove the credit cap (max_credits)']);
  });

  it("lists the catalog's fixes unchanged for a failure shown without its request", () => {
    expect(labels(challenge, undefined)).toEqual(['Render JavaScript (mode: js)', 'Allow tier 4 (CAPTCHA solving)']);
  });
});
