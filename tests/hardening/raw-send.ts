import { connect } from 'node:net';
import type { Answer } from './answer-checks';

/**
 * Sends bytes as they are and reads the final answer (an interim 100 Continue is skipped). Unlike
 * tests/support/raw-http.ts it decodes a chunked body and fails, rather than hangs, when no answer comes.
 */
export function sendRaw(baseUrl: string, raw: Buffer, timeoutMs = 5000): Promise<Answer> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) }, () => socket.write(raw));
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      let text = Buffer.concat(chunks).toString('latin1');
      while (/^HTTP\/1\.[01] 1\d\d /.test(text)) text = text.slice(text.indexOf('\r\n\r\n') + 4);
      const split = text.indexOf('\r\n\r\n');
      if (split < 0) return reject(new Error(`the connection closed without an answer: ${JSON.stringify(text)}`));
      const [statusLine = '', ...lines] = text.slice(0, split).split('\r\n');
      const headers = new Map(
        lines.map((line) => [
          line.slice(0, line.indexOf(':')).trim().toLowerCase(),
          line.slice(line.indexOf(':') + 1).trim(),
        ]),
      );
      let body = text.slice(split + 4);
      if (headers.get('transfer-encoding')?.includes('chunked')) body = dechunk(body);
      resolve({
        status: Number(statusLine.split(' ')[1]),
        header: (name) => headers.get(name.toLowerCase()),
        body: Buffer.from(body, 'latin1').toString('utf8'),
      });
    });
  });
}

function dechunk(text: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const end = text.indexOf('\r\n', at);
    const size = parseInt(text.slice(at, end), 16);
    if (!(size > 0)) return out;
    out += text.slice(end + 2, end + 2 + size);
    at = end + 2 + size + 2;
  }
}
