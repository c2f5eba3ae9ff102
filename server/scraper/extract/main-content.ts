import { Readability } from '@mozilla/readability';
import { NON_CONTENT_TAGS } from './html-to-text';
import { parseDocument } from './parse-document';

export interface MainContent {
  /** The article's title as Readability cleaned it (site name trimmed), or null. */
  title: string | null;
  /** The main content: Readability's article, or the page's body when it finds none. */
  root: Element;
}

/** Links and images point back at the page, not at the sandbox, once they leave it. */
function absolutize(root: Element, base: string): void {
  for (const [selector, attribute] of [
    ['a[href]', 'href'],
    ['img[src]', 'src'],
  ] as const) {
    for (const element of root.querySelectorAll(selector)) {
      const value = element.getAttribute(attribute) ?? '';
      if (value.startsWith('#')) continue;
      try {
        element.setAttribute(attribute, new URL(value, base).href);
      } catch {
        // Left as written: an unparsable URL is still what the page says.
      }
    }
  }
}

export function removeNonContent(document: Document): void {
  for (const tag of NON_CONTENT_TAGS) for (const element of document.querySelectorAll(tag)) element.remove();
}

/** The document's base URL: a <base href> resolved against the page's URL, else the page's URL. */
export function baseUrl(document: Document, url: string): string {
  const href = document.querySelector('base[href]')?.getAttribute('href');
  try {
    return new URL(href ?? '', url).href;
  } catch {
    return url;
  }
}

function bodyOf(html: string, url: string): Element {
  const document = parseDocument(html);
  removeNonContent(document);
  absolutize(document.body, baseUrl(document, url));
  return document.body;
}

/**
 * Readability's article from a document already stripped of scripts. It rewrites the document, so
 * the body fallback re-parses the original HTML instead of reading what Readability left.
 */
export function mainContent(document: Document, html: string, url: string): MainContent {
  // linkedom knows no document URL; Readability resolves relative links against these two.
  Object.defineProperty(document, 'documentURI', { value: url });
  Object.defineProperty(document, 'baseURI', { value: baseUrl(document, url) });
  let article: ReturnType<Readability<Element>['parse']> = null;
  try {
    article = new Readability<Element>(document, { keepClasses: true, serializer: (node) => node as Element }).parse();
  } catch {
    // A DOM Readability trips over is treated like a page with no article.
  }
  const title = article?.title?.trim() || null;
  if (article?.content && (article.textContent ?? '').trim() !== '') return { title, root: article.content };
  return { title, root: bodyOf(html, url) };
}
