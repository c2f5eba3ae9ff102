import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import checkFile from 'eslint-plugin-check-file';
import importX from 'eslint-plugin-import-x';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Every directory of ours that holds source; root config files (vite.config.ts, …) follow their tools' names.
const SOURCE_DIRS = '{contract,src,server,tests,e2e,scripts,bench}';

// Environment is read once (STYLE.md rule 11): the server in server/config.ts, the dashboard in src/config/env.ts.
const ENV_MESSAGE =
  'Read the environment once: the server through server/config.ts (loadConfig, then app.config), the dashboard through src/config/env.ts; tests build a config with testConfig() or loadConfig({...}).';
const envReads = {
  'no-restricted-properties': ['error', { object: 'process', property: 'env', message: ENV_MESSAGE }],
  'no-restricted-syntax': [
    'error',
    {
      selector: "MemberExpression[object.type='MetaProperty'][object.meta.name='import'][property.name='env']",
      message: 'Read Vite settings once, in src/config/env.ts, and import `env` from there.',
    },
  ],
};
const envImports = ['process', 'node:process'].map((name) => ({ name, importNames: ['env'], message: ENV_MESSAGE }));

const features = readdirSync('src/features', { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'data', '.tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'import-x': importX, 'check-file': checkFile },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
      // Without these, import-x parses no TypeScript module it follows, and no-cycle passes without looking.
      'import-x/extensions': importX.flatConfigs.typescript.settings['import-x/extensions'],
      'import-x/parsers': importX.flatConfigs.typescript.settings['import-x/parsers'],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      ...envReads,
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // Imports flow one way: contract → lib/components → features → app (bulletproof-react's zones).
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...features.map((feature) => ({
              target: `./src/features/${feature}`,
              from: './src/features',
              except: [`./${feature}`],
              message: 'A feature never imports another feature; move what both need to components/ or lib/.',
            })),
            { target: './src/features', from: './src/app', message: 'Features do not import the app layer.' },
            {
              target: ['./src/components', './src/lib', './src/errors', './src/api'],
              from: ['./src/features', './src/app'],
              message: 'Shared code does not import features or the app.',
            },
            { target: './contract', from: ['./src', './server'], message: 'The contract imports nothing of ours.' },
            { target: './src', from: './server', message: 'The dashboard never imports the server.' },
            { target: './server', from: './src', message: 'The server never imports the dashboard.' },
            { target: './server', from: './scripts', message: 'The server never imports scripts/.' },
          ],
        },
      ],
      // One HTTP client: only src/api calls the network, and only through its endpoint functions.
      'no-restricted-imports': [
        'error',
        {
          paths: envImports,
          patterns: [
            {
              group: ['**/api/http-client'],
              message: 'Call an endpoint function or a query factory from src/api instead.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/api/**'],
    rules: { 'no-restricted-imports': ['error', { paths: envImports }] },
  },
  {
    // A spec's `test` is the one that knows its worker's sandbox (e2e/fixtures.ts); Playwright's own has no baseURL.
    files: ['e2e/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...envImports,
            {
              name: '@playwright/test',
              importNames: ['test', 'expect'],
              message: "Import test and expect from './fixtures': they run against this worker's sandbox.",
            },
          ],
        },
      ],
    },
  },
  {
    // kebab-case names (STYLE.md rule 9); `.test`, `.spec`, `.d` and other middle extensions are not part of the name.
    files: [`${SOURCE_DIRS}/**/*`],
    rules: {
      'check-file/filename-naming-convention': ['error', { '**/*': 'KEBAB_CASE' }, { ignoreMiddleExtensions: true }],
      'check-file/folder-naming-convention': ['error', { [`${SOURCE_DIRS}/**/`]: 'KEBAB_CASE' }],
    },
  },
  {
    // The config modules, and the tools that hand an environment to the processes they start:
    // scripts/test.mjs passes its own to every check (plus NO_COLOR, CI); scripts/find-chromium.mjs defaults to
    // CHROMIUM_PATH for the e2e config and the test runner (the server passes app.config.chromiumPath instead).
    files: [
      'server/config.ts',
      'src/config/env.ts',
      'vite.config.ts',
      'playwright.config.ts',
      'scripts/test.mjs',
      'scripts/find-chromium.mjs',
    ],
    rules: { 'no-restricted-properties': 'off', 'no-restricted-syntax': 'off' },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y, '@tanstack/query': pluginQuery },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.strict.rules,
      ...pluginQuery.configs['flat/recommended-strict']?.[0]?.rules,
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Only src/api/http-client.ts calls fetch.' }],
    },
  },
  {
    files: ['src/api/http-client.ts'],
    rules: { 'no-restricted-globals': 'off' },
  },
  {
    files: ['server/**', 'scripts/**', 'bench/**', 'e2e/**', 'tests/**'],
    rules: { 'no-console': 'off' },
  },
);
