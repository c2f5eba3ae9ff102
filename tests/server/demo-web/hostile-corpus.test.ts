import type { FastifyInstance } from 'fastify';
import { buildDemoWeb } from '../../../server/demo-web/app';

let demoWeb: FastifyInstance;
let base: string;

beforeAll(async () => {
  demoWeb = await buildDemoWeb();
  base = await demoWeb.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(() => demoWeb.close());

const links = async () => {
  const html = await (await fetch(`${base}/hostile/corpus`)).text();
  return [...html.matchAll(/href="(\/hostile\/corpus\/\d+)"/g)].map((match) => match[1]);
};

describe('the hostile corpus', () => {
  it('lists at least 50 payloads, linked from the index', async () => {
    expect((await links()).length).toBeGreaterThanOrEqual(50);
    expect(await (await fetch(base)).text()).toContain('href="/hostile/corpus"');
  });

  it('serves each payload as a page with its marker and beacons on its own origin', async () => {
    const origin = base.replace('localhost', '127.0.0.1');
    for (const [position, link] of (await links()).entries()) {
      const response = await fetch(`${origin}${link}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const html = await response.text();
      expect(html).toContain(`Corpus payload ${position + 1}:`);
      // A payload with no beacon and no script of its own would prove nothing.
      expect(html, link).toMatch(/beacon\?via=|onerror|onload|<script|data:text\/html|set-cookie/);
    }
  });

  it('points the private-address payloads at the other name of this machine', async () => {
    const all = await Promise.all(
      (await links()).map(async (link) => (await fetch(`${base.replace('localhost', '127.0.0.1')}${link}`)).text()),
    );
    const privateHits = all.filter((html) => /http:\/\/localhost:\d+\/beacon\?via=p\d+/.test(html));
    expect(privateHits.length).toBeGreaterThanOrEqual(2);
  });

  it('answers 404 past either end of the list', async () => {
    const count = (await links()).length;
    for (const n of ['0', String(count + 1), 'x'])
      expect((await fetch(`${base}/hostile/corpus/${n}`)).status).toBe(404);
  });
});
