/**
 * Nothing the page names may be fetched: no scripts, stylesheets, images, fonts, media, frames or form posts.
 * Inline styles and data: images stay, so the page still looks like itself.
 */
export const FRAME_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  'font-src data:',
  "media-src 'none'",
  "frame-src 'none'",
  "form-action 'none'",
  "base-uri 'none'",
].join('; ');

/** Hints that make a browser resolve or fetch ahead of time; CSP does not reliably cover DNS prefetching. */
const PREFETCH_RELS = new Set(['dns-prefetch', 'preconnect', 'prefetch', 'preload', 'modulepreload', 'prerender']);

const isRefresh = (meta: Element) => (meta.getAttribute('http-equiv') ?? '').trim().toLowerCase() === 'refresh';

/**
 * Scraped HTML made safe to show in `<iframe sandbox="" srcDoc>`. The empty sandbox already stops scripts, forms,
 * popups and top navigation; this adds what a sandbox does not stop:
 * - requests for sub-resources (trackers, beacons): a CSP meta, the very first element, so it governs everything
 *   after it (a policy the page declares later can only add restrictions, never lift ours);
 * - a meta refresh, which would navigate the frame itself to any URL: removed;
 * - a click on a link, which would navigate the frame: links open a new window instead, which the sandbox refuses.
 * Scripts stay in the markup (inert), so what is shown is what was scraped.
 */
export function sandboxHtml(html: string): string {
  // DOMParser never runs scripts or loads anything, and creates <html>, <head> and <body> when they are missing.
  const doc = new DOMParser().parseFromString(html, 'text/html');

  for (const meta of doc.querySelectorAll('meta[http-equiv]')) if (isRefresh(meta)) meta.remove();
  for (const link of doc.querySelectorAll('link[rel]')) {
    const rels = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (rels.some((rel) => PREFETCH_RELS.has(rel))) link.remove();
  }
  for (const link of doc.querySelectorAll('a[href], area[href]')) {
    link.setAttribute('target', '_blank');
    link.removeAttribute('ping');
  }
  // The obsolete application cache fetched its manifest on load.
  doc.documentElement.removeAttribute('manifest');

  const dnsPrefetch = doc.createElement('meta');
  dnsPrefetch.setAttribute('http-equiv', 'x-dns-prefetch-control');
  dnsPrefetch.setAttribute('content', 'off');
  const csp = doc.createElement('meta');
  csp.setAttribute('http-equiv', 'Content-Security-Policy');
  csp.setAttribute('content', FRAME_CSP);
  doc.head.prepend(csp, dnsPrefetch);

  // Keep the page's rendering mode: without a doctype it was laid out in quirks mode.
  const doctype = doc.doctype ? `<!DOCTYPE ${doc.doctype.name || 'html'}>` : '';
  return `${doctype}${doc.documentElement.outerHTML}`;
}
