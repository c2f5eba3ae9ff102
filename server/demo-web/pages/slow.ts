import { type DemoPage, HTML, articleBody, htmlDocument } from '../demo-page';

const MAX_DELAY_MS = 300_000;
const DEFAULT_DELAY_MS = 1_000;

/** The delay asked for, clamped to 0–300,000 ms; null when `ms` is not a whole number. */
function parseDelay(raw: unknown): number | null {
  if (raw === undefined) return DEFAULT_DELAY_MS;
  if (typeof raw !== 'string' || !/^-?\d{1,9}$/.test(raw)) return null;
  return Math.min(Math.max(Number(raw), 0), MAX_DELAY_MS);
}

export const slow: DemoPage = {
  path: '/slow?ms=3000',
  description: 'Answers an article after ms milliseconds (0–300000): a short scrape timeout gives TIMEOUT.',
  register: (app) => {
    app.get<{ Querystring: { ms?: unknown } }>('/slow', (request, reply) => {
      const delay = parseDelay(request.query.ms);
      if (delay === null) {
        void reply.code(400).type('text/plain; charset=utf-8').send('ms must be a whole number of milliseconds');
        return;
      }
      const timer = setTimeout(() => {
        void reply.type(HTML).send(
          htmlDocument({
            title: 'A slow page',
            body: articleBody('A slow page', [`This page waited ${delay} ms before answering.`]),
          }),
        );
      }, delay);
      // A client that gave up should not leave a timer behind (a scraper times out long before 300 s).
      reply.raw.on('close', () => clearTimeout(timer));
    });
  },
};
