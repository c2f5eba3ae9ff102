import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { useCredentialsStore } from '../../src/api/credentials-store';
import { useRateLimitStore } from '../../src/api/rate-limit-store';
import { useNoticeStore } from '../../src/components/notice-store';
import { server } from './msw/server';

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
