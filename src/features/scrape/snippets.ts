import type { ScrapeRequest } from '../../../contract/scrape';
import { SCRAPE_DEFAULTS } from '../../../contract/scrape-defaults';

/**
 * Copy-paste code for the request the form builds. The key is always read from the environment: a snippet is
 * shared, pasted into tickets and committed, so it must never carry the key itself.
 */
const KEY_PLACEHOLDER = {
  curl: '$ALTERLAB_API_KEY',
  python: 'os.environ["ALTERLAB_API_KEY"]',
  node: 'process.env.ALTERLAB_API_KEY',
} as const;

/** The request body exactly as sent, pretty-printed. */
export const requestJson = (request: ScrapeRequest) => JSON.stringify(request, null, 2);

const endpoint = (base: string) => `${base.replace(/\/+$/, '')}/scrape`;

/** POSIX shell single quotes: nothing inside is expanded; a quote closes, is escaped, and reopens. */
export const shellQuote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

export function curlSnippet(base: string, request: ScrapeRequest): string {
  return [
    `curl -X POST ${shellQuote(endpoint(base))} \\`,
    // Double quotes so the shell expands the variable.
    `  -H "X-API-Key: ${KEY_PLACEHOLDER.curl}" \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  --data-raw ${shellQuote(requestJson(request))}`,
  ].join('\n');
}

export function pythonSnippet(base: string, request: ScrapeRequest): string {
  // requests has no default timeout; a synchronous scrape may take the API's whole timeout.
  const clientTimeout = (typeof request.timeout === 'number' ? request.timeout : SCRAPE_DEFAULTS.timeout) + 30;
  return [
    'import os',
    '',
    'import requests',
    '',
    `payload = ${pythonLiteral(request)}`,
    '',
    'response = requests.post(',
    `    ${JSON.stringify(endpoint(base))},`,
    `    headers={"X-API-Key": ${KEY_PLACEHOLDER.python}},`,
    '    json=payload,',
    `    timeout=${clientTimeout},`,
    ')',
    'print(response.status_code, response.json())',
  ].join('\n');
}

export function nodeSnippet(base: string, request: ScrapeRequest): string {
  return [
    '// Node 18 or later, in an ES module (for the top-level await).',
    `const payload = ${requestJson(request)};`,
    '',
    `const response = await fetch(${JSON.stringify(endpoint(base))}, {`,
    "  method: 'POST',",
    `  headers: { 'X-API-Key': ${KEY_PLACEHOLDER.node}, 'Content-Type': 'application/json' },`,
    '  body: JSON.stringify(payload),',
    '});',
    'console.log(response.status, await response.json());',
  ].join('\n');
}

/**
 * The JSON of `requestJson`, laid out the same, as a Python literal: JSON's strings are valid Python strings,
 * only true, false and null are spelled differently.
 */
export function pythonLiteral(value: unknown, indent = ''): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number' || typeof value === 'string') return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => `${inner}${pythonLiteral(item, inner)}`).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
  if (entries.length === 0) return '{}';
  const lines = entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${pythonLiteral(item, inner)}`);
  return `{\n${lines.join(',\n')}\n${indent}}`;
}
