import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../server/app';
import { testConfig } from '../../../server/config';
import { buildDemoWeb } from '../../../server/demo-web/app';

// A fake build the way Vite and the precompress step lay it out, so the test needs no real build.
const INDEX =
  '<!doctype html><title>Scrape Dashboard</title><script type="module" src="/assets/index-abc123.js"></script>';
const SCRIPT = `console.log(${JSON.stringify('dashboard '.repeat(200))});`;

let dir: string;
let app: FastifyInstance;
let demoWeb: FastifyInstance;
let base: string;

function writeWithTwins(file: string, text: string) {
  writeFileSync(file, text);
  writeFileSync(`${file}.br`, brotliCompressSync(text));
  writeFileSync(`${file}.gz`, gzipSync(text));
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'static-dashboard-'));
  const dist = path.join(dir, 'dist');
  mkdirSync(path.join(dist, 'assets'), { recursive: true });
  writeWithTwins(path.join(dist, 'index.html'), INDEX);
  writeWithTwins(path.join(dist, 'assets', 'index-abc123.js'), SCRIPT);
  demoWeb = await buildDemoWeb();
  const demoWebUrl = await demoWeb.listen({ host: '127.0.0.1', port: 0 });
  app = await buildApp(testConfig({ dataDir: path.join(dir, 'data') }), { demoWebUrl, distDir: dist });
  base = await app.listen({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await Promise.all([app.close(), demoWeb.close()]);
  rmSync(dir, { recursive: true, force: true });
});

describe('the built dashboard', () => {
  it('sends a hashed asset brotli-compressed, cacheable for a year, to a browser that accepts br', async () => {
    const response = await fetch(`${base}/assets/index-abc123.js`, { headers: { 'Accept-Encoding': 'br, gzip' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(await response.text()).toBe(SCRIPT);
  });

  it('sends gzip to a browser that accepts only gzip, and the plain file to one that accepts neither', async () => {
    const gzip = await fetch(`${base}/assets/index-abc123.js`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(await gzip.text()).toBe(SCRIPT);
    const plain = await fetch(`${base}/assets/index-abc123.js`, { headers: { 'Accept-Encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(SCRIPT);
  });

  it('makes the browser revalidate index.html, at / and at a deep link', async () => {
    for (const url of ['/', '/errors/TIMEOUT']) {
      const response = await fetch(`${base}${url}`, { headers: { 'Accept-Encoding': 'br' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-encoding')).toBe('br');
      expect(response.headers.get('content-type')).toMatch(/text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toBe(INDEX);
    }
  });

  it('still answers an unknown API path with the error envelope, not the page', async () => {
    const response = await fetch(`${base}/api/v1/no-such-thing`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/json/);
  });
});
