import { toFlatText } from './html-to-text';

/**
 * The text a person would see on the page: the body without scripts, styles, templates, noscript
 * fallbacks or hidden elements, whitespace collapsed. The classifier measures it to tell a wall or an
 * empty JavaScript shell from a page with content, on the document it has parsed already.
 */
export function visibleText(document: Document): string {
  return toFlatText(document.body);
}
