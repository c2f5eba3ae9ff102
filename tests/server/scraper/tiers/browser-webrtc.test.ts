import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { type Server, createServer } from 'node:http';
import { type AddressInfo, createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTargetGuard, type TargetGuard } from '../../../../server/scraper/target-guard';
import { createBrowserHolder } from '../../../../server/scraper/tiers/browser-process';
import { type BrowserPool, createBrowserPool } from '../../../../server/scraper/tiers/browser-tier';
import { startGuardProxy } from '../../../../server/scraper/tiers/guard-proxy';

// A scraped page tries WebRTC against services on the machine: a STUN server on UDP, a TURN server on TCP.
const heard = { udp: 0, tcp: 0 };
let stun: UdpSocket;
let turn: TcpServer;
let page: Server;
let pageUrl = '';
let guard: TargetGuard;
let pool: BrowserPool;

/** Gathers ICE candidates against both servers and reports how gathering ended and what it found. */
const gatherScript = () => `async function gather(win) {
  var pc = new win.RTCPeerConnection({ iceServers: [
    { urls: 'stun:127.0.0.1:${(stun.address() as AddressInfo).port}' },
    { urls: 'turn:127.0.0.1:${(turn.address() as AddressInfo).port}?transport=tcp', username: 'u', credential: 'p' },
  ] });
  var candidates = [];
  pc.onicecandidate = function (event) { if (event.candidate) candidates.push(event.candidate.type); };
  pc.createDataChannel('probe');
  await pc.setLocalDescription(await pc.createOffer());
  var state = await new Promise(function (resolve) {
    if (pc.iceGatheringState === 'complete') return resolve('complete');
    pc.onicegatheringstatechange = function () { if (pc.iceGatheringState === 'complete') resolve('complete'); };
    setTimeout(function () { resolve('still gathering'); }, 8000);
  });
  pc.close();
  return { state: state, candidates: candidates };
}`;

/** The page tries in itself, in a fresh iframe and in a popup, and writes each outcome into #out. */
const attackPage = () => `<!doctype html><title>WebRTC</title><pre id="out"></pre><script>
${gatherScript()}
async function attempt(win) {
  if (!win) return 'no window';
  if (typeof win.RTCPeerConnection === 'undefined' && typeof win.webkitRTCPeerConnection === 'undefined') return 'absent';
  try { return await gather(win); } catch (error) { return error.name; }
}
(async function () {
  var frame = document.createElement('iframe');
  document.body.appendChild(frame);
  var popup = window.open('');
  var results = { page: await attempt(window), frame: await attempt(frame.contentWindow), popup: await attempt(popup) };
  out.textContent = JSON.stringify(results);
  out.setAttribute('data-done', '');
})();
</script>`;

beforeAll(async () => {
  stun = createSocket('udp4').on('message', () => heard.udp++);
  await new Promise<void>((resolve) => stun.bind(0, '127.0.0.1', resolve));
  turn = createTcpServer((socket) => {
    heard.tcp++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => turn.listen(0, '127.0.0.1', resolve));
  page = createServer((_request, response) =>
    response.writeHead(200, { 'content-type': 'text/html' }).end(attackPage()),
  );
  await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
  pageUrl = `http://127.0.0.1:${(page.address() as AddressInfo).port}/`;
  // The page's own server is the one private address allowed, as the demo web is.
  guard = createTargetGuard({ allowPrivate: false, demoWebUrl: pageUrl });
  pool = createBrowserPool({ chromiumPath: '/usr/bin/chromium', maxContexts: 1, guard });
});
afterAll(async () => {
  await pool.close();
  stun.close();
  await Promise.all([turn, page].map((server) => new Promise((resolve) => server.close(resolve))));
});

describe('WebRTC in the browser tiers', () => {
  it('gives a scraped page no peer connection: not in the page, a fresh iframe or a popup', async () => {
    const scraped = await pool.fetch('3', {
      url: pageUrl,
      deadline: Date.now() + 15_000,
      cookies: {},
      waitFor: '#out[data-done]',
    });
    const results = JSON.parse(/<pre id="out"[^>]*>([^<]*)<\/pre>/.exec(scraped.body.toString())![1]!) as unknown;
    expect(results).toEqual({ page: 'absent', frame: 'absent', popup: 'absent' });
    expect(heard).toEqual({ udp: 0, tcp: 0 });
  });

  it('keeps STUN and TURN off the network even for a peer connection made anyway', async () => {
    // Beneath the page's missing RTCPeerConnection: the browser's WebRTC policy and the guard's proxy.
    const holder = createBrowserHolder('/usr/bin/chromium');
    const proxy = await startGuardProxy(guard);
    try {
      const browser = await holder.get();
      const context = await browser.newContext({ proxy: { server: proxy.server, bypass: '<-loopback>' } });
      const tab = await context.newPage();
      await tab.goto('about:blank');
      const outcome = await tab.evaluate(`(${gatherScript()})(window)`);
      // Gathering is over, so every STUN and TURN attempt it made is behind us: no host or server-reflexive
      // candidate, no UDP packet, and the TURN connection stopped at the proxy.
      expect(outcome).toEqual({ state: 'complete', candidates: [] });
      expect(heard).toEqual({ udp: 0, tcp: 0 });
      expect(proxy.problemWith(`http://127.0.0.1:${(turn.address() as AddressInfo).port}/`)).toMatch(/refused/);
    } finally {
      await proxy.close();
      await holder.close();
    }
  });
});
