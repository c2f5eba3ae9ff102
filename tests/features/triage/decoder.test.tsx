import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { RequestErrors } from '../../../contract/request-detail';
import { useCredentialsStore } from '../../../src/api/credentials-store';
import { useDecoderStore } from '../../../src/features/triage/decoder-store';
import { DEMO_KEY } from '../../support/demo-keys';
import { requestLogFixture } from '../../support/msw/fixtures';
import { API, api, server } from '../../support/msw/server';
import { renderApp } from '../../support/render-app';

const REQUEST_ID = 'req_0b7f3c2e-5a41-4d6e-9c3b-7a2f1e8d9c10';
const noErrors: RequestErrors = { days: ['2026-11-25'], group: 'code_domain', groups: [] };

// Before any /requests/:id handler a test adds, which would take /requests/errors for an id.
const errorsHandler = http.get(`${API}/requests/errors`, () => HttpResponse.json(noErrors));

/** Every URL the page asked for, to check what left the browser. */
let requested: string[];
beforeEach(() => {
  useDecoderStore.setState({ text: '', decoded: null });
  useCredentialsStore.getState().keyEntered(DEMO_KEY.growth, false);
  server.use(errorsHandler);
  requested = [];
  server.events.on('request:start', ({ request }) => void requested.push(decodeURIComponent(request.url)));
  return () => server.events.removeAllListeners();
});

async function paste(text: string) {
  const view = renderApp('/triage');
  const box = await screen.findByRole('textbox', { name: 'Paste an error' });
  // Pasted, not typed: user-event would read the braces as key descriptors.
  fireEvent.change(box, { target: { value: text } });
  await view.user.click(screen.getByRole('button', { name: 'Decode' }));
  return { ...view, box };
}

describe('the decoder', () => {
  it('forgets the paste, which may hold a customer’s key, once another key is connected', async () => {
    const { box } = await paste('RATE_LIMIT_EXCEEDED');
    expect(await screen.findByRole('region', { name: /You pasted/ })).toBeInTheDocument();
    act(() => useCredentialsStore.getState().keyEntered(DEMO_KEY.free, false));
    expect(box).toHaveValue('');
    expect(screen.queryByRole('region', { name: /You pasted/ })).not.toBeInTheDocument();
  });

  it('says what is wrong with a malformed paste, and keeps it', async () => {
    const broken = '{"error": "BLOCKED_BY_ANTIBOT", "message": "blocked", ';
    const { box } = await paste(broken);
    expect(await screen.findByRole('alert')).toHaveTextContent(/looks like JSON but does not parse/);
    expect(box).toHaveValue(broken);
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(box).toHaveAccessibleDescription(/does not parse/);
    expect(screen.queryByTestId('guidance-card')).not.toBeInTheDocument();
  });

  it('quotes a short excerpt of a long unknown token, as typed, and keeps the whole paste', async () => {
    const token = 'x'.repeat(200_000);
    const { box } = await paste(token);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(`“${'x'.repeat(40)}…” is not a code the API answers with.`);
    expect(alert.textContent!.length).toBeLessThan(200);
    // Wrapped anywhere, so not even the excerpt can widen a narrow page.
    expect(alert).toHaveClass('wrap-anywhere');
    expect(box).toHaveValue(token);
    expect(box).toHaveAccessibleDescription(/is not a code the API answers with/);
  });

  it('quotes a short unknown code whole, as it was typed', async () => {
    await paste('not_a_real_code');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /^“not_a_real_code” is not a code the API answers with\./,
    );
  });

  it('decodes a BLOCKED_BY_ANTIBOT body: the guidance, the refund verdict, and nothing sent', async () => {
    const body = JSON.stringify({
      error: 'BLOCKED_BY_ANTIBOT',
      message: 'The page is behind an anti-bot wall the tiers tried could not pass',
      billing: { refunded: true, refunded_credits: 5 },
    });
    const { box } = await paste(body);
    const decoded = await screen.findByRole('region', { name: 'You pasted an error body' });
    expect(within(decoded).getByTestId('refund-verdict')).toHaveTextContent(
      'Refunded (5 credits), as the policy says.',
    );
    expect(decoded).toHaveTextContent('No status pasted; this code is answered with 403.');
    expect(screen.getByTestId('guidance-card')).toHaveTextContent('BLOCKED_BY_ANTIBOT · HTTP 403');
    expect(box).toHaveValue(body);
    expect(requested.filter((url) => url.includes('anti-bot') || url.includes('BLOCKED'))).toEqual([]);
  });

  it('moves the focus to what it decoded, so it is read out and Tab goes on from there', async () => {
    await paste(JSON.stringify({ error: 'TIMEOUT', message: 'slow' }));
    expect(await screen.findByRole('heading', { name: 'You pasted an error body' })).toHaveFocus();
  });

  it('keeps the paste and its reading when the user leaves the page and comes back', async () => {
    const body = JSON.stringify({ error: 'TIMEOUT', message: 'slow' });
    const { router } = await paste(body);
    await screen.findByRole('region', { name: 'You pasted an error body' });
    await router.navigate({ to: '/errors' });
    await screen.findByRole('heading', { level: 1, name: 'Error reference' });
    router.history.back();
    expect(await screen.findByRole('textbox', { name: 'Paste an error' })).toHaveValue(body);
    const decoded = await screen.findByRole('region', { name: 'You pasted an error body' });
    // Coming back is not a decode: the focus stays where the page puts it.
    expect(within(decoded).getByRole('heading')).not.toHaveFocus();
  });

  it('counts a one-credit refund in the singular', async () => {
    await paste(
      JSON.stringify({ error: 'TIMEOUT', message: 'slow', billing: { refunded: true, refunded_credits: 1 } }),
    );
    expect(await screen.findByTestId('refund-verdict')).toHaveTextContent('Refunded (1 credit), as the policy says.');
  });

  it('flags a status the code is never answered with, and owes a refund the policy says', async () => {
    await paste(
      [
        'HTTP/1.1 500 Internal Server Error',
        'content-type: application/json',
        '',
        '{"error":"TIMEOUT","message":"slow","billing":{"refunded":false,"refunded_credits":0}}',
      ].join('\r\n'),
    );
    const decoded = await screen.findByRole('region', { name: 'You pasted a whole response' });
    expect(within(decoded).getByRole('alert')).toHaveTextContent(
      'HTTP 500 does not match: this code is answered with 504.',
    );
    expect(within(decoded).getByTestId('refund-verdict')).toHaveTextContent(
      'Not refunded, but the policy says this failure should be: a refund is owed.',
    );
  });

  it('guides a pasted SESSION_EXPIRED body of a stored session as that session’s, not the dashboard login', async () => {
    await paste(
      JSON.stringify({
        error: 'SESSION_EXPIRED',
        message: 'Session 7d0c1a5e-2f4b-4c3d-9e8f-0a1b2c3d4e5f has expired: refresh its cookies',
        details: { session_id: '7d0c1a5e-2f4b-4c3d-9e8f-0a1b2c3d4e5f', expires_at: null },
      }),
    );
    const card = await screen.findByTestId('guidance-card');
    expect(within(card).getByRole('heading', { level: 2 })).toHaveTextContent("Stored session's cookies expired (410)");
    expect(within(card).queryByRole('link', { name: 'Log in again' })).not.toBeInTheDocument();
  });

  it('reads a bare 410 as the codes answered with it, and links to them', async () => {
    await paste('410');
    const card = await screen.findByTestId('guidance-card');
    expect(within(card).getByRole('heading', { level: 2 })).toHaveTextContent(
      'SESSION_EXPIRED or SESSION_INACTIVE (410)',
    );
    expect(card).not.toHaveTextContent(/does not know/);
    expect(within(card).getByRole('link', { name: 'About 410 in the error reference' })).toHaveAttribute(
      'href',
      '/errors/410?status=410',
    );
  });

  it('times a retry from the pasted headers', async () => {
    const sent = new Date(Date.now() - 10_000);
    await paste(
      [
        'HTTP/2 429',
        `date: ${sent.toUTCString()}`,
        'retry-after: 40',
        'x-ratelimit-reset: 1',
        '',
        '{"error":"RATE_LIMIT_EXCEEDED","message":"Too many"}',
      ].join('\n'),
    );
    const advice = await screen.findByTestId('retry-advice');
    expect(advice).toHaveTextContent('from the pasted Retry-After header');
    expect(advice).toHaveTextContent(/in (29|30|31) s\./);
  });

  it('counts down to the retry with the guidance card, the same second in both', async () => {
    // Between two seconds: a view that read the time to the millisecond would say one less than one that floors it.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-25T10:00:00.400Z') });
    onTestFinished(() => void vi.useRealTimers());
    await paste(
      ['HTTP/1.1 429 Too Many Requests', 'retry-after: 30', '', '{"error":"RATE_LIMIT_EXCEEDED"}'].join('\n'),
    );
    const decoded = await screen.findByTestId('retry-advice');
    const card = within(screen.getByTestId('guidance-card')).getByTestId('retry-countdown');
    const seconds = (element: HTMLElement) => /in (\d+) s\b/.exec(element.textContent ?? '')?.[1];
    // The page's clock is floored to the second: "31 s" for a wait of 30 s that began 0.4 s into a second, never less.
    expect([seconds(decoded), seconds(card)]).toEqual(['31', '31']);

    vi.setSystemTime(new Date('2026-11-25T10:00:01.400Z'));
    await waitFor(() => expect([seconds(decoded), seconds(card)]).toEqual(['30', '30']));
  });

  it('looks a pasted request id up in this key’s log, the only call it makes', async () => {
    server.use(
      errorsHandler,
      api.get('/requests/:id', ({ params }) =>
        HttpResponse.json(
          requestLogFixture([
            {
              request_id: String(params.id),
              method: 'POST',
              path: '/api/v1/scrape',
              status: 402,
              code: 'PAYWALL_DETECTED',
              url: 'https://news.example.com/story',
              credits_charged: 1,
              credits_refunded: 1,
            },
          ]).requests[0]!,
        ),
      ),
    );
    await paste(`  ${REQUEST_ID}\n`);
    const logged = await screen.findByRole('region', { name: 'In this key’s request log' });
    expect(logged).toHaveTextContent('https://news.example.com/story');
    expect(logged).toHaveTextContent('1 credit charged, 1 credit refunded');
    expect(within(logged).getByRole('link', { name: 'Open this request in full' })).toHaveAttribute(
      'href',
      `/triage/requests/${REQUEST_ID}`,
    );
    expect(requested.filter((url) => url.includes(REQUEST_ID))).toEqual([
      `${new URL(requested[0]!).origin}/api/v1/requests/${REQUEST_ID}`,
    ]);
  });

  it('says when the id is not this key’s', async () => {
    server.use(
      errorsHandler,
      api.get('/requests/:id', () =>
        HttpResponse.json({ error: 'NOT_FOUND', message: 'Request not found' }, { status: 404 }),
      ),
    );
    await paste(REQUEST_ID);
    expect(await screen.findByText(/not in the connected key’s request log/)).toBeInTheDocument();
  });
});
