import { extractJsonLd } from './json-ld';
import { extractMicrodata, type MicrodataItem } from './microdata';

export interface StructuredData {
  json_ld: Record<string, unknown>[];
  microdata: MicrodataItem[];
}

/** The page's machine-readable data; the shape stays the same when the page has none. */
export function extractStructuredData(document: Document, base: string): StructuredData {
  return { json_ld: extractJsonLd(document), microdata: extractMicrodata(document, base) };
}
