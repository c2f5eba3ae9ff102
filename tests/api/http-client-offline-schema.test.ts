import { HttpResponse } from 'msw';
import { beforeEach, expect, it, vi } from 'vitest';
import { usageSchema } from '../../contract/usage';
import { ApiError } from '../../src/api/api-error';
import { useCredentialsStore } from '../../src/api/credentials-store';
import { DEMO_KEY } from '../support/demo-keys';
import { envelope } from '../support/msw/fixtures';
import { api, server } from '../support/msw/server';

// The envelope's schema loads with the first answer that is not 2xx: here its chunk cannot load (the dashboard's host
// gone while the API still answers).
vi.mock('../../contract/envelope', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

const { request } = await import('../../src/api/http-client');
beforeEach(() => useCredentialsStore.getState().keyEntered(DEMO_KEY.growth, false));

it('still reports a refused call as the API error it was, by its status, when the envelope schema cannot load', async () => {
  server.use(api.get('/usage', () => HttpResponse.json(envelope('INTERNAL_ERROR', 'Boom'), { status: 500 })));
  const error = await request(usageSchema, '/usage').catch((failure: unknown) => failure);
  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({ status: 500, code: 'HTTP_500' });
});
