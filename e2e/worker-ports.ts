/** One sandbox per Playwright worker slot: the config starts that many and runs that many workers. */
export const SANDBOXES = 2;

const FIRST_PORT = 8797;
// Room between slots, so a slot's ports never run into the next one's.
const PORTS_PER_SLOT = 10;

export interface WorkerPorts {
  sandbox: number;
  demoWeb: number;
  /** The one loopback origin the slot's sandbox lets webhooks reach (WEBHOOK_ALLOWED_ORIGINS). */
  webhookReceiver: number;
  /** e2e/hardening-secrets.spec.ts starts a sandbox of its own there, and its demo web on the port after. */
  secondSandbox: number;
}

/** Every port a worker slot (testInfo.parallelIndex) uses, so two slots never share one. */
export function workerPorts(slot: number): WorkerPorts {
  const base = FIRST_PORT + slot * PORTS_PER_SLOT;
  return { sandbox: base, demoWeb: base + 1, webhookReceiver: base + 2, secondSandbox: base + 4 };
}

export const loopback = (port: number) => `http://127.0.0.1:${port}`;
