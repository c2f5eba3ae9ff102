import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { estimateSchema, scrapeRequestSchema, type Estimate, type ScrapeRequest } from '../../../contract/scrape';
import { useCredentialsStore } from '../../../src/api/credentials-store';
import { useRunHistoryStore } from '../../../src/features/scrape/run-history-store';
import { envelope, rateLimitHeaders } from '../../support/msw/fixtures';
import { API, server } from '../../support/msw/server';
import { renderApp } from '../../support/render-app';

const KEY = 'sk_test_growth00000000000000000000000000';
const DEMO = 'http://127.0.0.1:8788';

const estimateFixture = (overrides: Partial<Estimate> = {}): Estimate =>
  estimateSchema.parse({
    estimated_tier: '1',
    estimated_credits: 1,
    max_possible_credits: 5,
    confidence: 'low',
    ...overrides,
  });

/** What the API was asked, as sent; checked with the contract's schema, so a body it would refuse fails the test. */
let estimates: ScrapeRequest[];
let scrapes: ScrapeRequest[];
const checked = (body: unknown) => {
  scrapeRequestSchema.parse(body);
  return body as ScrapeRequest;
};

beforeEach(() => {
  useCredentialsStore.getState().keyEntered(KEY, false);
  useRunHistoryStore.getState().historyCleared();
  estimates = [];
  scrapes = [];
  server.use(
    http.post(`${API}/scrape/estimate`, async ({ request }) => {
      estimates.push(checked(await request.json()));
      return HttpResponse.json(estimateFixture(), { headers: rateLimitHeaders(90) });
    }),
    http.post(`${API}/scrape`, async ({ request }) => {
      scrapes.push(checked(await request.json()));
      return HttpResponse.json(
        envelope('BLOCKED_BY_ANTIBOT', 'Blocked by anti-bot protection', {
          billing: { refunded: true, refunded_credits: 5 },
        }),
        { status: 403, headers: rateLimitHeaders(89) },
      );
    }),
  );
});

async function openForm() {
  const view = renderApp('/scrape');
  const form = await screen.findByRole('form', { name: 'Scrape request' });
  return { ...view, form };
}

describe('scrape form: validation', () => {
  it('shows the contract’s messages at the fields, sends nothing, focuses the first field and keeps the values', async () => {
    const { user, form } = await openForm();
    const url = within(form).getByLabelText('URL to scrape');
    const timeout = within(form).getByLabelText('Timeout (seconds)');
    const ttl = within(form).getByLabelText('Cache lifetime (seconds)');
    expect(ttl).toBeDisabled();

    await user.type(url, 'example.com/page');
    await user.clear(timeout);
    await user.type(timeout, '0');
    await user.click(within(form).getByLabelText('Use the cache'));
    expect(ttl).toBeEnabled();
    await user.clear(ttl);
    await user.type(ttl, '10');
    await user.click(within(form).getByRole('button', { name: 'Run scrape' }));

    expect(await within(form).findByText('Enter a full http:// or https:// URL')).toHaveAttribute('role', 'alert');
    expect(within(form).getByText('At least 1 second')).toBeInTheDocument();
    expect(within(form).getByText('At least 60 seconds')).toBeInTheDocument();
    expect(url).toHaveAttribute('aria-invalid', 'true');
    expect(url).toHaveAccessibleDescription(/Enter a full http:\/\/ or https:\/\/ URL/);
    expect(timeout).toHaveAttribute('aria-invalid', 'true');
    expect(ttl).toHaveAttribute('aria-invalid', 'true');
    expect(url).toHaveFocus();

    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(scrapes).toHaveLength(0);
    expect(estimates).toHaveLength(0);
    expect(url).toHaveValue('example.com/page');
    expect(timeout).toHaveValue('0');
    expect(ttl).toHaveValue('10');
  });

  it('shows a field’s error when the user leaves it, and clears it once fixed', async () => {
    const { user, form } = await openForm();
    const timeout = within(form).getByLabelText('Timeout (seconds)');
    await user.clear(timeout);
    await user.type(timeout, '301');
    await user.tab();
    expect(await within(form).findByText('At most 300 seconds')).toBeInTheDocument();
    await user.clear(timeout);
    await user.type(timeout, '30');
    await waitFor(() => expect(within(form).queryByText('At most 300 seconds')).not.toBeInTheDocument());
    expect(timeout).not.toHaveAttribute('aria-invalid');
  });

  it('sends exactly the request built from the form, and keeps every value after the API refuses it', async () => {
    const { user, form } = await openForm();
    await user.type(within(form).getByLabelText('URL to scrape'), `${DEMO}/antibot`);
    await user.selectOptions(within(form).getByLabelText('Maximum tier'), '2');
    await user.click(within(form).getByLabelText('Markdown'));
    await user.click(within(form).getByLabelText('Run in the background (async job)'));
    await user.click(within(form).getByLabelText('Run in the background (async job)'));
    await user.click(within(form).getByRole('button', { name: 'Run scrape' }));

    expect(await screen.findByTestId('guidance-card')).toHaveTextContent('BLOCKED_BY_ANTIBOT');
    expect(scrapes).toEqual([{ url: `${DEMO}/antibot`, formats: ['markdown'], max_tier: '2' }]);
    expect(within(form).getByLabelText('URL to scrape')).toHaveValue(`${DEMO}/antibot`);
    expect(within(form).getByLabelText('Maximum tier')).toHaveValue('2');
    expect(within(form).getByLabelText('Markdown')).toBeChecked();
  });

  it('adds and removes cookie rows from the keyboard, and asks for a cookie’s name', async () => {
    const { user, form } = await openForm();
    await user.type(within(form).getByLabelText('URL to scrape'), `${DEMO}/members`);
    const add = within(form).getByRole('button', { name: 'Add a cookie' });
    add.focus();
    await user.keyboard('{Enter}');
    expect(within(form).getByLabelText('Cookie 1 Name')).toHaveFocus();
    await user.tab();
    await user.keyboard('valid');
    expect(within(form).getByLabelText('Cookie 1 Value')).toHaveValue('valid');
    await user.click(within(form).getByRole('button', { name: 'Run scrape' }));
    expect(await within(form).findByText('Every cookie needs a name.')).toBeInTheDocument();
    expect(scrapes).toHaveLength(0);

    await user.type(within(form).getByLabelText('Cookie 1 Name'), 'demo_session');
    add.focus();
    await user.keyboard('{Enter}');
    within(form).getByRole('button', { name: 'Remove cookie 2' }).focus();
    await user.keyboard('{Enter}');
    expect(within(form).queryByLabelText('Cookie 2 Name')).not.toBeInTheDocument();
    expect(add).toHaveFocus();
    await user.click(within(form).getByRole('button', { name: 'Run scrape' }));
    await waitFor(() => expect(scrapes).toEqual([{ url: `${DEMO}/members`, cookies: { demo_session: 'valid' } }]));
  });
});

describe('scrape form: demo presets', () => {
  it('fills the form from a demo target without running it', async () => {
    const { user, form } = await openForm();
    const presets = await within(form).findByRole('region', { name: 'Try a demo target' });
    const antibot = within(presets).getByRole('button', { name: 'Anti-bot block' });
    expect(antibot).toHaveAccessibleDescription(/BLOCKED_BY_ANTIBOT/);

    await user.click(antibot);
    expect(within(form).getByLabelText('URL to scrape')).toHaveValue(`${DEMO}/antibot`);
    expect(within(presets).getByRole('status')).toHaveTextContent('Loaded “Anti-bot block”');

    await user.click(within(presets).getByRole('button', { name: 'Slow page (timeout)' }));
    expect(within(form).getByLabelText('URL to scrape')).toHaveValue(`${DEMO}/slow?ms=5000`);
    expect(within(form).getByLabelText('Timeout (seconds)')).toHaveValue('2');

    await user.click(within(presets).getByRole('button', { name: 'Browser challenge' }));
    expect(within(form).getByLabelText('Mode')).toHaveValue('html');
    expect(within(form).getByLabelText('Timeout (seconds)')).toHaveValue('90');
    expect(within(presets).getAllByRole('button')).toHaveLength(14);
    expect(scrapes).toHaveLength(0);
  });

  it('shows no demo targets against a server that is not the sandbox', async () => {
    server.use(http.get(`${API}/sandbox/info`, () => HttpResponse.json(envelope('NOT_FOUND', 'No'), { status: 404 })));
    const { form } = await openForm();
    await waitFor(() => expect(within(form).getByLabelText('URL to scrape')).toBeInTheDocument());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(within(form).queryByRole('region', { name: 'Try a demo target' })).not.toBeInTheDocument();
  });
});

describe('scrape form: cost estimate', () => {
  it('asks once, after typing stops, and only about a valid request', async () => {
    const { user, form } = await openForm();
    await user.type(within(form).getByLabelText('URL to scrape'), `${DEMO}/article`);
    const line = within(form).getByTestId('estimate');
    expect(line).toHaveAttribute('aria-live', 'polite');
    expect(line).toHaveTextContent('Estimating…');
    expect(
      await within(form).findByText('Estimated 1 credit at tier 1 (confidence low); at most 5 credits.'),
    ).toBeInTheDocument();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(estimates).toEqual([{ url: `${DEMO}/article` }]);

    await user.clear(within(form).getByLabelText('URL to scrape'));
    await user.type(within(form).getByLabelText('URL to scrape'), 'not a url');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(estimates).toHaveLength(1);
    expect(line).toHaveTextContent('');
  });

  it('says why there is no estimate, and hides the line on a server without the endpoint', async () => {
    let status = 503;
    server.use(
      http.post(`${API}/scrape/estimate`, () =>
        HttpResponse.json(envelope(status === 404 ? 'NOT_FOUND' : 'SERVICE_UNAVAILABLE', 'No'), { status }),
      ),
    );
    const { user, form } = await openForm();
    const url = within(form).getByLabelText('URL to scrape');
    await user.type(url, `${DEMO}/article`);
    expect(await within(form).findByText('No estimate: SERVICE_UNAVAILABLE')).toBeInTheDocument();

    status = 404;
    await user.type(url, '?page=2');
    await waitFor(() => expect(within(form).getByTestId('estimate')).toHaveTextContent(/^$/), { timeout: 2000 });
  });
});

describe('scrape form: draft', () => {
  const draft = () => sessionStorage.getItem('scrape-dashboard.scrape-draft') ?? '';

  it('survives a remount with the cookie names but not their values', async () => {
    const first = await openForm();
    const { user } = first;
    await user.type(within(first.form).getByLabelText('URL to scrape'), `${DEMO}/members`);
    await user.selectOptions(within(first.form).getByLabelText('Mode'), 'js');
    await user.click(within(first.form).getByRole('button', { name: 'Add a cookie' }));
    await user.type(within(first.form).getByLabelText('Cookie 1 Name'), 'demo_session');
    await user.type(within(first.form).getByLabelText('Cookie 1 Value'), 'secret-value');
    await waitFor(() => expect(draft()).toContain('demo_session'));
    expect(draft()).not.toContain('secret-value');
    expect(draft()).not.toContain(KEY);
    first.unmount();

    const { form } = await openForm();
    expect(within(form).getByLabelText('URL to scrape')).toHaveValue(`${DEMO}/members`);
    expect(within(form).getByLabelText('Mode')).toHaveValue('js');
    expect(within(form).getByLabelText('Cookie 1 Name')).toHaveValue('demo_session');
    expect(within(form).getByLabelText('Cookie 1 Value')).toHaveValue('');
  });

  it('keeps what was loaded last, even when the page is left at once', async () => {
    const first = await openForm();
    await first.user.click(await within(first.form).findByRole('button', { name: 'Anti-bot block' }));
    first.unmount();
    const { form } = await openForm();
    expect(within(form).getByLabelText('URL to scrape')).toHaveValue(`${DEMO}/antibot`);
  });

  it('ignores a draft it cannot read', async () => {
    sessionStorage.setItem('scrape-dashboard.scrape-draft', '{"url": 42, "mode": "warp", "cookies": "x"}');
    const { form } = await openForm();
    expect(within(form).getByLabelText('URL to scrape')).toHaveValue('');
    expect(within(form).getByLabelText('Mode')).toHaveValue('auto');
  });
});

describe('scrape form: code snippets', () => {
  const request = { url: `${DEMO}/article`, formats: ['markdown'], cache: true, cookies: { sid: 'abc123' } };
  const json = JSON.stringify(request, null, 2);

  async function fillForm() {
    const view = await openForm();
    const { user, form } = view;
    await user.type(within(form).getByLabelText('URL to scrape'), request.url);
    await user.click(within(form).getByLabelText('Markdown'));
    await user.click(within(form).getByLabelText('Use the cache'));
    await user.click(within(form).getByRole('button', { name: 'Add a cookie' }));
    await user.type(within(form).getByLabelText('Cookie 1 Name'), 'sid');
    await user.type(within(form).getByLabelText('Cookie 1 Value'), 'abc123');
    return { ...view, snippets: screen.getByRole('region', { name: 'Code for this request' }) };
  }

  it('shows the exact request with the key as an environment variable, in three languages, by keyboard', async () => {
    const { user, snippets } = await fillForm();
    const base = `${window.location.origin}/api/v1/scrape`;
    const curl = within(snippets).getByRole('tab', { name: 'curl' });
    expect(curl).toHaveAttribute('aria-selected', 'true');
    let panel = within(snippets).getByRole('tabpanel');
    expect(panel).toHaveTextContent(`'${base}'`, { normalizeWhitespace: false });
    expect(panel.textContent).toContain(`--data-raw '${json}'`);
    expect(panel.textContent).toContain('-H "X-API-Key: $ALTERLAB_API_KEY"');
    expect(snippets).toHaveTextContent('Contains the cookie values you entered');

    curl.focus();
    await user.keyboard('{ArrowRight}');
    expect(within(snippets).getByRole('tab', { name: 'Python' })).toHaveAttribute('aria-selected', 'true');
    panel = within(snippets).getByRole('tabpanel');
    expect(panel.textContent).toContain('headers={"X-API-Key": os.environ["ALTERLAB_API_KEY"]}');
    expect(panel.textContent).toContain(`payload = ${json.replace('true', 'True')}`);

    await user.keyboard('{ArrowRight}');
    panel = within(snippets).getByRole('tabpanel', { name: 'Node' });
    expect(panel.textContent).toContain(`const payload = ${json};`);
    expect(panel.textContent).toContain("'X-API-Key': process.env.ALTERLAB_API_KEY");
    expect(useCredentialsStore.getState().apiKey).toBe(KEY);
    expect(document.body.textContent).not.toContain(KEY);
  });

  it('copies the shown snippet, and says so', async () => {
    const { user, snippets } = await fillForm();
    await user.click(within(snippets).getByRole('button', { name: 'Copy the curl code' }));
    expect(within(snippets).getByRole('status')).toHaveTextContent('Copied');
    const copied = await navigator.clipboard.readText();
    expect(copied).toBe(within(snippets).getByRole('tabpanel').textContent);
    expect(copied).not.toContain(KEY);
  });

  it('says how to copy by hand when the browser has no clipboard', async () => {
    const { user, snippets } = await fillForm();
    const original = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    try {
      await user.click(within(snippets).getByRole('button', { name: 'Copy the curl code' }));
      expect(within(snippets).getByRole('status')).toHaveTextContent(/select the code and copy it/);
    } finally {
      if (original) Object.defineProperty(navigator, 'clipboard', original);
    }
  });
});
