import { screen, waitFor, within } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useCredentialsStore } from '../../../src/api/credentials-store';
import { keyFingerprint, useRateLimitStore } from '../../../src/api/rate-limit-store';
import { DEMO_KEY } from '../../support/demo-keys';
import { envelope, rateLimitHeaders, usageFixture } from '../../support/msw/fixtures';
import { API, api, server } from '../../support/msw/server';
import { renderApp } from '../../support/render-app';

const KEY = DEMO_KEY.free;
const burst = (remaining: number) => ({
  'X-RateLimit-Burst-Limit': '5',
  'X-RateLimit-Burst-Remaining': String(remaining),
});

beforeEach(() => useCredentialsStore.getState().keyEntered(KEY, false));
afterEach(() => vi.unstubAllGlobals());

/**
 * GET /usage as the sandbox answers the free key: `left` calls of the minute, then 429s once `answered` calls
 * have been answered. Returns how many calls arrived.
 */
function freeUsage({ left = 12, answered = Infinity, balance = 1000 } = {}) {
  const calls = { count: 0 };
  const reset = String(Math.floor(Date.now() / 1000) + 40);
  server.use(
    api.get('/usage', () => {
      calls.count++;
      const headers = { ...rateLimitHeaders(left, 30), 'X-RateLimit-Reset': reset };
      if (calls.count > answered) {
        return HttpResponse.json(envelope('RATE_LIMIT_EXCEEDED', 'Burst limit of 5 requests per second exceeded'), {
          status: 429,
          headers: { ...headers, ...burst(0), 'Retry-After': '1' },
        });
      }
      left--;
      return HttpResponse.json(usageFixture({ plan: 'free', balance_credits: balance }), {
        headers: { ...headers, 'X-RateLimit-Remaining': String(left), ...burst(4) },
      });
    }),
  );
  return calls;
}

async function renderPage() {
  const view = renderApp('/rate-limits');
  await screen.findByRole('heading', { name: 'Rate limits', level: 1 });
  return view;
}

describe('/rate-limits', () => {
  it('shows the minute as the header meter does, with the countdown, the forecast and the plan marked', async () => {
    freeUsage({ left: 12 });
    await renderPage();
    await waitFor(() => expect(screen.getByTestId('gauge-remaining')).toHaveTextContent('11 / 30 left this minute'));
    expect(screen.getByTestId('rate-limit-remaining')).toHaveTextContent('11 / 30');
    expect(screen.getByTestId('reset-countdown')).toHaveTextContent(/^\d+ s$/);
    expect(screen.getByTestId('gauge-burst')).toHaveTextContent('4 / 5');
    expect(screen.getByTestId('rate-limit-forecast')).toHaveTextContent(/At the current rate .* Sending is safe now\./);

    const plans = screen.getByRole('table', { name: 'Rate limits of each plan' });
    expect(
      within(plans)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Free (your plan)', 'Basic', 'Growth', 'Scale', 'High Volume']);
  });

  it('lists the timeline’s calls in a table: who made each, the answer, and what was left', async () => {
    const fingerprint = keyFingerprint(KEY);
    const at = Date.now() - 5000;
    const reset = Math.floor(Date.now() / 1000) + 40;
    const base = { limit: 30, reset, burst: null, method: 'GET', path: '/usage', retryAfter: null };
    useRateLimitStore.getState().responseObserved(fingerprint, {
      ...base,
      at,
      remaining: 9,
      source: 'user',
      status: 200,
      code: null,
    });
    useRateLimitStore.getState().responseObserved(fingerprint, {
      ...base,
      at: at + 100,
      remaining: 0,
      source: 'user',
      status: 429,
      code: 'RATE_LIMIT_EXCEEDED',
    });
    freeUsage({ left: 9, answered: 0 });
    const { user } = await renderPage();

    expect(screen.getAllByTestId('marker-429').length).toBeGreaterThanOrEqual(1);
    expect(screen.getAllByTestId('marker-user')).toHaveLength(1);
    await user.click(screen.getByText('The same calls as a table'));
    const rows = within(screen.getByTestId('timeline-table')).getAllByRole('row').slice(1);
    const texts = rows.map((row) => row.textContent);
    expect(texts.at(-1)).toMatch(/YouGET \/usage2009 \/ 30$/);
    expect(texts.at(-2)).toMatch(/YouGET \/usage429 RATE_LIMIT_EXCEEDED0 \/ 30$/);
    expect(screen.getByRole('img', { name: /refused with 429/ })).toBeInTheDocument();
  });

  it('refuses a burst size outside 1–20 and sends nothing, then sends what it says', async () => {
    const calls = freeUsage({ left: 20, answered: 3 });
    const { user } = await renderPage();
    await waitFor(() => expect(calls.count).toBe(1)); // the page's own GET /usage
    const field = screen.getByLabelText(/Requests to send/);
    for (const bad of ['0', '21', '2.5']) {
      await user.clear(field);
      await user.type(field, bad);
      await user.click(screen.getByRole('button', { name: 'Send a burst' }));
      expect(await screen.findByText('Enter a whole number from 1 to 20.')).toBeInTheDocument();
      expect(field).toHaveAttribute('aria-invalid', 'true');
    }
    expect(calls.count).toBe(1);

    await user.clear(field);
    await user.type(field, '4');
    await user.click(screen.getByRole('button', { name: 'Send a burst' }));
    expect(await screen.findByText('Sent 4: 2 answered, 2 refused with 429.')).toBeInTheDocument();
    expect(calls.count).toBe(5);
    expect(screen.queryByText('Enter a whole number from 1 to 20.')).toBeNull();
    expect(screen.getAllByTestId('marker-429')).toHaveLength(2);
  });

  it('keeps the keyboard on “Send a burst” while the burst is out, and sends one burst at a time', async () => {
    const calls = freeUsage({ left: 20 });
    const { user } = await renderPage();
    await waitFor(() => expect(calls.count).toBe(1)); // the page's own GET /usage
    // Each answer a moment late, so the burst is seen while it is out.
    server.use(http.get(`${API}/usage`, async () => void (await delay(50))));
    const field = screen.getByLabelText(/Requests to send/);
    await user.clear(field);
    await user.type(field, '3{Enter}');
    const sending = await screen.findByRole('button', { name: 'Sending…' });
    expect(sending).toHaveAttribute('aria-disabled', 'true');
    await user.click(sending); // a second press while it runs sends nothing more
    expect(await screen.findByText('Sent 3: 3 answered, 0 refused with 429.')).toBeInTheDocument();
    expect(calls.count).toBe(4);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Send a burst' }));
  });

  it('fires the alerts the user sets, on the page and as a browser notification when allowed', async () => {
    const shown: { title: string; body: string | undefined }[] = [];
    vi.stubGlobal(
      'Notification',
      class {
        static permission = 'granted';
        static requestPermission = () => Promise.resolve('granted');
        constructor(title: string, options?: NotificationOptions) {
          shown.push({ title, body: options?.body });
        }
      },
    );
    freeUsage({ left: 12, answered: 1, balance: 1000 });
    const { user } = await renderPage();
    await waitFor(() => expect(screen.getByTestId('gauge-remaining')).toHaveTextContent('11 / 30'));
    const alerts = screen.getByRole('alert');
    expect(alerts).toBeEmptyDOMElement();

    await user.click(screen.getByLabelText('Remaining is under'));
    await user.clear(screen.getByLabelText('Remaining under, in percent'));
    await user.type(screen.getByLabelText('Remaining under, in percent'), '50');
    await user.click(screen.getByLabelText('A call is refused with 429'));
    await user.click(screen.getByLabelText('The balance is under'));
    await user.clear(screen.getByLabelText('Balance under, in credits'));
    await user.type(screen.getByLabelText('Balance under, in credits'), '2000');
    await user.click(screen.getByRole('button', { name: 'Save alerts' }));

    expect(await within(alerts).findByText(/Remaining under 50 %: 11 \/ 30 left this minute\./)).toBeInTheDocument();
    expect(within(alerts).getByText(/Balance under 2000 credits: 1000 left\./)).toBeInTheDocument();
    expect(within(alerts).queryByText(/refused with 429/)).toBeNull();

    await user.clear(screen.getByLabelText(/Requests to send/));
    await user.type(screen.getByLabelText(/Requests to send/), '1');
    await user.click(screen.getByRole('button', { name: 'Send a burst' }));
    expect(await within(alerts).findByText(/A call was refused with 429 \(RATE_LIMIT_EXCEEDED\)/)).toBeInTheDocument();
    await waitFor(() => expect(shown.map((one) => one.body)).toHaveLength(3));
    expect(shown.map((one) => one.body).join('\n')).toMatch(/Remaining under 50 %[\s\S]*refused with 429/);
    // Kept for this key in this browser, under its fingerprint only.
    const stored = JSON.stringify({ ...localStorage });
    expect(stored).toContain(`rate-limit-alerts:${keyFingerprint(KEY)}`);
    expect(stored).not.toContain(KEY);
  });

  it('refuses an alert threshold that is not a share or a count of credits', async () => {
    freeUsage();
    const { user } = await renderPage();
    await user.click(screen.getByLabelText('Remaining is under'));
    await user.clear(screen.getByLabelText('Remaining under, in percent'));
    await user.type(screen.getByLabelText('Remaining under, in percent'), '150');
    await user.click(screen.getByRole('button', { name: 'Save alerts' }));
    expect(
      await screen.findByText('Use a share from 1 to 100 % and a whole number of credits (0 or more).'),
    ).toBeInTheDocument();
    expect(localStorage.getItem(`rate-limit-alerts:${keyFingerprint(KEY)}`)).toBeNull();
  });
});
