import '@testing-library/jest-dom/vitest';
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

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  cleanup();
  useCredentialsStore.getState().keyForgotten();
  useRateLimitStore.getState().historyCleared();
  useNoticeStore.setState({ notices: [] });
  sessionStorage.clear();
  localStorage.clear();
});
afterAll(() => server.close());
