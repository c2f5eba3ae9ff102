import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const features = readdirSync('src/features', { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'data', '.tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
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
          ],
        },
      ],
      // One HTTP client: only src/api calls the network, and only through its endpoint functions.
      'no-restricted-imports': [
        'error',
        {
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
    rules: { 'no-restricted-imports': 'off' },
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
