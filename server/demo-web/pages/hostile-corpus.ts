import { type DemoPage, HTML, escapeHtml, htmlDocument } from '../demo-page';
import { ownOrigin } from './hostile';

/** What a payload is built from: where its beacons go and the script it tries to run. */
interface Tools {
  /** A beacon on the demo web's own origin: counted at /beacon/count under `via`. */
  beacon: string;
  /**
   * The same beacon under another name for this machine (localhost vs 127.0.0.1). A browser scraping this page
   * may fetch the page's own origin, never another local address: a hit here is a private address reached.
   */
  privateBeacon: string;
  /** A script that shows itself every way it can: a dialog, a console line and a beacon. */
  js: string;
}

interface Payload {
  kind: string;
  head?: (tools: Tools) => string;
  body: (tools: Tools) => string;
  /** Raw markup for inside <title>, where a careless consumer would parse it. */
  title?: (tools: Tools) => string;
}

const srcdoc = (html: string) => escapeHtml(html);

/**
 * Script-injection and exfiltration attempts, one per page. Each either runs a script or makes a request if
 * whatever shows it is unsafe; shown safely, /beacon/count stays at zero and no dialog opens.
 */
const PAYLOADS: readonly Payload[] = [
  { kind: 'img onerror', body: (t) => `<img src="x" onerror="${t.js}" alt="">` },
  { kind: 'svg onload', body: (t) => `<svg onload="${t.js}"></svg>` },
  { kind: 'details ontoggle', body: (t) => `<details open ontoggle="${t.js}"><summary>s</summary></details>` },
  { kind: 'autofocus onfocus', body: (t) => `<input autofocus onfocus="${t.js}" aria-label="x">` },
  { kind: 'source onerror', body: (t) => `<video><source src="x" onerror="${t.js}"></video>` },
  { kind: 'uppercase tags', body: (t) => `<IMG SRC="x" ONERROR="${t.js}" ALT="">` },
  { kind: 'inline script', body: (t) => `<script>${t.js}</script>` },
  { kind: 'script src', body: (t) => `<script src="${t.beacon}"></script>` },
  { kind: 'module script import', body: (t) => `<script type="module">import('${t.beacon}');</script>` },
  { kind: 'sendBeacon', body: (t) => `<script>navigator.sendBeacon('${t.beacon}', document.cookie);</script>` },
  { kind: 'EventSource', body: (t) => `<script>new EventSource('${t.beacon}');</script>` },
  {
    kind: 'iframe srcdoc script',
    body: (t) => `<iframe title="x" srcdoc="${srcdoc(`<script>${t.js}</script>`)}"></iframe>`,
  },
  {
    kind: 'iframe srcdoc image',
    body: (t) => `<iframe title="x" srcdoc="${srcdoc(`<img src="${t.beacon}">`)}"></iframe>`,
  },
  { kind: 'iframe src', body: (t) => `<iframe title="x" src="${t.beacon}"></iframe>` },
  { kind: 'iframe javascript: src', body: (t) => `<iframe title="x" src="javascript:${t.js}"></iframe>` },
  {
    kind: 'iframe data: URL',
    body: (t) => `<iframe title="x" src="data:text/html,${encodeURIComponent(`<script>${t.js}</script>`)}"></iframe>`,
  },
  { kind: 'meta refresh', head: (t) => `<meta http-equiv="refresh" content="0;url=${t.beacon}">`, body: () => '' },
  {
    kind: 'meta refresh javascript:',
    head: (t) => `<meta http-equiv="refresh" content="0;url=javascript:${t.js}">`,
    body: () => '',
  },
  { kind: 'meta set-cookie', head: () => `<meta http-equiv="set-cookie" content="pwned=1">`, body: () => '' },
  {
    kind: 'base href relative image',
    head: (t) => `<base href="${t.beacon.replace(/beacon\?.*$/, '')}">`,
    body: (t) => `<img src="${t.beacon.replace(/^.*\/(beacon\?)/, '$1')}" alt="">`,
  },
  {
    kind: 'base javascript:',
    head: (t) => `<base href="javascript:${t.js}//">`,
    body: () => `<a id="go" href="x">relative link</a><script>document.getElementById('go').click();</script>`,
  },
  {
    kind: 'form autosubmit',
    body: (t) =>
      `<form id="f" method="post" action="${t.beacon}"><input type="hidden" name="stolen" value="x"></form><script>document.getElementById('f').submit();</script>`,
  },
  {
    kind: 'form javascript: formaction',
    body: (t) => `<form><button id="b" formaction="javascript:${t.js}">go</button></form><script>b.click();</script>`,
  },
  { kind: 'input type image', body: (t) => `<form><input type="image" src="${t.beacon}" alt="x"></form>` },
  { kind: 'css background url()', body: (t) => `<style>body { background: url('${t.beacon}'); }</style>` },
  { kind: 'css @import', body: (t) => `<style>@import url('${t.beacon}');</style>` },
  { kind: 'inline style url()', body: (t) => `<div style="background-image: url('${t.beacon}')">styled</div>` },
  {
    kind: 'css @font-face',
    body: (t) => `<style>@font-face { font-family: x; src: url('${t.beacon}'); } body { font-family: x; }</style>`,
  },
  { kind: 'css cursor url()', body: (t) => `<style>* { cursor: url('${t.beacon}'), auto; }</style>` },
  { kind: 'css list-style-image', body: (t) => `<ul style="list-style-image: url('${t.beacon}')"><li>item</li></ul>` },
  { kind: 'svg style @import', body: (t) => `<svg><style>@import '${t.beacon}';</style></svg>` },
  { kind: 'link stylesheet', head: (t) => `<link rel="stylesheet" href="${t.beacon}">`, body: () => '' },
  { kind: 'link prefetch', head: (t) => `<link rel="prefetch" href="${t.beacon}">`, body: () => '' },
  { kind: 'link preload', head: (t) => `<link rel="preload" as="image" href="${t.beacon}">`, body: () => '' },
  { kind: 'link modulepreload', head: (t) => `<link rel="modulepreload" href="${t.beacon}">`, body: () => '' },
  { kind: 'link prerender', head: (t) => `<link rel="prerender" href="${t.beacon}">`, body: () => '' },
  { kind: 'link icon', head: (t) => `<link rel="icon" href="${t.beacon}">`, body: () => '' },
  { kind: 'object data', body: (t) => `<object data="${t.beacon}" aria-label="x"></object>` },
  { kind: 'object javascript:', body: (t) => `<object type="text/html" data="javascript:${t.js}"></object>` },
  {
    kind: 'object data: URL',
    body: (t) =>
      `<object type="text/html" data="data:text/html;base64,${Buffer.from(`<script>${t.js}</script>`).toString('base64')}"></object>`,
  },
  { kind: 'embed src', body: (t) => `<embed src="${t.beacon}">` },
  {
    kind: 'a javascript: href',
    body: (t) => `<a id="j" href="javascript:${t.js}">click me</a><script>j.click();</script>`,
  },
  { kind: 'a ping', body: (t) => `<a id="p" href="#top" ping="${t.beacon}">ping</a><script>p.click();</script>` },
  {
    kind: 'a target _top',
    body: (t) => `<a id="tt" href="${t.beacon}" target="_top">leave</a><script>tt.click();</script>`,
  },
  {
    kind: 'svg xlink javascript:',
    body: (t) => `<svg><a xlink:href="javascript:${t.js}"><text y="20">x</text></a></svg>`,
  },
  { kind: 'svg image href', body: (t) => `<svg><image href="${t.beacon}" width="1" height="1"/></svg>` },
  {
    kind: 'img data: svg',
    body: (t) =>
      `<img alt="" src="data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" onload="${t.js}"/>`)}">`,
  },
  { kind: 'img srcset', body: (t) => `<img srcset="${t.beacon} 1x" alt="">` },
  { kind: 'picture source', body: (t) => `<picture><source srcset="${t.beacon}"><img alt=""></picture>` },
  { kind: 'audio src', body: (t) => `<audio src="${t.beacon}" autoplay></audio>` },
  { kind: 'video poster', body: (t) => `<video poster="${t.beacon}"></video>` },
  { kind: 'table background', body: (t) => `<table background="${t.beacon}"><tr><td>cell</td></tr></table>` },
  {
    kind: 'mXSS noscript',
    body: (t) => `<noscript><p title="</noscript><img src=x onerror=${t.js.replace(/ /g, '')}>"></p></noscript>`,
  },
  {
    kind: 'mXSS math style',
    body: (t) => `<math><mtext><table><mglyph><style><img src=x onerror="${t.js}">`,
  },
  { kind: 'template', body: (t) => `<template><img src="x" onerror="${t.js}"></template>` },
  {
    kind: 'postMessage to parent and top',
    body: (t) =>
      `<script>parent.postMessage({ type: 'pwned', html: '<img src=x onerror=alert(1)>' }, '*'); top.postMessage('pwned', '*'); ${t.js}</script>`,
  },
  {
    kind: 'WebRTC STUN to a private address',
    body: (t) =>
      `<script>var pc = new RTCPeerConnection({ iceServers: [{ urls: 'stun:127.0.0.1:3478' }] }); pc.createDataChannel('x'); pc.createOffer().then(function (o) { return pc.setLocalDescription(o); }); ${t.js}</script>`,
  },
  {
    kind: 'payload inside title',
    // Text to an HTML parser, markup to whoever puts the title into innerHTML; then a breakout for good measure.
    title: (t) => `<img src=x onerror="${t.js}"></title><svg onload="${t.js}"></svg><title>`,
    body: () => '',
  },
  {
    kind: 'JSON-LD breakout',
    head: (t) =>
      `<script type="application/ld+json">{"@type": "Article", "name": "</script><script>${t.js}</script>", "image": "${t.beacon}", "url": "javascript:${t.js}"}</script>`,
    body: () => '',
  },
  {
    kind: 'markdown javascript: link',
    body: (t) =>
      `<p>[click here](javascript:${t.js}) and ![pixel](${t.beacon}) and <a href="javascript:${t.js}">a link</a></p>`,
  },
  {
    kind: 'markdown image alt breakout',
    body: (t) => `<img src="${t.beacon}" alt="](javascript:${t.js}) <img src=x onerror=alert(1)>">`,
  },
  {
    kind: 'cookie name',
    body: (t) =>
      `<script>document.cookie = '<img src=x onerror=alert(1)>=1'; document.cookie = 'x=' + encodeURIComponent('<script>'); ${t.js}</script>`,
  },
  {
    kind: 'private address by fetch, image and navigation',
    body: (t) =>
      `<img src="${t.privateBeacon}" alt=""><script>fetch('${t.privateBeacon}', { mode: 'no-cors' }); setTimeout(function () { location.href = '${t.privateBeacon}'; }, 50);</script>`,
  },
  {
    kind: 'private address by redirect of an image',
    body: (t) =>
      `<iframe title="x" src="${t.privateBeacon}"></iframe><link rel="stylesheet" href="${t.privateBeacon}">`,
  },
];

const CORPUS_PATH = '/hostile/corpus';

/** The other name of this machine, so a request there is to a different origin with the same listener. */
const otherLocalOrigin = (origin: string) =>
  origin.replace(
    /^(https?:\/\/)(127\.0\.0\.1|localhost)(?=:|$)/,
    (_all, scheme: string, host: string) => `${scheme}${host === 'localhost' ? '127.0.0.1' : 'localhost'}`,
  );

function corpusPage(index: number, origin: string): string {
  const payload = PAYLOADS[index - 1];
  if (!payload) throw new RangeError(`no payload ${index}`);
  const marker = `PWNED-${index}`;
  const beacon = `${origin}/beacon?via=c${index}`;
  const tools: Tools = {
    beacon,
    privateBeacon: `${otherLocalOrigin(origin)}/beacon?via=p${index}`,
    js: `alert('${marker}');console.log('${marker}');fetch('${beacon}',{mode:'no-cors'})`,
  };
  // Real text beside the payload, so every page scrapes as content rather than as an empty shell.
  const heading = `<h1>Corpus payload ${index}: ${escapeHtml(payload.kind)}</h1>
<p>This page carries one hostile payload of the corpus. Shown safely, it stays inert text and markup: no script
runs, no dialog opens, and no request leaves for the beacon, whichever tab or page of the dashboard shows it.</p>`;
  const document = htmlDocument({
    title: `Corpus payload ${index}`,
    head: payload.head?.(tools) ?? '',
    body: `<main>\n${heading}\n${payload.body(tools)}\n</main>`,
  });
  return payload.title ? document.replace(/<title>[^<]*<\/title>/, `<title>${payload.title(tools)}</title>`) : document;
}

export const hostileCorpus: DemoPage = {
  path: CORPUS_PATH,
  description: `${PAYLOADS.length} script-injection and exfiltration payloads, one a page at ${CORPUS_PATH}/<n>.`,
  register: (app) => {
    const list = htmlDocument({
      title: 'Hostile corpus',
      body: `<main>\n<h1>Hostile corpus</h1>\n<ol>\n${PAYLOADS.map(
        (payload, index) => `  <li><a href="${CORPUS_PATH}/${index + 1}">${escapeHtml(payload.kind)}</a></li>`,
      ).join('\n')}\n</ol>\n</main>`,
    });
    app.get(CORPUS_PATH, async (_request, reply) => reply.type(HTML).send(list));
    app.get<{ Params: { n: string } }>(`${CORPUS_PATH}/:n`, async (request, reply) => {
      const index = Number(request.params.n);
      if (!Number.isInteger(index) || index < 1 || index > PAYLOADS.length) return reply.code(404).type(HTML).send('');
      return reply.type(HTML).send(corpusPage(index, ownOrigin(request)));
    });
  },
};
