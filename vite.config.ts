/// <reference types="vitest/config" />
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// `npm run dev` starts the sandbox on PORT (server/config.ts's default 8787): the proxy follows it.
const SANDBOX = process.env.SANDBOX_URL ?? `http://127.0.0.1:${process.env.PORT ?? 8787}`;

/**
 * Writes a .br and a .gz beside every text file of the build, at the strongest settings: compressed once
 * here, the sandbox serves them as files (preCompressed) instead of compressing on every request.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'precompress',
    apply: 'build',
    configResolved: (config) => void (outDir = path.resolve(config.root, config.build.outDir)),
    closeBundle() {
      // Also called when the build failed: then there is nothing to compress, and the build's own error stands.
      if (!existsSync(outDir)) return;
      for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !/\.(js|mjs|css|html|svg|json|txt|map)$/.test(entry.name)) continue;
        const file = path.join(entry.parentPath, entry.name);
        const source = readFileSync(file);
        writeFileSync(`${file}.br`, brotliCompressSync(source, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }));
        writeFileSync(`${file}.gz`, gzipSync(source, { level: 9 }));
      }
    },
  };
}

const ZOD_JSON_SCHEMA = /zod[\\/]v4[\\/]core[\\/](json-schema-processors|to-json-schema)\.js$/;

/**
 * Every classic zod schema carries a toJSONSchema method, which puts zod's whole JSON Schema generator (a quarter of
 * zod) in any bundle that uses zod. The dashboard never asks for JSON Schema (the sandbox does, for its OpenAPI
 * document, outside this build), so the build gets stand-ins with the same exports that say so if called.
 */
function zodWithoutJsonSchema(): Plugin {
  return {
    name: 'zod-without-json-schema',
    apply: 'build',
    enforce: 'pre',
    load(id) {
      if (!ZOD_JSON_SCHEMA.test(id)) return null;
      const source = readFileSync(id, 'utf8');
      const names = [...source.matchAll(/^export (?:const|function) (\w+)/gm)].map((match) => match[1]!);
      const aliases = [...source.matchAll(/^export \{ (\w+) as (\w+) \}/gm)].map((match) => match[2]!);
      const stub = [
        'const unavailable = () => { throw new Error("zod JSON Schema is not part of the dashboard build"); };',
        // The schema constructors call the create…Method factories: those must hand back a method, not throw.
        ...[...names, ...aliases].map((name) =>
          name.startsWith('create')
            ? `export const ${name} = () => unavailable;`
            : `export const ${name} = unavailable;`,
        ),
      ];
      return stub.join('\n');
    },
  };
}

type ModuleInfoOf = (
  id: string,
) => { importers: readonly string[]; dynamicImporters: readonly string[]; isEntry: boolean } | null;

/** A module and every module that imports it, through any chain of static imports. */
function withStaticImporters(id: string, info: ModuleInfoOf, found = new Set<string>()): Set<string> {
  if (found.has(id)) return found;
  found.add(id);
  for (const importer of info(id)?.importers ?? []) withStaticImporters(importer, info, found);
  return found;
}

/**
 * Whether the entry imports a module statically (through any chain of static imports): it is then part of the first
 * load whichever chunk holds it. Left to itself, the bundler gives each set of modules that lazy pages share with the
 * entry a chunk of its own, and the first load was 7 or 8 scripts; a phone on a slow network opens 6 connections to a
 * host, so the last ones waited a round trip for a free one.
 */
const inFirstLoad = (id: string, info: ModuleInfoOf) =>
  [...withStaticImporters(id, info)].some((module) => info(module)?.isEntry);

/**
 * How many lazily loaded modules (pages, and what pages load on demand) import a module, through any chain of static
 * imports. Code that many of them share (the error catalog, pricing, the panels) otherwise comes in a small chunk per
 * set of sharers: the playground needed 21 requests after the header painted, which a phone's 6 connections take in
 * turns (bench/report.md: Lighthouse).
 */
const lazyImporters = (id: string, info: ModuleInfoOf) =>
  [...withStaticImporters(id, info)].filter((module) => (info(module)?.dynamicImporters.length ?? 0) > 0).length;

/**
 * Shared by this many lazy modules, a module goes in one chunk that most pages load anyway. Measured: at 7 the
 * playground's largest paint came about 0.2 s sooner and the other pages' did not move; at 4 the chunk carried
 * enough that /errors and / got slower.
 */
const COMMON_TO = 7;

export default defineConfig({
  plugins: [react(), tailwindcss(), precompress(), zodWithoutJsonSchema()],
  build: {
    rolldownOptions: {
      output: {
        codeSplitting: {
          // What every page needs, in one long-cached chunk. Only the router and query packages of @tanstack: the
          // table and virtual list belong to the pages that use them, not to the first load.
          groups: [
            {
              name: 'vendor-react',
              test: /node_modules[\\/](react|react-dom|scheduler|@tanstack[\\/](react-query|query-core|react-router|router-core|history|react-store|store))[\\/]/,
              priority: 2,
            },
            {
              // Everything else the first screen needs, in one chunk with the entry (bench/report.md: Lighthouse).
              name: (id, ctx) => (inFirstLoad(id, (other) => ctx.getModuleInfo(other)) ? 'shell' : null),
              debugName: 'shell',
              priority: 1,
            },
            {
              name: (id, ctx) =>
                lazyImporters(id, (other) => ctx.getModuleInfo(other)) >= COMMON_TO ? 'pages-common' : null,
              debugName: 'pages-common',
              priority: 0,
            },
          ],
        },
      },
    },
  },
  // `npm run dev`: hot reload here, the API from the sandbox.
  server: { host: '127.0.0.1', port: 5173, proxy: { '/api': SANDBOX } },
  test: {
    globals: true,
    reporters: ['default'],
    // Vitest's default leaves a core free (one worker on a 2-core machine), while most test files wait on a
    // sandbox, Chromium or a timer more than they compute: one worker per core cuts the run by about a third there.
    maxWorkers: availableParallelism(),
    projects: [
      {
        extends: true,
        test: {
          name: 'web',
          environment: 'jsdom',
          // tests/ mirrors src/: everything but the server's and the contract's tests runs in jsdom.
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: ['tests/server/**', 'tests/contract/**', 'tests/hardening/server-*', '**/node_modules/**'],
          setupFiles: ['./tests/support/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/server/**/*.test.ts', 'tests/contract/**/*.test.ts', 'tests/hardening/server-*.test.ts'],
          testTimeout: 20_000,
          // `npm run test:hardening` raises the fuzz cases and crash rounds; `npm test` runs the defaults.
          provide: {
            hardeningCases: Number(process.env.HARDENING_CASES ?? 2000),
            hardeningRounds: Number(process.env.HARDENING_ROUNDS ?? 3),
          },
        },
      },
    ],
  },
});
