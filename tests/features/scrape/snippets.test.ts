import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { scrapeRequestSchema, type ScrapeRequest } from '../../../contract/scrape';
import {
  curlSnippet,
  nodeSnippet,
  pythonLiteral,
  pythonSnippet,
  requestJson,
  shellQuote,
} from '../../../src/features/scrape/snippets';
import { DEMO_KEY } from '../../support/demo-keys';

const BASE = 'https://api.example.test/api/v1';
const KEY = DEMO_KEY.growth;
const request: ScrapeRequest = {
  url: "https://example.com/it's?a=1&b=$HOME",
  mode: 'js',
  formats: ['html', 'markdown'],
  sync: false,
  max_credits: 7.5,
  cache: true,
  force_refresh: false,
  // Quotes, backslashes and $ where each field may hold them: a cookie value cannot hold " or \ (RFC 6265).
  cookies: { sid: "a'b$c" },
  wait_for: '#main > p[title="a\\b"]',
};
const json = JSON.stringify(request, null, 2);

const shellEcho = (quoted: string) => execFileSync('sh', ['-c', `printf '%s' ${quoted}`], { encoding: 'utf8' });

describe('snippets', () => {
  it('pretty-prints the exact request body with two spaces', () => {
    expect(scrapeRequestSchema.safeParse(request).success).toBe(true);
    expect(requestJson(request)).toBe(json);
    expect(json).toContain('\n  "url": ');
  });

  it('curl: the URL and the body single-quoted so the shell passes them through unchanged', () => {
    const snippet = curlSnippet(`${BASE}/`, request);
    expect(snippet).toContain(`curl -X POST '${BASE}/scrape'`);
    expect(snippet).toContain('-H "X-API-Key: $ALTERLAB_API_KEY"');
    expect(snippet).toContain(`--data-raw ${shellQuote(json)}`);
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellEcho(shellQuote(json))).toBe(json);
    expect(shellEcho(shellQuote("a'b$HOME`x`\\"))).toBe("a'b$HOME`x`\\");
  });

  it('Python: the same body as a Python literal, the key from os.environ', () => {
    const snippet = pythonSnippet(BASE, request);
    expect(snippet).toContain('import os');
    expect(snippet).toContain(`"${BASE}/scrape"`);
    expect(snippet).toContain('headers={"X-API-Key": os.environ["ALTERLAB_API_KEY"]}');
    expect(snippet).toContain('json=payload');
    expect(snippet).toContain('"sync": False');
    expect(snippet).toContain('"cache": True');
    const literal = pythonLiteral(request);
    expect(literal.replaceAll('True', 'true').replaceAll('False', 'false')).toBe(json);
    expect(pythonLiteral({ a: null, b: [], c: {} })).toBe('{\n  "a": None,\n  "b": [],\n  "c": {}\n}');
  });

  it('Node: the same JSON, the key from process.env', () => {
    const snippet = nodeSnippet(BASE, request);
    expect(snippet).toContain(`const payload = ${json};`);
    expect(snippet).toContain(`await fetch("${BASE}/scrape"`);
    expect(snippet).toContain("'X-API-Key': process.env.ALTERLAB_API_KEY");
    expect(snippet).toContain('body: JSON.stringify(payload)');
  });

  it('never holds a key, whatever the request', () => {
    for (const snippet of [curlSnippet, pythonSnippet, nodeSnippet].map((make) => make(BASE, request))) {
      expect(snippet).not.toMatch(/sk_(live|test)_/);
      expect(snippet).not.toContain(KEY);
    }
  });
});
