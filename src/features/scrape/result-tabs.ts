import type { ScrapeResult } from '../../../contract/scrape';

export type ResultTab =
  | { id: 'rendered'; label: 'Rendered'; html: string }
  | { id: 'source'; label: 'HTML source'; html: string }
  | { id: 'markdown'; label: 'Markdown'; text: string }
  | { id: 'text'; label: 'Text'; text: string }
  | { id: 'json'; label: 'JSON'; data: unknown }
  | { id: 'raw'; label: 'Raw HTML'; html: string }
  | { id: 'screenshot'; label: 'Screenshot'; url: string };

const asText = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value, null, 2));

/** The tabs a result can fill, in a fixed order: its content, then its raw HTML and screenshot when it has them. */
export function resultTabs(result: Pick<ScrapeResult, 'content' | 'raw_html' | 'screenshot_url'>): ResultTab[] {
  const tabs = contentTabs(result.content);
  if (result.raw_html !== undefined) tabs.push({ id: 'raw', label: 'Raw HTML', html: result.raw_html });
  if (result.screenshot_url) tabs.push({ id: 'screenshot', label: 'Screenshot', url: result.screenshot_url });
  return tabs;
}

/**
 * `content` is the HTML itself when no formats were asked for, else an object keyed by the formats that were; a
 * format the result lacks gets no tab.
 */
function contentTabs(content: ScrapeResult['content']): ResultTab[] {
  if (typeof content === 'string') {
    return [
      { id: 'rendered', label: 'Rendered', html: content },
      { id: 'source', label: 'HTML source', html: content },
    ];
  }
  const tabs: ResultTab[] = [];
  // A PDF or OCR scrape puts text under `html` too; it still renders and reads as text.
  if (content.html !== undefined && content.html !== null) {
    const html = asText(content.html);
    tabs.push({ id: 'rendered', label: 'Rendered', html }, { id: 'source', label: 'HTML source', html });
  }
  if (content.markdown !== undefined && content.markdown !== null) {
    tabs.push({ id: 'markdown', label: 'Markdown', text: asText(content.markdown) });
  }
  if (content.text !== undefined && content.text !== null) {
    tabs.push({ id: 'text', label: 'Text', text: asText(content.text) });
  }
  if (content.json !== undefined) tabs.push({ id: 'json', label: 'JSON', data: content.json });
  return tabs;
}
