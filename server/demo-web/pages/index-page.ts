import { type DemoPage, HTML, escapeHtml, htmlDocument } from '../demo-page';

/** The home page: a link and one line per target page, for humans exploring the demo web. */
export const indexPage = (pages: readonly DemoPage[]): DemoPage => ({
  path: '/',
  description: 'This list.',
  register: (app) => {
    const items = pages
      .map(
        (page) =>
          `  <li><a href="${escapeHtml(page.path)}">${escapeHtml(page.path)}</a>: ${escapeHtml(page.description)}</li>`,
      )
      .join('\n');
    const body = `<main>
<h1>Demo web</h1>
<p>Target pages whose scrape outcome is known. The sandbox fetches them for real, through its tiers.</p>
<ul>
${items}
  <li><a href="http://unreachable.invalid/">http://unreachable.invalid/</a>: no such host: NETWORK_ERROR.</li>
</ul>
</main>`;
    const page = htmlDocument({ title: 'Demo web', body });
    app.get('/', async (_request, reply) => reply.type(HTML).send(page));
  },
});
