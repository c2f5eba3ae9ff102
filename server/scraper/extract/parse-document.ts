import type * as Linkedom from 'linkedom';
import { lazyModule } from '../lazy-module';

export const linkedom = lazyModule<typeof Linkedom>('linkedom');

const HAS_HTML = /<html[\s>]/i;
const HAS_BODY = /<body[\s>]/i;
const FRAME_TAGS = /<!doctype[^>]*>|<\/?(?:html|head|body)\b[^>]*>/gi;

/**
 * A linkedom document with a real <html> and <body>. linkedom does not build the tree a browser
 * would: a fragment or a page without <body> leaves document.body an empty stub, so such input is
 * re-framed first (head elements end up in the body, where the text walkers skip them).
 */
export function parseDocument(html: string): Document {
  if (HAS_HTML.test(html) && HAS_BODY.test(html)) return linkedom().parseHTML(html).document;
  const inner = html.replace(FRAME_TAGS, '');
  return linkedom().parseHTML(`<!doctype html><html><head></head><body>${inner}</body></html>`).document;
}
