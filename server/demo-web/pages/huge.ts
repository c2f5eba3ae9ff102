import { Readable } from 'node:stream';
import { type DemoPage, HTML } from '../demo-page';

/** 11 MB: just over the scraper's 10 MB cut-off. */
const HUGE_PAGE_BYTES = 11 * 1024 * 1024;
const CHUNK_BYTES = 64 * 1024;

const HEAD = Buffer.from(
  '<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>A huge page</title></head>\n<body>\n<h1>A huge page</h1>\n',
);
const TAIL = Buffer.from('</body>\n</html>\n');
// One 64 KB block of 64-byte lines, reused for every chunk: the page is generated, never held whole.
const LINE = `${'<p>Filler text that makes this page eleven megabytes long.</p>'.padEnd(63)}\n`;
const BLOCK = Buffer.alloc(CHUNK_BYTES, LINE);

function hugePageStream(): Readable {
  let fillerLeft = HUGE_PAGE_BYTES - HEAD.length - TAIL.length;
  let stage: 'head' | 'filler' | 'done' = 'head';
  return new Readable({
    read() {
      if (stage === 'head') {
        stage = 'filler';
        this.push(HEAD);
      } else if (stage === 'filler' && fillerLeft > 0) {
        const size = Math.min(CHUNK_BYTES, fillerLeft);
        fillerLeft -= size;
        // The last filler chunk may cut a line short; pad it with spaces so the markup stays whole.
        this.push(size === CHUNK_BYTES ? BLOCK : Buffer.alloc(size, ' '));
      } else if (stage === 'filler') {
        stage = 'done';
        this.push(TAIL);
      } else {
        this.push(null);
      }
    },
  });
}

export const huge: DemoPage = {
  path: '/huge',
  description: 'An 11 MB HTML page streamed in 64 KB chunks: CONTENT_TOO_LARGE.',
  register: (app) => {
    app.get('/huge', async (_request, reply) =>
      // Fastify destroys the stream when the client goes away, which stops the generation.
      reply.type(HTML).header('content-length', HUGE_PAGE_BYTES).send(hugePageStream()),
    );
  },
};
