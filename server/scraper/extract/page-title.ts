import { linkedom } from './parse-document';

/**
 * One pass over the markup: skips what can hold a stray "<title>" (scripts, styles, comments, SVG
 * icons' tooltips) and stops at the first real <title> or <h1>.
 */
const TITLE_SCAN =
  /<!--[\s\S]*?-->|<(script|style|svg|template)\b[^>]*>[\s\S]*?<\/\1\s*>|<title\b[^>]*>([\s\S]*?)<\/title\s*>|<h1\b[^>]*>([\s\S]*?)<\/h1\s*>/gi;

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Entities and nested tags are left to a real parser, but only for the few bytes of the title. */
function textOf(fragment: string, tag: 'title' | 'h1'): string {
  if (!/[&<]/.test(fragment)) return collapse(fragment);
  const { document } = linkedom().parseHTML(`<!doctype html><html><body><${tag}>${fragment}</${tag}></body></html>`);
  return collapse(document.querySelector(tag)?.textContent ?? '');
}

/**
 * The page's title: the <title> text trimmed, else the first <h1>'s text, else null. Regex-based so
 * an html-only scrape never builds a DOM of the whole page.
 */
export function pageTitle(html: string): string | null {
  let heading: string | null = null;
  for (const match of html.matchAll(TITLE_SCAN)) {
    const [, , title, h1] = match;
    if (title !== undefined) {
      const text = textOf(title, 'title');
      if (text !== '') return text;
    } else if (h1 !== undefined && heading === null) {
      const text = textOf(h1, 'h1');
      if (text !== '') heading = text;
    }
  }
  return heading;
}
