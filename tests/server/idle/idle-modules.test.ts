import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const fixtures = path.join(import.meta.dirname, 'fixtures');

/** Every file a freshly started sandbox has loaded by the time it listens, in a process of its own. */
async function filesLoadedAtStart(): Promise<string[]> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', '--import', path.join(fixtures, 'record-loads.mjs'), path.join(fixtures, 'start-idle.ts')],
    { cwd: path.resolve(import.meta.dirname, '../../..'), maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as string[];
}

const fromPackage = (files: string[], name: string) => files.filter((file) => file.includes(`/node_modules/${name}/`));

describe('an idle sandbox', () => {
  it('has not loaded the browser, the parsers, the PDF reader or OCR: they load on the first scrape that needs them', async () => {
    const files = await filesLoadedAtStart();
    // The recording works: what the server does need is there.
    expect(fromPackage(files, 'fastify').length).toBeGreaterThan(0);
    expect(fromPackage(files, 'better-sqlite3').length).toBeGreaterThan(0);
    for (const heavy of ['playwright-core', 'linkedom', 'turndown', 'undici', 'tesseract.js', 'unpdf']) {
      expect(fromPackage(files, heavy), heavy).toEqual([]);
    }
  }, 60_000);
});
