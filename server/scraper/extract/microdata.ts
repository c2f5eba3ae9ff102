/** One item in the WHATWG microdata JSON shape: { type, id?, properties: { name: [values] } }. */
export interface MicrodataItem {
  type: string[];
  id?: string;
  properties: Record<string, MicrodataValue[]>;
}
export type MicrodataValue = string | MicrodataItem;

const URL_ATTRIBUTE: Record<string, string> = {
  A: 'href',
  AREA: 'href',
  LINK: 'href',
  AUDIO: 'src',
  EMBED: 'src',
  IFRAME: 'src',
  IMG: 'src',
  SOURCE: 'src',
  TRACK: 'src',
  VIDEO: 'src',
  OBJECT: 'data',
};

function absolute(value: string, base: string): string {
  try {
    return new URL(value, base).href;
  } catch {
    return value;
  }
}

function propertyValue(element: Element, base: string, seen: Set<Element>): MicrodataValue {
  if (element.hasAttribute('itemscope')) return readItem(element, base, seen);
  const tag = element.tagName.toUpperCase();
  const content = element.getAttribute('content');
  if (content !== null) return content.trim();
  const urlAttribute = URL_ATTRIBUTE[tag];
  if (urlAttribute) {
    const url = element.getAttribute(urlAttribute);
    if (url !== null) return absolute(url.trim(), base);
  }
  if (tag === 'TIME' && element.hasAttribute('datetime')) return (element.getAttribute('datetime') ?? '').trim();
  if ((tag === 'DATA' || tag === 'METER') && element.hasAttribute('value')) {
    return (element.getAttribute('value') ?? '').trim();
  }
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

type Properties = MicrodataItem['properties'];

/** An element's own property (if any), then, unless it starts an item of its own, its descendants'. */
function collectFrom(element: Element, base: string, seen: Set<Element>, into: Properties): void {
  const names = element.getAttribute('itemprop');
  if (names !== null) {
    const value = propertyValue(element, base, seen);
    for (const name of names.split(/\s+/).filter(Boolean)) (into[name] ??= []).push(value);
  }
  if (!element.hasAttribute('itemscope')) collectChildren(element, base, seen, into);
}

function collectChildren(root: Element, base: string, seen: Set<Element>, into: Properties): void {
  for (const child of root.children) collectFrom(child, base, seen, into);
}

function readItem(element: Element, base: string, seen: Set<Element>): MicrodataItem {
  const item: MicrodataItem = {
    type: (element.getAttribute('itemtype') ?? '').split(/\s+/).filter(Boolean),
    properties: {},
  };
  const id = element.getAttribute('itemid');
  if (id !== null) item.id = absolute(id.trim(), base);
  // An item that (through itemref) contains itself would recurse forever.
  if (seen.has(element)) return item;
  seen.add(element);
  collectChildren(element, base, seen, item.properties);
  for (const ref of (element.getAttribute('itemref') ?? '').split(/\s+/).filter(Boolean)) {
    const referenced = element.ownerDocument.getElementById(ref);
    if (referenced) collectFrom(referenced, base, seen, item.properties);
  }
  seen.delete(element);
  return item;
}

/** The page's top-level microdata items (an itemscope that is not itself some item's property). */
export function extractMicrodata(document: Document, base: string): MicrodataItem[] {
  return [...document.querySelectorAll('[itemscope]')]
    .filter((element) => !element.hasAttribute('itemprop'))
    .map((element) => readItem(element, base, new Set()));
}
