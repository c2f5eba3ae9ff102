import { type DemoPage, HTML, htmlDocument } from '../demo-page';

// The content exists only once this script has run: a client without JS sees an empty shell.
const RENDER_SCRIPT = `<script>
  (function () {
    var app = document.getElementById('app');
    var items = ['Tier 1 fetches the shell', 'Tier 3 runs this script', 'The classifier asks for JS'];
    app.innerHTML = '<h1>Rendered by script</h1>' +
      '<p>This content was written into the page by JavaScript after it loaded.</p>' +
      '<p>A plain HTTP client only sees an empty application shell.</p>' +
      '<ul>' + items.map(function (item) { return '<li>' + item + '</li>'; }).join('') + '</ul>';
    document.title = 'Rendered by script';
  })();
</script>`;

export const jsRendered: DemoPage = {
  path: '/js-rendered',
  description: 'An empty shell whose content a script writes: needs tier 3 (headless Chromium).',
  register: (app) => {
    app.get('/js-rendered', async (_request, reply) =>
      reply.type(HTML).send(htmlDocument({ title: 'Loading', body: `<div id="app"></div>\n${RENDER_SCRIPT}` })),
    );
  },
};
