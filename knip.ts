import type { KnipConfig } from 'knip';

// `npm run lint` runs knip after ESLint (STYLE.md rule 14): unused files, exports and dependencies fail the lint.
// Most entries come from knip's plugins: index.html's module script (src/app/main.tsx) through the vite plugin,
// the vitest projects and their setup file through vite.config.ts, e2e/ through playwright.config.ts, bench/run.ts
// and scripts/ through package.json's scripts, and the config files themselves.
const config: KnipConfig = {
  entry: [
    // the sandbox's own entry (scripts/start.ts and scripts/dev.mjs reach it by path, not by import)
    'server/main.ts',
    'scripts/*.{ts,mjs}',
    // bench/run.ts starts these by path in processes of their own, and builds bench/baseline/ with Vite.
    'bench/sandbox-process.ts',
    'bench/bare-fastify.ts',
    'bench/bare-logged-route.ts',
    'bench/bare-route-with-request-log.ts',
    'bench/baseline/main.tsx',
    // tests/server/idle/idle-modules.test.ts starts the sandbox in a node process of its own with these.
    'tests/server/idle/fixtures/*.{ts,mjs}',
  ],
  // .css so that src/app/index.css's `@import 'tailwindcss'` counts
  project: ['{contract,src,server,tests,e2e,scripts,bench}/**/*.{ts,tsx,mts,mjs,css}', '*.{ts,js}'],
  // An exported type or interface that names a parameter or a result of an exported function is part of that
  // function's signature; unused exported values are still reported.
  ignoreExportsUsedInFile: { interface: true, type: true },
  ignoreDependencies: [
    // Resolved at run time (createRequire(…).resolve) by server/scraper/extract/ocr-language-data.ts.
    '@tesseract.js-data/eng',
  ],
};

export default config;
