import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScrapeFailure } from '../../../../server/scraper/scrape-failure';
import { createTargetGuard } from '../../../../server/scraper/target-guard';
import { fetchTier } from '../../../../server/scraper/tiers/fetch-tier';

const PAGE = '<!doctype html><html><body><h1>Compressed</h1><p>Read as the target wrote it.</p></body></html>';
const ENCODERS: Record<string, (page: string) => Buffer> = {
  gzip: (page) => gzipSync(page),
  br: (page) => brotliCompressSync(page),
  deflate: (page) => deflateSync(page),
};

let server: Server;
let origin = '';
const seen: IncomingHttpHeaders[] = [];

beforeAll(async () => {
  // /gzip, /br, /deflate: the page in that encoding (/403-gzip: as a refusal); /bomb: 11 MB of zeros in 11 kB of
  // gzip; anything else: a redirect to /gzip.
  server = createServer((request, response) => {
    seen.push(request.headers);
    if (request.url === '/bomb') {
      return void response.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(11 * 1024 * 1024)));
    }
    const [, status, encoding] = /^\/(?:(\d{3})-)?(\w+)$/.exec(request.url ?? '') ?? [];
    const encode = encoding ? ENCODERS[encoding] : undefined;
    if (!encode) return void response.writeHead(302, { location: '/gzip' }).end();
    const body = encode(PAGE);
    response.writeHead(Number(status ?? 200), {
      'content-type': 'text/html; charset=utf-8',
      'content-encoding': encoding!,
      'content-length': body.length,
    });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

// The test server stands where the demo web does: the guard lets exactly that host and port through.
const fetchPage = (path: string, headers?: Record<string, string>) =>
  fetchTier(
    '1',
    { url: `${origin}${path}`, deadline: Date.now() + 5_000, cookies: {}, ...(headers ? { headers } : {}) },
    createTargetGuard({ allowPrivate: false, demoWebUrl: origin }),
  );

describe('tiers 1 and 2 over HTTP', () => {
  it.each(['gzip', 'br', 'deflate'])('read a page the target sent %s-compressed as its text', async (encoding) => {
    const page = await fetchPage(`/${encoding}`);
    expect({ status: page.status, type: page.contentType, text: page.body.toString('utf8') }).toEqual({
      status: 200,
      type: 'text/html',
      text: PAGE,
    });
  });

  it('read a compressed refusal as text too: a wall is classified by what it says', async () => {
    const page = await fetchPage('/403-gzip');
    expect({ status: page.status, text: page.body.toString('utf8') }).toEqual({ status: 403, text: PAGE });
  });

  it('send tier 1’s headers and ask for compression unless the request names its own encoding, across a redirect', async () => {
    seen.length = 0;
    const page = await fetchPage('/elsewhere');
    expect({ final: page.finalUrl, text: page.body.toString('utf8') }).toEqual({ final: `${origin}/gzip`, text: PAGE });
    expect(seen.map((headers) => headers['accept-encoding'])).toEqual(['gzip, deflate', 'gzip, deflate']);
    expect(seen.map((headers) => [headers['user-agent'], headers.accept])).toEqual([
      ['AlterLab-Sandbox/1.0', '*/*'],
      ['AlterLab-Sandbox/1.0', '*/*'],
    ]);

    seen.length = 0;
    await fetchPage('/gzip', { 'accept-encoding': 'gzip' });
    expect(seen[0]!['accept-encoding']).toBe('gzip');
  });

  it('stop a body that unpacks past 10 MB as CONTENT_TOO_LARGE, however small it came', async () => {
    await expect(fetchPage('/bomb')).rejects.toMatchObject({ code: 'CONTENT_TOO_LARGE' });
  });

  it('fail a closed port as NETWORK_ERROR, naming the refusal', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/`;
    await new Promise((resolve) => closed.close(resolve));
    const failure = await fetchTier(
      '1',
      { url, deadline: Date.now() + 5_000, cookies: {} },
      createTargetGuard({ allowPrivate: false, demoWebUrl: url }),
    ).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ScrapeFailure);
    expect(failure).toMatchObject({ code: 'NETWORK_ERROR', message: 'Could not connect to the target (ECONNREFUSED)' });
  });
});
