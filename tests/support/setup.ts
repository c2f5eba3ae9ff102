import '@testing-library/jest-dom/vitest';
import { format } from 'node:util';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';
import { useCredentialsStore } from '../../src/api/credentials-store';
import { useRateLimitStore } from '../../src/api/rate-limit-store';
import { useNoticeStore } from '../../src/components/notice-store';
import { server } from './msw/server';

// A test that types a whole form takes a second or two alone, and several times that on a busy shared machine.
vi.setConfig({ testTimeout: 15_000 });
// Every page loads its code when first opened, as in the browser: the first test of a file waits for that import,
// which on a busy machine takes longer than testing-library's default second.
configure({ asyncUtilTimeout: 5_000 });

// React only warns when a component breaks one of its rules (updating another component while rendering, suspending
// on use() and then not calling it); here such a warning fails the test that caused it.
const RULE_BROKEN = ['while rendering a different component', 'conditional-use-of-use'];
const rulesBroken: string[] = [];
const consoleError = console.error.bind(console);
console.error = (...args: unknown[]) => {
  const text = format(...args);
  if (RULE_BROKEN.some((rule) => text.includes(rule))) rulesBroken.push(text);
  consoleError(...args);
};

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  const broken = rulesBroken.splice(0);
  if (broken.length > 0) throw new Error(`React warned of a broken rule: ${broken[0]}`);

  server.resetHandlers();
  cleanup();
  useCredentialsStore.getState().keyForgotten();
  useRateLimitStore.getState().historyCleared();
  useNoticeStore.setState({ notices: [] });
  sessionStorage.clear();
  localStorage.clear();
});
afterAll(() => server.close());
