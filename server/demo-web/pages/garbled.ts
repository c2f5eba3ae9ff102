import type { DemoPage } from '../demo-page';

const NOISE_BYTES = 32 * 1024;

/** mulberry32: a tiny seeded PRNG, so the noise is the same on every run and in every test. */
function noise(seed: number, length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed >>> 0;
  for (let index = 0; index < length; index++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    bytes[index] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  return bytes;
}

export const garbled: DemoPage = {
  path: '/garbled',
  description: 'Claims to be UTF-8 HTML but is 32 KB of binary noise: EXTRACTION_FAILED.',
  register: (app) => {
    const body = noise(0x5eed, NOISE_BYTES);
    app.get('/garbled', async (_request, reply) => reply.type('text/html; charset=utf-8').send(body));
  },
};
