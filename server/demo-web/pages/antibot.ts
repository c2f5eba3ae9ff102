import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { type DemoPage, HTML, articleBody, escapeHtml, htmlDocument, readCookies } from '../demo-page';

/** 16 bits: about 65,000 SHA-256 on average, a fraction of a second for a solver. */
const POW_DIFFICULTY = 16;
const CHALLENGE_TTL_MS = 5 * 60_000;
const PASS_TTL_MS = 60 * 60_000;
const PASS_COOKIE = 'demo_pow';

function leadingZeroBits(digest: Buffer): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/** Stateless tokens `<payload>.<hmac>`: verifying needs only the secret, never storage. */
function tokenSigner(secret: Buffer) {
  const sign = (payload: string) => createHmac('sha256', secret).update(payload).digest('hex');
  const verify = (token: string, kind: string): boolean => {
    const cut = token.lastIndexOf('.');
    if (cut <= 0) return false;
    const payload = token.slice(0, cut);
    const expected = Buffer.from(sign(`${kind}:${payload}`));
    const given = Buffer.from(token.slice(cut + 1));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
    const expiry = Number(payload.slice(payload.lastIndexOf('.') + 1));
    return Number.isFinite(expiry) && expiry > Date.now();
  };
  const issue = (kind: string, payload: string) => `${payload}.${sign(`${kind}:${payload}`)}`;
  return { issue, verify };
}

const wallPage = (challengeToken: string) =>
  htmlDocument({
    title: 'Access denied: bot protection',
    head: `  <meta name="pow-challenge" content="${escapeHtml(challengeToken)}">
  <meta name="pow-difficulty" content="${POW_DIFFICULTY}">
  <meta name="pow-action" content="/antibot/verify">`,
    // The button only pretends: like a wall that wants a human or a solver, no script here answers it.
    body: `<h1>Verify you are human</h1>
<p>Access denied: bot protection. Complete the check below to continue.</p>
<form method="post" action="/antibot/verify" id="pow-form">
  <input type="hidden" name="challenge" value="${escapeHtml(challengeToken)}">
  <input type="hidden" name="nonce" value="">
  <button type="button" id="human">I am human</button>
</form>
<p id="status" role="status"></p>
<script>
  document.getElementById('human').addEventListener('click', function () {
    document.getElementById('status').textContent = 'Still checking your browser...';
  });
</script>`,
  });

const PROTECTED_PAGE = htmlDocument({
  title: 'Behind the bot wall',
  body: articleBody('Behind the bot wall', [
    'This content sits behind a proof-of-work wall in the style of real anti-bot vendors.',
    'Only a client that found a nonce with enough leading zero bits got this far.',
  ]),
});

const field = (body: unknown, name: string): string | null => {
  if (typeof body !== 'object' || body === null) return null;
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' && value.length <= 200 ? value : null;
};

export const antibot: DemoPage = {
  path: '/antibot',
  description: 'A hashcash-style proof-of-work wall (403) that blocks every client but a solver: tier 4.',
  register: (app) => {
    const tokens = tokenSigner(randomBytes(32));

    app.get('/antibot', async (request, reply) => {
      const pass = readCookies(request.headers.cookie).get(PASS_COOKIE);
      if (pass && tokens.verify(pass, 'pass')) return reply.type(HTML).send(PROTECTED_PAGE);
      const challenge = tokens.issue(
        'challenge',
        `${randomBytes(16).toString('hex')}.${Date.now() + CHALLENGE_TTL_MS}`,
      );
      return reply.code(403).type(HTML).send(wallPage(challenge));
    });

    app.post('/antibot/verify', async (request, reply) => {
      const challenge = field(request.body, 'challenge');
      const nonce = field(request.body, 'nonce');
      const solved =
        challenge !== null &&
        nonce !== null &&
        nonce !== '' &&
        tokens.verify(challenge, 'challenge') &&
        leadingZeroBits(
          createHash('sha256')
            .update(challenge + nonce)
            .digest(),
        ) >= POW_DIFFICULTY;
      if (!solved) {
        return reply
          .code(403)
          .type(HTML)
          .send(htmlDocument({ title: 'Access denied: bot protection', body: '<h1>Verification failed</h1>' }));
      }
      const pass = tokens.issue('pass', `${randomBytes(8).toString('hex')}.${Date.now() + PASS_TTL_MS}`);
      return reply.header('set-cookie', `${PASS_COOKIE}=${pass}; Path=/; HttpOnly`).redirect('/antibot', 303);
    });
  },
};
