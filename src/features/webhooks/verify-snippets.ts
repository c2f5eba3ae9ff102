import { WEBHOOK_SIGNATURE_HEADER } from '../../../contract/webhooks';

/**
 * Receiver code that checks a delivery's signature: HMAC-SHA256 of the raw body with the webhook's secret, compared
 * in constant time. The secret is read from the environment; no key or secret is ever put in a snippet.
 */
export const VERIFY_SNIPPETS = [
  {
    id: 'node',
    label: 'Node',
    code: `import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';

const secret = process.env.ALTERLAB_WEBHOOK_SECRET; // whsec_…

/** True when the header is sha256=<HMAC-SHA256 of the exact body bytes> under the secret. */
function verify(rawBody, header) {
  const expected = Buffer.from('sha256=' + createHmac('sha256', secret).update(rawBody).digest('hex'));
  const given = Buffer.from(header ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const rawBody = Buffer.concat(chunks); // verify the bytes as received, before JSON.parse
    if (!verify(rawBody, req.headers['${WEBHOOK_SIGNATURE_HEADER.toLowerCase()}'])) {
      res.writeHead(401).end();
      return;
    }
    const { event, data } = JSON.parse(rawBody.toString('utf8'));
    console.log(event, data.job_id, data.request_id);
    res.writeHead(200).end('ok'); // answer 2xx quickly; do slow work afterwards
  });
}).listen(3000);
`,
  },
  {
    id: 'python',
    label: 'Python',
    code: `import hashlib
import hmac
import json
import os

from flask import Flask, abort, request

app = Flask(__name__)
SECRET = os.environ["ALTERLAB_WEBHOOK_SECRET"].encode()  # whsec_…


def verify(raw_body: bytes, header: str | None) -> bool:
    """True when the header is sha256=<HMAC-SHA256 of the exact body bytes> under the secret."""
    expected = "sha256=" + hmac.new(SECRET, raw_body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, header or "")


@app.post("/hooks/alterlab")
def alterlab_webhook():
    raw_body = request.get_data()  # the bytes as received, before any JSON parsing
    if not verify(raw_body, request.headers.get("${WEBHOOK_SIGNATURE_HEADER}")):
        abort(401)
    payload = json.loads(raw_body)
    print(payload["event"], payload["data"]["job_id"], payload["data"]["request_id"])
    return "ok", 200  # answer 2xx quickly; do slow work afterwards
`,
  },
] as const;
