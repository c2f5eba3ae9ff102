type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Sites wrap the JSON in comments or CDATA for ancient browsers; JSON.parse does not forgive that. */
function unwrap(source: string): string {
  return source
    .trim()
    .replace(/^<!--|-->$/g, '')
    .replace(/^\s*(?:\/\/\s*)?<!\[CDATA\[|(?:\/\/\s*)?\]\]>\s*$/g, '')
    .trim();
}

/** Top-level arrays and @graph containers are flattened; the container's @context is kept on each node. */
function flatten(value: unknown, context: unknown, into: JsonObject[]): void {
  if (Array.isArray(value)) {
    for (const item of value) flatten(item, context, into);
    return;
  }
  if (!isObject(value)) return;
  const ownContext = value['@context'] ?? context;
  const graph = value['@graph'];
  if (graph !== undefined) {
    flatten(graph, ownContext, into);
    return;
  }
  into.push(ownContext !== undefined && value['@context'] === undefined ? { '@context': ownContext, ...value } : value);
}

/** Every JSON-LD node of the page; a block that does not parse is skipped, not fatal. */
export function extractJsonLd(document: Document): JsonObject[] {
  const nodes: JsonObject[] = [];
  for (const script of document.querySelectorAll('script[type]')) {
    const type = (script.getAttribute('type') ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/ld+json') continue;
    try {
      flatten(JSON.parse(unwrap(script.textContent ?? '')), undefined, nodes);
    } catch {
      // Malformed blocks are common in the wild; the rest of the page's data is still worth returning.
    }
  }
  return nodes;
}
