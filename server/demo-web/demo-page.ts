import type { FastifyInstance } from 'fastify';

/** One target page of the demo web: its routes, and the line the index shows for humans. */
export interface DemoPage {
  /** The path the index links to (with an example query where the page takes one). */
  path: string;
  description: string;
  /** Called once per app, so state (secrets, counters) lives per instance. */
  register: (app: FastifyInstance) => void;
}

export const HTML = 'text/html; charset=utf-8';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);

/** A minimal well-formed document; `head` and `body` are trusted markup. */
export const htmlDocument = ({ title, head = '', body }: { title: string; head?: string; body: string }) =>
  `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)}</title>
${head}
</head>
<body>
${body}
</body>
</html>`;

/** Cookies of a request; the demo web has no cookie plugin and needs only name=value pairs. */
export function readCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator <= 0) continue;
    const name = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    try {
      cookies.set(name, decodeURIComponent(value));
    } catch {
      cookies.set(name, value);
    }
  }
  return cookies;
}

/** The body of an article-like page, shared by the pages whose success looks like an article. */
export const articleBody = (heading: string, paragraphs: string[]) =>
  `<main>
  <article>
    <h1>${escapeHtml(heading)}</h1>
${paragraphs.map((text) => `    <p>${escapeHtml(text)}</p>`).join('\n')}
  </article>
</main>`;
