import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { requestDetailSchema, type RequestDetail } from '../../../../contract/request-detail';
import type { RequestLogEntry } from '../../../../contract/request-log';
import { envelope, rateLimitHeaders, requestLogFixture } from '../../../support/msw/fixtures';
import { API, server } from '../../../support/msw/server';
import { renderApp } from '../../../support/render-app';
import { findScrapeForm, setUpScrapeFormTests } from '../../../support/scrape-form';

const ID = 'req_6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';
const SESSION = '7d0c1a5e-2f4b-4c3d-9e8f-0a1b2c3d4e5f';
const BLOCKED: Partial<RequestLogEntry> = {
  request_id: ID,
  method: 'POST',
  path: '/api/v1/scrape',
  status: 403,
  code: 'BLOCKED_BY_ANTIBOT',
  url: 'https://shop.example.com/item?id=7',
  domain: 'shop.example.com',
  credits_charged: 5,
  credits_refunded: 5,
  tier: '3',
  at: '2026-11-25T10:00:00.000Z',
  origin: 'user',
};

/** The detail the API gives for a logged request: the entry, and what was recorded beside it. */
function detailOf(entry: Partial<RequestLogEntry>, extra: Partial<RequestDetail> = {}): RequestDetail {
  const logged = requestLogFixture([entry]).requests[0]!;
  return requestDetailSchema.parse({
    ...logged,
    parameters: null,
    response: { status: logged.status, code: logged.code, message: null, duration_ms: logged.duration_ms },
    billing: {
      estimated_credits: null,
      credits_charged: logged.credits_charged,
      credits_refunded: logged.credits_refunded,
      refunded: logged.credits_refunded > 0,
      tier_used: logged.tier,
      escalations: [],
      cached: false,
    },
    session: null,
    rate_limit: null,
    doc_url: null,
    ...extra,
  });
}

function logged(entry: Partial<RequestLogEntry>, extra: Partial<RequestDetail> = {}) {
  server.use(
    http.get(`${API}/requests/:id`, ({ params }) =>
      params.id === entry.request_id
        ? HttpResponse.json(detailOf(entry, extra), { headers: rateLimitHeaders(90) })
        : HttpResponse.json(envelope('NOT_FOUND', 'Request not found'), { status: 404 }),
    ),
  );
}

async function openRequest(entry: Partial<RequestLogEntry> = BLOCKED, id = ID, extra: Partial<RequestDetail> = {}) {
  logged(entry, extra);
  const view = renderApp(`/triage/requests/${id}`);
  await screen.findByRole('heading', { level: 1, name: `Request ${id}` }, { timeout: 5_000 });
  return view;
}

// Signed in, and the scrape page's own calls answered, for the test that reopens the request there.
setUpScrapeFormTests();

describe('a request’s page', () => {
  it('shows the request, the refund verdict and the guidance for its code', async () => {
    await openRequest(BLOCKED, ID, {
      response: { status: 403, code: 'BLOCKED_BY_ANTIBOT', message: 'Blocked by anti-bot protection', duration_ms: 3 },
    });
    expect(
      await screen.findByText('The API said: “Blocked by anti-bot protection”', { selector: 'dd span' }),
    ).toBeInTheDocument();
    expect(await screen.findByTestId('refund-verdict')).toHaveTextContent('Refunded, as the policy says');
    expect(screen.getByText('https://shop.example.com/item?id=7', { selector: 'dd code' })).toBeInTheDocument();
    expect(screen.getByText('5 credits charged, 5 credits refunded')).toBeInTheDocument();
    const card = await screen.findByTestId('guidance-card');
    expect(card).toHaveTextContent('BLOCKED_BY_ANTIBOT · HTTP 403');
  });

  it('gives a plain-text support summary, copied with one click', async () => {
    const { user } = await openRequest();
    const summary = (await screen.findByTestId('support-summary')).textContent!;
    const lines = summary.trimEnd().split('\n');
    expect(lines[0]).toBe(`Request ${ID}`);
    expect(lines).toContain('Time: 25 Nov 2026, 10:00:00 UTC');
    expect(lines).toContain('Call: POST /api/v1/scrape → https://shop.example.com/item?id=7');
    expect(lines.find((line) => line.startsWith('Outcome: '))).toMatch(/^Outcome: HTTP 403 BLOCKED_BY_ANTIBOT \(.+\)$/);
    expect(lines.find((line) => line.startsWith('What happened: '))?.length).toBeGreaterThan(30);
    expect(lines).toContain('Credits: 5 credits charged, 5 credits refunded');
    expect(lines).toContain('Refund: Refunded, as the policy says');
    expect(lines.find((line) => line.startsWith('What to do next: '))?.length).toBeGreaterThan(30);
    expect(lines.at(-1)).toMatch(new RegExp(`^Link: http://[^/]+/triage/requests/${ID}$`));
    expect(summary).not.toContain('sk_');

    await user.click(screen.getByRole('button', { name: 'Copy summary' }));
    expect(await screen.findByRole('button', { name: 'Copied' })).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe(summary);
  });

  it('copies a link that opens the same request', async () => {
    const { user } = await openRequest();
    await user.click(await screen.findByRole('button', { name: 'Copy link' }));
    const link = await navigator.clipboard.readText();
    expect(new URL(link).pathname).toBe(`/triage/requests/${ID}`);
    expect(screen.getByTestId('request-link')).toHaveTextContent(link);
  });

  it('reopens the scrape in the scrape page with its parameters and session, never a cookie', async () => {
    const parameters = {
      url: BLOCKED.url,
      mode: 'html',
      formats: ['text'],
      timeout: 30,
      max_tier: '2',
      session_id: SESSION,
      cookies: { tracker: '[redacted]' },
      wait_until: 'networkidle',
    };
    const { user, router } = await openRequest({ ...BLOCKED, session_id: SESSION }, ID, {
      parameters,
      session: { id: SESSION, name: 'Shop login' },
    });
    expect(await screen.findByTestId('request-parameters')).toHaveTextContent('"tracker": "[redacted]"');
    expect(screen.getByRole('link', { name: 'Shop login' })).toHaveAttribute('href', `/sessions?session=${SESSION}`);
    const open = screen.getByRole('link', { name: 'Open in the scrape page' });
    const href = new URL(open.getAttribute('href')!, 'http://localhost');
    expect(href.pathname).toBe('/scrape');
    expect([...href.searchParams.keys()].sort()).toEqual([
      'formats',
      'max_tier',
      'mode',
      'session_id',
      'timeout',
      'url',
    ]);
    expect(href.search).not.toContain('tracker');

    await user.click(open);
    const form = await findScrapeForm();
    expect(within(form).getByLabelText(/^URL/)).toHaveValue('https://shop.example.com/item?id=7');
    expect(within(form).getByRole('textbox', { name: /^Timeout/ })).toHaveValue('30');
    expect(within(form).getByRole('checkbox', { name: /^Text/ })).toBeChecked();
    expect(within(form).getByRole('checkbox', { name: /^Markdown/ })).not.toBeChecked();
    // Read once, then dropped from the address: a reload keeps what the user types next.
    await waitFor(() => expect(router.state.location.search).toEqual({}));
  });

  it('offers no rerun for a call that was not a scrape', async () => {
    await openRequest({ request_id: ID, method: 'GET', path: '/api/v1/usage', origin: 'dashboard' });
    expect(await screen.findByTestId('refund-verdict')).toHaveTextContent('No failure');
    expect(screen.queryByRole('link', { name: 'Open in the scrape page' })).not.toBeInTheDocument();
    expect(screen.queryByTestId('guidance-card')).not.toBeInTheDocument();
  });

  it('times a logged 429’s retry from when it was answered, not from when the page is read', async () => {
    const at = '2026-11-25T10:00:00.000Z';
    const reset = Date.parse(at) / 1000 + 30;
    await openRequest(
      { request_id: ID, method: 'POST', path: '/api/v1/scrape', status: 429, code: 'RATE_LIMIT_EXCEEDED', at },
      ID,
      { rate_limit: { limit: 100, remaining: 0, reset, burst_limit: 20, burst_remaining: 0 } },
    );
    const card = await screen.findByTestId('guidance-card');
    expect(within(card).getByTestId('retry-countdown')).toHaveTextContent('Safe to retry now.');
    expect(card).not.toHaveTextContent(/Wait: safe to retry in/);
  });

  it('says so when the request is not in this key’s log', async () => {
    await openRequest(BLOCKED, 'req_someone-else');
    expect(await screen.findByRole('alert')).toHaveTextContent('not in the connected key’s request log');
  });
});
