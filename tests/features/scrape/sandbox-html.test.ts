import { render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { RenderedPageFrame } from '../../../src/features/scrape/rendered-page-frame';
import { FRAME_CSP, sandboxHtml } from '../../../src/features/scrape/sandbox-html';

const EXPECTED_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; media-src 'none'; " +
  "frame-src 'none'; form-action 'none'; base-uri 'none'";

/** Like the demo web's /hostile page: content, plus everything a malicious page tries. */
const HOSTILE = `<!doctype html>
<html lang="en" manifest="https://tracker.test/app.manifest">
<head>
  <meta charset="utf-8">
  <META HTTP-EQUIV=" Refresh " content="5;url=https://tracker.test/beacon?via=meta-refresh">
  <title>Hostile page</title>
  <link rel="stylesheet" href="https://tracker.test/beacon?via=css">
  <link rel="dns-prefetch preconnect" href="https://tracker.test">
  <script src="https://tracker.test/beacon?via=script-src"></script>
</head>
<body>
  <main><h1>Hostile page</h1><p>Real content.</p><a href="https://tracker.test/out" ping="https://tracker.test/ping">out</a></main>
  <img src="https://tracker.test/beacon?via=img" alt="">
  <noscript><meta http-equiv="refresh" content="0;url=https://tracker.test/noscript"></noscript>
  <script>window.parent.document.title = 'pwned'; fetch('https://tracker.test/beacon?via=fetch');</script>
</body>
</html>`;

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('sandboxHtml', () => {
  it('puts the CSP first, before anything the page declares', () => {
    const out = sandboxHtml(HOSTILE);
    const doc = parse(out);
    const first = doc.head.firstElementChild;
    expect(first?.tagName).toBe('META');
    expect(first?.getAttribute('http-equiv')).toBe('Content-Security-Policy');
    expect(first?.getAttribute('content')).toBe(EXPECTED_CSP);
    expect(FRAME_CSP).toBe(EXPECTED_CSP);
    // In the text too: the frame's parser meets the policy before any other tag of the head.
    expect(out.indexOf('<meta http-equiv="Content-Security-Policy"')).toBeLessThan(out.indexOf('<meta charset'));
    expect(out.startsWith('<!DOCTYPE html><html lang="en">')).toBe(true);
  });

  it('removes every meta refresh, in any spelling and place', () => {
    const doc = parse(sandboxHtml(HOSTILE));
    const equivs = Array.from(doc.querySelectorAll('meta[http-equiv]'), (meta) => meta.getAttribute('http-equiv'));
    expect(equivs).toEqual(['Content-Security-Policy', 'x-dns-prefetch-control']);
    expect(sandboxHtml(HOSTILE)).not.toMatch(/refresh/i);
  });

  it('keeps the content and the scripts, which the empty sandbox leaves inert', () => {
    const doc = parse(sandboxHtml(HOSTILE));
    expect(doc.querySelector('h1')?.textContent).toBe('Hostile page');
    expect(doc.title).toBe('Hostile page');
    expect(doc.querySelectorAll('script')).toHaveLength(2);
    expect(doc.querySelector('link[rel="stylesheet"]')).not.toBeNull();
  });

  it('drops what fetches ahead of time or on a click, and the app-cache manifest', () => {
    const doc = parse(sandboxHtml(HOSTILE));
    expect(doc.querySelector('link[rel~="dns-prefetch"], link[rel~="preconnect"]')).toBeNull();
    expect(doc.documentElement.hasAttribute('manifest')).toBe(false);
    const link = doc.querySelector('a');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.hasAttribute('ping')).toBe(false);
  });

  it.each([
    ['a fragment', '<p>Just a paragraph</p>'],
    ['a body without head or html', '<body><p>Just a paragraph</p></body>'],
    ['a head without html', '<head><title>T</title></head><p>Just a paragraph</p>'],
    ['plain text', 'Just a paragraph'],
  ])('creates the head for %s', (_, html) => {
    const out = sandboxHtml(html);
    const doc = parse(out);
    expect(doc.head.firstElementChild?.getAttribute('content')).toBe(EXPECTED_CSP);
    expect(doc.body.textContent).toContain('Just a paragraph');
    expect(out.startsWith('<html><head><meta http-equiv="Content-Security-Policy"')).toBe(true);
  });

  it('handles an empty document', () => {
    const doc = parse(sandboxHtml(''));
    expect(doc.head.firstElementChild?.getAttribute('http-equiv')).toBe('Content-Security-Policy');
  });

  it('cannot be tricked into placing the policy after a tag hidden in an attribute', () => {
    const out = sandboxHtml('<html data-x="&quot;><script>alert(1)</script>"><head></head><body></body></html>');
    expect(parse(out).head.firstElementChild?.getAttribute('http-equiv')).toBe('Content-Security-Policy');
    expect(parse(out).querySelectorAll('script')).toHaveLength(0);
  });
});

describe('RenderedPageFrame', () => {
  it('renders the page in an iframe with an empty sandbox, no referrer and the rewritten document', () => {
    render(createElement(RenderedPageFrame, { html: HOSTILE }));
    const frame = screen.getByTitle('Rendered page');
    expect(frame.tagName).toBe('IFRAME');
    // Exactly "": every sandbox restriction on (no scripts, same-origin, forms, popups or top navigation).
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame).toHaveAttribute('referrerpolicy', 'no-referrer');
    expect(frame.hasAttribute('src')).toBe(false);
    const srcdoc = frame.getAttribute('srcdoc') ?? '';
    expect(parse(srcdoc).head.firstElementChild?.getAttribute('content')).toBe(EXPECTED_CSP);
    expect(srcdoc).not.toMatch(/refresh/i);
    // Nothing of the page reached the dashboard's own document.
    expect(document.title).not.toBe('pwned');
    expect(document.querySelector('h1')).toBeNull();
  });
});
