import { screen, waitFor, within } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { envelope } from '../../support/msw/fixtures';
import { api, server } from '../../support/msw/server';
import { DEMO, openForm, sent, setUpScrapeFormTests, startFakeClock } from '../../support/scrape-form';
import { advance } from '../../support/scrape-run';

setUpScrapeFormTests();

describe('scrape form: validation', () => {
  it('shows the contract’s messages at the fields, sends nothing, focuses the first field and keeps the values', async () => {
    const { user, form } = await openForm();
    startFakeClock();
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

    await advance(1_000);
    expect(sent.scrapes).toHaveLength(0);
    expect(sent.estimates).toHaveLength(0);
    expect(url).toHaveValue('example.com/page');
    expect(timeout).toHaveValue('0');
    expect(ttl).toHaveValue('10');
  });

  it('says nothing as a field is left, shows its error at it on Run, and clears it as the fix is typed', async () => {
    const { user, form } = await openForm();
    startFakeClock();
    const url = within(form).getByLabelText('URL to scrape');
    await user.type(url, 'example.com/page');
    await user.tab();
    await advance(1_000);
    expect(within(form).queryByRole('alert')).not.toBeInTheDocument();
    expect(url).not.toHaveAttribute('aria-invalid');

    await user.click(within(form).getByRole('button', { name: 'Run scrape' }));
    expect(await within(form).findByText('Enter a full http:// or https:// URL')).toHaveAttribute('role', 'alert');
    expect(url).toHaveAttribute('aria-invalid', 'true');
    expect(url).toHaveFocus();
    // Once shown, an error is checked again as the field changes, without another Run.
    await user.clear(url);
    await user.type(url, `${DEMO}/article`);
    await waitFor(() => expect(within(form).queryByRole('alert')).not.toBeInTheDocument());
    expect(url).not.toHaveAttribute('aria-invalid');
    expect(sent.scrapes).toHaveLength(0);
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
    expect(sent.scrapes).toEqual([{ url: `${DEMO}/antibot`, formats: ['markdown'], max_tier: '2' }]);
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
    expect(await within(form).findByText('A cookie needs a name')).toBeInTheDocument();
    expect(within(form).getByLabelText('Cookie 1 Name')).toHaveAccessibleDescription('A cookie needs a name');
    expect(within(form).getByLabelText('Cookie 1 Name')).toHaveFocus();
    expect(sent.scrapes).toHaveLength(0);

    await user.type(within(form).getByLabelText('Cookie 1 Name'), 'demo_session');
    add.focus();
    await user.keyboard('{Enter}');
    within(form).getByRole('button', { name: 'Remove cookie 2' }).focus();
    await user.keyboard('{Enter}');
    expect(within(form).queryByLabelText('Cookie 2 Name')).not.toBeInTheDocument();
    expect(add).toHaveFocus();
    await user.click(within(form).getByRole('button', { name: 'Run scrape' }));
    await waitFor(() => expect(sent.scrapes).toEqual([{ url: `${DEMO}/members`, cookies: { demo_session: 'valid' } }]));
  });
});

describe('scrape form: labels', () => {
  it('names each tier with its price, each mode with its surcharge, and says the defaults', async () => {
    const { form } = await openForm();
    const options = (label: string) =>
      within(within(form).getByLabelText(label))
        .getAllByRole('option')
        .map((option) => option.textContent);
    expect(options('Maximum tier')).toEqual([
      '1 · plain HTTP (1 credit)',
      '2 · browser-like headers (2)',
      '3 · headless browser (5)',
      '4 · browser + CAPTCHA solving (20)',
    ]);
    expect(options('Mode')).toEqual([
      'auto · let the API decide',
      'html · fetch the HTML, no JavaScript',
      'js · run the page’s JavaScript in a browser',
      'pdf · read a PDF (+2 credits)',
      'ocr · read the text of an image (+5 credits)',
    ]);
    expect(within(form).getByLabelText('Maximum tier')).toHaveValue('3');
    expect(within(form).getByLabelText('Timeout (seconds)')).toHaveValue('90');
    expect(within(form).getByLabelText('Timeout (seconds)')).toHaveAccessibleDescription(
      /^1 to 300; 90 when left as is/,
    );
  });
});

describe('scrape form: demo presets', () => {
  it('fills the form from a demo target without running it', async () => {
    const { user, form } = await openForm();
    const presets = await screen.findByRole('region', { name: 'Try a demo target' });
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
    // The same target again puts back what was changed since.
    await user.selectOptions(within(form).getByLabelText('Mode'), 'js');
    await user.click(within(presets).getByRole('button', { name: 'Browser challenge' }));
    expect(within(form).getByLabelText('Mode')).toHaveValue('html');
    expect(within(presets).getAllByRole('button')).toHaveLength(14);
    expect(sent.scrapes).toHaveLength(0);
  });

  it('shows no demo targets against a server that is not the sandbox', async () => {
    server.use(api.get('/sandbox/info', () => HttpResponse.json(envelope('NOT_FOUND', 'No'), { status: 404 })));
    const { queryClient } = await openForm();
    // Only once the answer is in can its absence be told from "not yet".
    await waitFor(() => expect(queryClient.getQueryState(['sandbox', 'info'])?.status).toBe('success'));
    expect(screen.queryByRole('region', { name: 'Try a demo target' })).not.toBeInTheDocument();
  });
});

describe('scrape form: cost estimate', () => {
  it('asks once, after typing stops, and only about a valid request', async () => {
    const { user, form } = await openForm();
    startFakeClock();
    await user.type(within(form).getByLabelText('URL to scrape'), `${DEMO}/article`);
    const line = within(form).getByTestId('estimate');
    expect(line).toHaveAttribute('aria-live', 'polite');
    expect(line).toHaveTextContent('Estimating…');
    expect(
      await within(form).findByText('Estimated 1 credit at tier 1 (confidence low); at most 5 credits.'),
    ).toBeInTheDocument();
    await advance(1_000);
    expect(sent.estimates).toEqual([{ url: `${DEMO}/article` }]);

    await user.clear(within(form).getByLabelText('URL to scrape'));
    await user.type(within(form).getByLabelText('URL to scrape'), 'not a url');
    await advance(1_000);
    expect(sent.estimates).toHaveLength(1);
    expect(line).toHaveTextContent('');
  });

  it('says why there is no estimate, and hides the line on a server without the endpoint', async () => {
    let status = 503;
    server.use(
      api.post('/scrape/estimate', () =>
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
