function words(list: string): string[] {
  return list.split(' ');
}

/** Never shown to a reader, so never part of a page's text. */
export const NON_CONTENT_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
/** Their text is metadata or a fallback for old browsers, not what the page shows. */
const SKIPPED_TAGS = new Set([...NON_CONTENT_TAGS, ...words('HEAD TITLE IFRAME OBJECT SVG CANVAS AUDIO VIDEO')]);

const BLOCK_TAGS = new Set([
  ...words('ADDRESS ARTICLE ASIDE BLOCKQUOTE BODY CAPTION CENTER DETAILS DIALOG DIV DL FIELDSET FIGCAPTION FIGURE'),
  ...words('FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HGROUP HR HTML LEGEND MAIN MENU NAV OL P SECTION SUMMARY TABLE'),
  ...words('TBODY TFOOT THEAD UL'),
]);
/** Lines of one list or table: kept together, one per line, instead of a blank line between each. */
const LINE_TAGS = new Set(['LI', 'TR', 'DT', 'DD', 'OPTION']);
const CELL_TAGS = new Set(['TD', 'TH']);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

interface Block {
  text: string;
  /** Consecutive blocks of the same group are joined by one newline, others by a blank line. */
  group: Node | null;
}

function isHidden(element: Element): boolean {
  if (element.hasAttribute('hidden')) return true;
  const style = element.getAttribute('style');
  return style !== null && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

class TextCollector {
  readonly blocks: Block[] = [];
  private buffer = '';
  /** The outermost list or table being walked. */
  private group: Node | null = null;

  flush(): void {
    const group = this.group;
    const lines = this.buffer
      .split('\n')
      .map((line) =>
        line
          .replace(/ *\t */g, '\t')
          .replace(/ {2,}/g, ' ')
          .replace(/^[ \t]+|[ \t]+$/g, ''),
      )
      .filter((line) => line !== '');
    this.buffer = '';
    if (lines.length > 0) this.blocks.push({ text: lines.join('\n'), group });
  }

  walk(node: Node): void {
    if (node.nodeType === TEXT_NODE) {
      // Source whitespace (including no-break spaces) collapses, as a browser renders it.
      this.buffer += (node.nodeValue ?? '').replace(/\s+/g, ' ');
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const element = node as Element;
    const tag = element.tagName.toUpperCase();
    if (SKIPPED_TAGS.has(tag) || isHidden(element)) return;
    if (tag === 'BR') {
      this.buffer += '\n';
    } else if (tag === 'PRE') {
      this.flush();
      const text = (element.textContent ?? '').replace(/^\n+|\s+$/g, '');
      if (text.trim() !== '') this.blocks.push({ text, group: this.group });
    } else if (LINE_TAGS.has(tag)) {
      this.flush();
      const outer = this.group;
      // Header and body rows of a table, or the items of nested lists, are one run of lines.
      this.group = outer ?? listOrTableOf(element) ?? element.parentNode;
      this.walkChildren(element);
      this.flush();
      this.group = outer;
    } else if (CELL_TAGS.has(tag)) {
      if (element.previousElementSibling) this.buffer += '\t';
      this.walkChildren(element);
    } else if (BLOCK_TAGS.has(tag)) {
      this.flush();
      this.walkChildren(element);
      this.flush();
    } else {
      this.walkChildren(element);
    }
  }

  private walkChildren(element: Element): void {
    for (let child = element.firstChild; child; child = child.nextSibling) this.walk(child);
  }
}

const GROUP_TAGS = new Set(['TABLE', 'UL', 'OL', 'DL', 'MENU', 'SELECT']);

/** closest('table, ul, ol, dl, menu, select'), without linkedom compiling that selector again for every line. */
function listOrTableOf(element: Element): Element | null {
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (GROUP_TAGS.has(node.tagName.toUpperCase())) return node;
  }
  return null;
}

/** The text blocks (paragraphs, headings, list items, table rows) of a node, in reading order. */
function textBlocks(root: Node): Block[] {
  const collector = new TextCollector();
  collector.walk(root);
  collector.flush();
  return collector.blocks;
}

/** Readable plain text: paragraphs separated by a blank line, list items and table rows by a newline. */
export function toPlainText(root: Node): string {
  let text = '';
  let previous: Block | null = null;
  for (const block of textBlocks(root)) {
    if (previous) text += previous.group !== null && previous.group === block.group ? '\n' : '\n\n';
    text += block.text;
    previous = block;
  }
  return text;
}

/** All of a node's text on one line, whitespace collapsed. */
export function toFlatText(root: Node): string {
  return textBlocks(root)
    .map((block) => block.text)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}
