import { type AddressInfo, connect, createServer, isIP, type Socket } from 'node:net';
import ipaddr from 'ipaddr.js';
import type { TargetGuard } from '../target-guard';

export interface GuardProxy {
  /** socks5://127.0.0.1:<port>, for a browser context's `proxy`. */
  readonly server: string;
  /**
   * Why the proxy did not connect the page to this URL's host and port, else the last connection it did not
   * make (a refused redirect hop, say), else null.
   */
  problemWith(url: string | null): string | null;
  close(): Promise<void>;
}

/** RFC 1928 replies; Chromium only tells success from failure, the rest is for humans reading a capture. */
const REPLY = { ok: 0, notAllowed: 2, hostUnreachable: 4, refused: 5, unsupported: 7 } as const;
const SOCKS_VERSION = 5;
const NO_AUTHENTICATION = 0;
const CONNECT = 1;
const ADDRESS = { ipv4: 1, domain: 3, ipv6: 4 } as const;

/**
 * A SOCKS5 proxy on loopback that one browser context connects through, so the target guard sees every
 * connection the page makes: redirect hops, WebSockets, TURN over TCP, requests the page sends on its own.
 * The browser still does the HTTP itself, with its own origin rules (CORS, preflights) intact: nothing here
 * reads or rewrites a request or a response. Names are resolved here with the guard's lookup (no rebinding).
 */
export async function startGuardProxy(guard: TargetGuard): Promise<GuardProxy> {
  const sockets = new Set<Socket>();
  const problems = new Map<string, string>();
  const note = (host: string, problem: string) => {
    // Re-inserted so the map's last entry is the latest problem.
    problems.delete(host);
    problems.set(host, `${host}: ${problem}`);
  };
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    // A peer that hangs up mid-stream is normal traffic, not a failure of the proxy.
    socket.on('error', () => socket.destroy());
  };

  async function serve(client: Socket): Promise<void> {
    const [version, methods] = await readExactly(client, 2);
    if (version !== SOCKS_VERSION) return void client.destroy();
    await readExactly(client, methods!);
    client.write(Buffer.from([SOCKS_VERSION, NO_AUTHENTICATION]));
    const [, command, , addressType] = await readExactly(client, 4);
    const host = await readHost(client, addressType!);
    const port = (await readExactly(client, 2)).readUInt16BE(0);
    const target = command === CONNECT && host !== null ? targetOf(host, port) : null;
    if (!target) return answer(client, REPLY.unsupported);
    try {
      await guard.check(target.href);
    } catch {
      note(target.host, 'refused, a private or loopback address');
      return answer(client, REPLY.notAllowed);
    }
    const upstream = connect({ host: target.hostname.replace(/^\[|\]$/g, ''), port, lookup: guard.lookup });
    track(upstream);
    let connected = false;
    client.once('close', () => upstream.destroy());
    // Before the connection, the client still has to read the failure reply that the error handler sends.
    upstream.once('close', () => connected && client.destroy());
    upstream.once('error', (error: NodeJS.ErrnoException) => {
      if (connected) return;
      note(target.host, error.code ?? error.message);
      answer(client, error.code === 'ECONNREFUSED' ? REPLY.refused : REPLY.hostUnreachable);
    });
    upstream.once('connect', () => {
      connected = true;
      client.write(reply(REPLY.ok));
      upstream.pipe(client);
      client.pipe(upstream);
    });
  }

  const server = createServer((client) => {
    track(client);
    serve(client).catch(() => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server: `socks5://127.0.0.1:${(server.address() as AddressInfo).port}`,
    problemWith: (url) => {
      const host = url && URL.canParse(url) ? new URL(url).host : null;
      return (host && problems.get(host)) ?? [...problems.values()].at(-1) ?? null;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** The URL parser's form of host:port, so the guard checks and the proxy connects to the very same host. */
function targetOf(host: string, port: number): URL | null {
  try {
    return new URL(`http://${isIP(host) === 6 ? `[${host}]` : host}:${port}/`);
  } catch {
    return null;
  }
}

async function readHost(client: Socket, addressType: number): Promise<string | null> {
  if (addressType === ADDRESS.ipv4) return (await readExactly(client, 4)).join('.');
  if (addressType === ADDRESS.ipv6) return ipaddr.fromByteArray([...(await readExactly(client, 16))]).toString();
  if (addressType !== ADDRESS.domain) return null;
  const [length] = await readExactly(client, 1);
  return (await readExactly(client, length!)).toString('latin1');
}

const reply = (code: number) => Buffer.from([SOCKS_VERSION, code, 0, ADDRESS.ipv4, 0, 0, 0, 0, 0, 0]);
const answer = (client: Socket, code: number) => void client.end(reply(code));

/** The next `size` bytes; whatever follows stays buffered for the pipe that takes over after the handshake. */
function readExactly(socket: Socket, size: number): Promise<Buffer> {
  if (size === 0) return Promise.resolve(Buffer.alloc(0));
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const chunk = socket.read(size) as Buffer | null;
      if (chunk === null) return;
      done();
      if (chunk.length === size) resolve(chunk);
      else reject(new Error('The client closed the handshake early'));
    };
    const closed = () => {
      done();
      reject(new Error('The client closed the handshake early'));
    };
    const done = () => {
      socket.off('readable', attempt);
      socket.off('end', closed);
      socket.off('close', closed);
    };
    socket.on('readable', attempt);
    socket.once('end', closed);
    socket.once('close', closed);
    attempt();
  });
}
