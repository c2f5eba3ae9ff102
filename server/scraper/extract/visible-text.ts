import { toFlatText } from './html-to-text';
import { parseDocument } from './parse-document';

/**
 * The text a person would see on the page: the body without scripts, styles, templates, noscript
 * fallbacks or hidden elements, whitespace collapsed. The classifier measures it to tell an empty
 * JavaScript shell from a page with content.
 */
export function visibleText(html: string): string {
  return toFlatText(parseDocument(html).body);
}
