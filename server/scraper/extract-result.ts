import type { ScrapeRequestParsed } from '../../contract/scrape';
import { extractContent } from './extract/extract-content';
import { ocrImage } from './extract/ocr';
import { extractPdfText } from './extract/pdf-text';
import { escapeMarkdown } from './extract/to-markdown';
import { ScrapeFailure } from './scrape-failure';
import type { FetchedPage } from './types';

export interface ExtractedResult {
  title: string | null;
  content: string | Record<string, unknown>;
}

/**
 * The page in the requested formats. PDFs and images become text; their text
 * stands in for every text-like format, and `json` describes the document.
 */
export async function extractResult(
  page: FetchedPage,
  request: ScrapeRequestParsed,
  deadline: number,
): Promise<ExtractedResult> {
  try {
    return await extract(page, request, deadline);
  } catch (error) {
    if (error instanceof ScrapeFailure) throw error;
    // A page the parsers choke on (say, 20,000 nested elements) is content that could not be extracted.
    throw new ScrapeFailure('EXTRACTION_FAILED', `The content could not be extracted: ${(error as Error).message}`);
  }
}

async function extract(page: FetchedPage, request: ScrapeRequestParsed, deadline: number): Promise<ExtractedResult> {
  if (request.mode === 'pdf') {
    const pdf = await extractPdfText(page.body);
    const markdown = pdfMarkdown(pdf.title, pdf.text);
    const json = { title: pdf.title, pages: pdf.pages };
    // pdf_format says what the document is without formats; with them, markdown is Markdown and the rest text.
    if (!request.formats) return { title: pdf.title, content: request.pdf_format === 'markdown' ? markdown : pdf.text };
    return { title: pdf.title, content: asFormats(pdf.text, request.formats, json, markdown) };
  }
  if (request.mode === 'ocr') {
    const text = await ocrImage(page.body, deadline);
    if (!text.trim()) throw new ScrapeFailure('EXTRACTION_FAILED', 'No text could be read from the image');
    return { title: null, content: asFormats(text, request.formats, { characters: text.length }) };
  }
  return extractContent(page.body.toString('utf8'), page.finalUrl, request.formats);
}

function asFormats(
  text: string,
  formats: ScrapeRequestParsed['formats'],
  json: Record<string, unknown>,
  markdown = text,
): string | Record<string, unknown> {
  if (!formats) return text;
  const values = { json, markdown };
  return Object.fromEntries(
    formats.map((format) => [format, format === 'json' || format === 'markdown' ? values[format] : text]),
  );
}

/** A PDF's text as Markdown: its title as the heading (the first line, when that is the title), the rest as written. */
function pdfMarkdown(title: string | null, text: string): string {
  if (!title) return escapeMarkdown(text);
  const [first = '', ...rest] = text.split('\n');
  const body = first.trim() === title ? rest.join('\n') : text;
  return `# ${escapeMarkdown(title)}\n\n${escapeMarkdown(body.trim())}`.trim();
}
