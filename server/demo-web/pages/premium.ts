import { type DemoPage, HTML, htmlDocument } from '../demo-page';

// Google's structured data for paywalled content: the article is not free and .paywall marks the gated part.
const JSON_LD = {
  '@context': 'https://schema.org',
  '@type': 'NewsArticle',
  headline: 'The premium analysis',
  isAccessibleForFree: false,
  hasPart: { '@type': 'WebPageElement', isAccessibleForFree: false, cssSelector: '.paywall' },
};

const PAGE = htmlDocument({
  title: 'The premium analysis',
  head: `  <script type="application/ld+json">${JSON.stringify(JSON_LD)}</script>`,
  body: `<main>
  <article>
    <h1>The premium analysis</h1>
    <p class="teaser">Markets moved sharply this quarter, and the reasons are not the ones most people expect.</p>
    <div class="paywall">Subscribe to continue reading</div>
  </article>
</main>`,
});

export const premium: DemoPage = {
  path: '/premium',
  description: 'A teaser and a paywall, with Google\'s "isAccessibleForFree": false markup: PAYWALL_DETECTED.',
  register: (app) => {
    app.get('/premium', async (_request, reply) => reply.type(HTML).send(PAGE));
  },
};
