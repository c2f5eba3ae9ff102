import { type DemoPage, HTML, articleBody, htmlDocument, readCookies } from '../demo-page';

const PASS_COOKIE = 'demo_challenge';

// Modelled on Cloudflare's "Just a moment..." interstitial: a browser that runs the script passes.
const INTERSTITIAL = htmlDocument({
  title: 'Just a moment...',
  body: `<div class="challenge">
  <h1>Checking your browser before accessing the site</h1>
  <p>This process is automatic. Your browser will redirect to your requested content shortly.</p>
  <noscript><p>Enable JavaScript and cookies to continue</p></noscript>
</div>
<script>
  setTimeout(function () {
    document.cookie = '${PASS_COOKIE}=passed; path=/';
    location.reload();
  }, 300);
</script>`,
});

export const challenge: DemoPage = {
  path: '/challenge',
  description: 'A "Just a moment..." interstitial (403) that sets a cookie by script and reloads: tier 3 passes.',
  register: (app) => {
    app.get('/challenge', async (request, reply) => {
      if (readCookies(request.headers.cookie).get(PASS_COOKIE) !== 'passed') {
        return reply.code(403).type(HTML).send(INTERSTITIAL);
      }
      return reply.type(HTML).send(
        htmlDocument({
          title: 'Challenge passed',
          body: articleBody('Challenge passed', [
            'Your browser ran the interstitial script, stored its cookie and reloaded the page.',
            'A client that does not run JavaScript stays on the "Just a moment..." page.',
          ]),
        }),
      );
    });
  },
};
