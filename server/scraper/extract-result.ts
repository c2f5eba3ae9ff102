import type { ScrapeRequestParsed } from '../../contract/scrape';
import { extractContent } from './extract/extract-content';
import { ocrImage } from './extract/ocr';
import { extractPdfText } from './extract/pdf-text';
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
    return { title: pdf.title, content: asFormats(pdf.text, request.formats, { title: pdf.title, pages: pdf.pages }) };
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
): string | Record<string, unknown> {
  if (!formats) return text;
  return Object.fromEntries(formats.map((format) => [format, format === 'json' ? json : text]));
}
