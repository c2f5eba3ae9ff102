import type { IncomingHttpHeaders } from 'node:http';
import { type DemoPage, HTML, articleBody, htmlDocument } from '../demo-page';

/** Like a bot filter at a CDN edge: only the headers every real browser sends get through. */
const looksLikeBrowser = (headers: IncomingHttpHeaders) =>
  (headers['user-agent'] ?? '').includes('Mozilla/5.0') &&
  Boolean(headers['accept-language']) &&
  Boolean(headers['sec-ch-ua']);

export const headersCheck: DemoPage = {
  path: '/headers-check',
  description: 'Answers 403 unless the request carries browser headers (UA, Accept-Language, sec-ch-ua): tier 2.',
  register: (app) => {
    app.get('/headers-check', async (request, reply) => {
      if (!looksLikeBrowser(request.headers)) {
        return reply
          .code(403)
          .type(HTML)
          .send(
            htmlDocument({
              title: 'Access denied',
              body: '<h1>Access denied: automated client detected</h1>\n<p>Request blocked by the edge filter.</p>',
            }),
          );
      }
      return reply.type(HTML).send(
        htmlDocument({
          title: 'Browser headers accepted',
          body: articleBody('Browser headers accepted', [
            'This page only answers clients that send the headers of a real browser.',
            'A plain HTTP client is refused with 403; the same client with browser-like headers gets this article.',
          ]),
        }),
      );
    });
  },
};
