import type * as TurndownGfm from '@joplin/turndown-plugin-gfm';
import type TurndownService from 'turndown';
import { lazyModule } from '../lazy-module';

const turndownModule = lazyModule<typeof TurndownService>('turndown');
const gfmModule = lazyModule<typeof TurndownGfm>('@joplin/turndown-plugin-gfm');
let service: TurndownService | undefined;

// Built once, on the first markdown asked for: the rules never change and building a service registers
// every rule again.
function turndown(): TurndownService {
  if (service) return service;
  const Turndown = turndownModule();
  service = new Turndown({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    fence: '```',
    bulletListMarker: '-',
    emDelimiter: '_',
    hr: '---',
  });
  service.use(gfmModule().gfm);
  service.remove(['script', 'style', 'noscript', 'template', 'iframe']);
  return service;
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

function hasHeading(root: Element, title: string): boolean {
  const wanted = normalise(title);
  return [...root.querySelectorAll('h1, h2')].some((heading) => normalise(heading.textContent ?? '') === wanted);
}

/** GitHub-flavoured Markdown of the main content, led by the title when the content has no such heading. */
export function toMarkdown(root: Element, title: string | null): string {
  const body = turndown().turndown(root.innerHTML).trim();
  if (!title || hasHeading(root, title)) return body;
  return `# ${turndown().escape(title)}\n\n${body}`.trim();
}

/** Text that must read as written in Markdown (a PDF's text): its Markdown syntax escaped. */
export const escapeMarkdown = (text: string) => turndown().escape(text);
