import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useCredentialsStore } from '../../../../src/api/credentials-store';
import { DEMO_KEY } from '../../../support/demo-keys';
import { rateLimitHeaders, requestLogFixture } from '../../../support/msw/fixtures';
import { API, server } from '../../../support/msw/server';
import { renderApp } from '../../../support/render-app';
import { withLayout } from './layout';

const COOKIE_VALUE = 'c00kie-secret-4711';
const SESSION = '7d0c1a5e-2f4b-4c3d-9e8f-0a1b2c3d4e5f';
const page = requestLogFixture([
  {
    method: 'POST',
    path: '/api/v1/scrape',
    status: 401,
    code: 'REQUIRES_AUTH',
    url: 'https://members.example.com/inbox?tab=2',
    domain: 'members.example.com',
    credits_charged: 1,
    credits_refunded: 1,
    session_id: SESSION,
    origin: 'user',
  },
  {
    method: 'POST',
    path: '/api/v1/scrape',
    status: 200,
    url: 'https://example.com/',
    credits_charged: 1,
    origin: 'user',
  },
]);

/** The files the page handed the browser to download, by name. */
let downloads: Record<string, Blob>;

withLayout();
beforeEach(() => {
  useCredentialsStore.getState().keyEntered(DEMO_KEY.growth, false);
  downloads = {};
  let last: Blob | undefined;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    last = blob as Blob;
    return 'blob:http://localhost/export';
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    if (last) downloads[this.download] = last;
  });
  // An answer with more than the contract names (a cookie jar, the key): the page must not carry it anywhere.
  server.use(
    http.get(`${API}/requests`, () =>
      HttpResponse.json(
        {
          ...page,
          requests: page.requests.map((entry) => ({
            ...entry,
            cookies: { session: COOKIE_VALUE },
            api_key: DEMO_KEY.growth,
          })),
        },
        { headers: rateLimitHeaders(90) },
      ),
    ),
  );
});

afterEach(() => vi.restoreAllMocks());

async function exported(button: 'Export CSV' | 'Export JSON', name: string) {
  const { user } = renderApp('/triage/log');
  await screen.findByRole('table', { name: 'Request log, 2 requests loaded' }, { timeout: 5_000 });
  await user.click(screen.getByRole('button', { name: button }));
  return downloads[name]!.text();
}

describe('exporting the request log', () => {
  it('writes the loaded rows as CSV, with the refund verdict and no key or cookie value', async () => {
    const csv = await exported('Export CSV', 'request-log.csv');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'at,request_id,method,path,url,domain,status,code,credits_charged,credits_refunded,refund_verdict,tier,duration_ms,session_id,origin',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(
      `https://members.example.com/inbox?tab=2,members.example.com,401,REQUIRES_AUTH,1,1,"Refunded, as the policy says"`,
    );
    expect(lines[1]).toContain(SESSION);
    expect(csv).not.toContain('sk_');
    expect(csv).not.toContain(COOKIE_VALUE);
  });

  it('writes the same rows as JSON: the contract’s fields and the verdict, nothing else', async () => {
    const json = JSON.parse(await exported('Export JSON', 'request-log.json')) as Record<string, unknown>[];
    expect(json).toEqual(
      page.requests.map((entry, index) => ({
        ...entry,
        refund_verdict: index === 0 ? 'Refunded, as the policy says' : 'No failure',
      })),
    );
    const text = JSON.stringify(json);
    expect(text).not.toContain('sk_');
    expect(text).not.toContain(COOKIE_VALUE);
  });
});
