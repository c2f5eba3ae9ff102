import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

export interface Child<T> {
  process: ChildProcess;
  /** What `ready` made of the line that said the child was listening. */
  ready: T;
  stop: () => Promise<void>;
}

const json = <T>(line: string) => JSON.parse(line) as T;

/**
 * A TypeScript entry in a process of its own, started as the sandbox starts (`node --import tsx`), so load
 * generators and Lighthouse never share its event loop. `ready` reads its output line by line until one says it
 * is listening (by default: the bench's own entries print one JSON line). `env` is the child's whole environment.
 */
export async function startChild<T>(
  entry: string,
  options: { args?: string[]; env?: Record<string, string>; ready?: (line: string) => T | undefined } = {},
): Promise<Child<T>> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...(options.args ?? [])], {
    stdio: ['ignore', 'pipe', 'inherit'],
    ...(options.env ? { env: options.env } : {}),
  });
  const readyWhen = options.ready ?? json<T>;
  const lines = createInterface({ input: child.stdout! });
  const ready = await new Promise<T>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${entry} exited (${code}) before it was ready`)));
    lines.on('line', (line) => {
      const value = readyWhen(line);
      if (value !== undefined) resolve(value);
    });
  });
  lines.removeAllListeners('line');
  child.stdout!.resume();
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { process: child, ready, stop };
}

/** The resident memory of one process, in MiB, as the kernel counts it. */
export function residentMiB(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmRSS for ${pid}`);
  return Number(match[1]) / 1024;
}
