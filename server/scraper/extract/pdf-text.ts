import type { getDocumentProxy } from 'unpdf';
import { ScrapeFailure } from '../scrape-failure';

export interface PdfText {
  title: string | null;
  text: string;
  pages: number;
}

/** "%PDF-" must appear in the first 1024 bytes (where PDF readers look for the header). */
function looksLikePdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

function metadataTitle(info: Record<string, unknown>): string | null {
  const title = info['Title'];
  return typeof title === 'string' && title.trim() !== '' ? title.trim() : null;
}

function normalise(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The text of every page of a PDF, and its title (the metadata's, else the first line of text). */
export async function extractPdfText(bytes: Uint8Array): Promise<PdfText> {
  if (!looksLikePdf(bytes)) throw new ScrapeFailure('EXTRACTION_FAILED', 'The document is not a PDF');
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>> | undefined;
  try {
    // Imported on the first PDF: an idle server does not carry pdf.js.
    const { extractText, getDocumentProxy, getMeta } = await import('unpdf');
    // A copy: PDF.js may take ownership of (detach) the buffer it is given, and the caller keeps the body.
    // verbosity 0: PDF.js would otherwise print warnings about fonts it does not need for text.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    const [{ text, totalPages }, meta] = await Promise.all([
      extractText(pdf, { mergePages: true }),
      getMeta(pdf).catch(() => ({ info: {} })),
    ]);
    const clean = normalise(text);
    const firstLine = clean.split('\n').find((line) => line !== '') ?? null;
    return { title: metadataTitle(meta.info) ?? firstLine, text: clean, pages: totalPages };
  } catch (error) {
    if (error instanceof ScrapeFailure) throw error;
    const reason =
      error instanceof Error && error.name === 'PasswordException' ? 'is password-protected' : 'could not be read';
    throw new ScrapeFailure('EXTRACTION_FAILED', `The PDF ${reason}`);
  } finally {
    await pdf?.destroy();
  }
}
