import { type DemoPage, HTML } from '../demo-page';

const JSON_LD = {
  '@context': 'https://schema.org',
  '@type': 'Article',
  headline: 'How the sandbox scrapes',
  author: { '@type': 'Person', name: 'Ada Lovelace' },
  datePublished: '2026-11-01',
};

/** A plain HTML article with a title, links, a table and JSON-LD: scraped at tier 1. */
const articlePage = () => `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>How the sandbox scrapes</title>
  <script type="application/ld+json">${JSON.stringify(JSON_LD)}</script>
</head>
<body>
  <article>
    <h1>How the sandbox scrapes</h1>
    <p>The sandbox fetches this page through its real tiers. A plain HTTP client is enough here.</p>
    <p>Read the <a href="/headers-check">headers check</a> or the <a href="/js-rendered">script-rendered page</a>.</p>
    <table>
      <caption>Credits per tier</caption>
      <thead><tr><th>Tier</th><th>Credits</th></tr></thead>
      <tbody><tr><td>1</td><td>1</td></tr><tr><td>2</td><td>2</td></tr><tr><td>3</td><td>5</td></tr><tr><td>4</td><td>20</td></tr></tbody>
    </table>
  </article>
</body>
</html>`;

export const article: DemoPage = {
  path: '/article',
  description: 'A plain HTML article with links, a table and JSON-LD: scraped at tier 1.',
  register: (app) => {
    app.get('/article', async (_request, reply) => reply.type(HTML).send(articlePage()));
  },
};
