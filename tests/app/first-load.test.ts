import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every module the app's entry reaches by static imports: what the first load of `/` carries. */
function firstLoadModules(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [path.resolve(entry)];
  const resolve = (from: string, specifier: string) => {
    if (!specifier.startsWith('.')) return null;
    const base = path.resolve(path.dirname(from), specifier);
    const file = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'].map((ext) => base + ext);
    return file.find((candidate) => existsSync(candidate) && statSync(candidate).isFile()) ?? null;
  };
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    // `import type` is erased; `import('…')` is a chunk of its own, loaded when used; `import './x'` runs x.
    for (const match of source.matchAll(/^\s*(?:(?:import|export)\s+(?!type\b)[^;]*?from\s+|import\s+)'([^']+)'/gms)) {
      const target = resolve(file, match[1]!);
      if (target) queue.push(target);
    }
  }
  return new Set([...seen].map((file) => path.relative(process.cwd(), file)));
}

describe('the first load', () => {
  const modules = firstLoadModules('src/app/main.tsx');

  it('carries neither the error catalog nor the guidance card: they come with the first error shown', () => {
    expect(modules).toContain('src/app/router.tsx');
    expect(modules).not.toContain('src/errors/catalog-data.ts');
    expect(modules).not.toContain('src/errors/guidance-card.tsx');
  });

  it('carries no page: each loads when opened (a first visit sees the key prompt, not the overview)', () => {
    const pages = [...modules].filter((file) => file.startsWith('src/features/') && file.endsWith('-page.tsx'));
    expect(pages).toEqual([]);
  });

  it('carries no zod: schemas come with the pages and calls that need them', () => {
    // The dashboard's zod setting is in the first load, imported for its effect alone; zod itself is not.
    expect(modules).toContain('src/app/zod-config.ts');
    const withZod = [...modules].filter((file) =>
      /^\s*import\s+(?!type\b)[^;]*?from\s+'zod(?:\/[^']*)?'/m.test(readFileSync(file, 'utf8')),
    );
    expect(withZod).toEqual([]);
  });
});
