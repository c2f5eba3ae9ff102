import type { ScrapeFormat } from '../../../contract/scrape';
import { toPlainText } from './html-to-text';
import { baseUrl, mainContent, removeNonContent } from './main-content';
import { pageTitle } from './page-title';
import { parseDocument } from './parse-document';
import { extractStructuredData } from './structured-data';
import { toMarkdown } from './to-markdown';

export interface Extracted {
  title: string | null;
  /** The HTML itself when no formats were asked for, else one entry per requested format. */
  content: string | Record<string, unknown>;
}

/** The formats other than html, computed from one DOM of the page. */
function fromDom(
  html: string,
  url: string,
  wanted: ReadonlySet<ScrapeFormat>,
  title: string | null,
): Partial<Record<ScrapeFormat, unknown>> {
  const values: Partial<Record<ScrapeFormat, unknown>> = {};
  const document = parseDocument(html);
  // First, while the scripts are still there: JSON-LD lives in <script> elements.
  if (wanted.has('json')) values.json = extractStructuredData(document, baseUrl(document, url));
  if (wanted.has('text') || wanted.has('markdown')) {
    removeNonContent(document);
    const main = mainContent(document, html, url);
    if (wanted.has('text')) values.text = toPlainText(main.root);
    if (wanted.has('markdown')) values.markdown = toMarkdown(main.root, main.title ?? title);
  }
  return values;
}

export function extractContent(html: string, url: string, formats: ScrapeFormat[] | undefined): Extracted {
  // Regex-based: an html-only scrape (the benchmarked path) never builds a DOM or runs Readability.
  const title = pageTitle(html);
  if (formats === undefined) return { title, content: html };
  const wanted = new Set(formats);
  const values = [...wanted].some((format) => format !== 'html') ? fromDom(html, url, wanted, title) : {};
  values.html = html;
  // Keys in the order the formats were asked for.
  return { title, content: Object.fromEntries([...wanted].map((format) => [format, values[format]])) };
}
