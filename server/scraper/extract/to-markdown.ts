import { gfm } from '@joplin/turndown-plugin-gfm';
import TurndownService from 'turndown';

// Built once: the rules never change and building a service registers every rule again.
const turndown = new TurndownService({
  headingStyle: 'atx',
  codeBlockStyle: 'fenced',
  fence: '```',
  bulletListMarker: '-',
  emDelimiter: '_',
  hr: '---',
});
turndown.use(gfm);
turndown.remove(['script', 'style', 'noscript', 'template', 'iframe']);

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

function hasHeading(root: Element, title: string): boolean {
  const wanted = normalise(title);
  return [...root.querySelectorAll('h1, h2')].some((heading) => normalise(heading.textContent ?? '') === wanted);
}

/** GitHub-flavoured Markdown of the main content, led by the title when the content has no such heading. */
export function toMarkdown(root: Element, title: string | null): string {
  const body = turndown.turndown(root.innerHTML).trim();
  if (!title || hasHeading(root, title)) return body;
  return `# ${turndown.escape(title)}\n\n${body}`.trim();
}

/** Text that must read as written in Markdown (a PDF's text): its Markdown syntax escaped. */
export const escapeMarkdown = (text: string) => turndown.escape(text);
