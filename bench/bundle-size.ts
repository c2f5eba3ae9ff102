import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

/** The JavaScript a first visit downloads: index.html's module script and its modulepreloads, gzipped. */
export function firstLoadJs(distDir: string): {
  files: { file: string; gzipBytes: number }[];
  totalGzipBytes: number;
  /** Whether recharts (only the usage charts need it) reached the first load: its class names give it away. */
  hasRecharts: boolean;
  /** Whether zod reached it (only pages and calls after the first screen need a schema): its type names give it away. */
  hasZod: boolean;
} {
  const html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const sources = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((match) => match[1]!);
  const contents = [...new Set(sources)].map((file) => ({ file, bytes: readFileSync(path.join(distDir, file)) }));
  const files = contents.map(({ file, bytes }) => ({ file, gzipBytes: gzipSync(bytes).length }));
  return {
    files,
    totalGzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0),
    hasRecharts: contents.some(({ bytes }) => bytes.includes('recharts-wrapper')),
    hasZod: contents.some(({ bytes }) => bytes.includes('$ZodType')),
  };
}

/** A production build with the project's Vite config: the dashboard (root `.`) or the bare baseline. */
export async function buildWithProjectConfig(root: string, outDir: string): Promise<void> {
  await build({
    configFile: path.resolve('vite.config.ts'),
    root: path.resolve(root),
    build: { outDir, emptyOutDir: true },
    logLevel: 'warn',
  });
}
