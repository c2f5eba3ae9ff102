import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Delivery } from '../../../contract/webhooks';
import type { TestServer } from '../../support/test-server';

export interface Hit {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What the receiver does with its n-th request (0-based): answer a status, or never answer at all. */
export type Behaviour = (index: number) => { status: number; body?: string } | 'hang';

/** A real HTTP receiver on 127.0.0.1 that records every request; its behaviour can change between steps. */
export async function startReceiver(initial: Behaviour = () => ({ status: 200, body: 'ok' })) {
  const hits: Hit[] = [];
  let behaviour = initial;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const index =
        hits.push({ path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') }) -
        1;
      const answer = behaviour(index);
      if (answer === 'hang') return;
      response.writeHead(answer.status, { 'content-type': 'text/plain' }).end(answer.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: `${origin}/hook`,
    hits,
    behave: (next: Behaviour) => {
      behaviour = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Reads a delivery from the service until it has left `pending` (the API would spend the key's rate limit). */
export async function waitForDelivery(server: TestServer, accountId: string, webhookId: string, deliveryId: string) {
  for (let poll = 0; poll < 200; poll++) {
    const delivery: Delivery = server.app.webhooks.delivery(accountId, webhookId, deliveryId);
    if (delivery.status !== 'pending') return delivery;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`delivery ${deliveryId} still pending`);
}
