import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEMO, openForm, sent, setUpScrapeFormTests, startFakeClock } from '../../support/scrape-form';
import { advance } from '../../support/scrape-run';
import { fakeSessionsApi } from '../../support/msw/sessions-api';
import { sessionFixture } from '../../support/msw/session-fixtures';
import { failure, panel, scrapeAnswers } from '../../support/scrape-run';

setUpScrapeFormTests();

const group = (form: HTMLElement, summary: string) =>
  within(form).getByText(summary, { selector: 'summary' }).closest('details') as HTMLDetailsElement;

describe('scrape form: folded groups and field checks', () => {
  it('folds the rarely used groups, and opens one by its summary', async () => {
    const { user, form } = await openForm();
    expect(group(form, 'Cost cap').open).toBe(false);
    expect(group(form, 'Cache').open).toBe(false);
    const timing = group(form, 'Timeout and background jobs');
    expect(timing.open).toBe(false);
    await user.click(within(form).getByText('Timeout and background jobs'));
    expect(timing.open).toBe(true);
    expect(within(timing).getByLabelText('Timeout (seconds)')).toBeVisible();
  });

  it('opens a folded group when a demo target puts a value in it, so what will be sent is on screen', async () => {
    const { user, form } = await openForm();
    const timing = group(form, 'Timeout and background jobs');
    expect(timing.open).toBe(false);
    await user.click(await screen.findByRole('button', { name: 'Slow page (timeout)' }));
    expect(within(form).getByLabelText('URL to scrape')).toHaveValue(`${DEMO}/slow?ms=5000`);
    expect(timing.open).toBe(true);
    expect(within(timing).getByLabelText('Timeout (seconds)')).toHaveValue('2');
    expect(group(form, 'Cost cap').open).toBe(false);
  });

  it('opens the folded group of the first invalid field on each failed submit and focuses that field', async () => {
    const { user, form } = await openForm();
    const timing = group(form, 'Timeout and background jobs');
    const summary = within(form).getByText('Timeout and background jobs');
    const run = within(form).getByRole('button', { name: 'Run scrape' });
    await user.type(within(form).getByLabelText('URL to scrape'), `${DEMO}/article`);
    await user.click(summary);
    const timeout = within(form).getByLabelText('Timeout (seconds)');
    await user.clear(timeout);
    await user.type(timeout, '0');
    await user.click(summary);
    expect(timing.open).toBe(false);
    await user.click(run);

    expect(await within(form).findByText('At least 1 second')).toBeInTheDocument();
    expect(timing.open).toBe(true);
    expect(timeout).toHaveFocus();
    // Folded again with its error showing: the next failed submit opens it again.
    await user.click(summary);
    expect(timing.open).toBe(false);
    await user.click(run);
    await waitFor(() => expect(timing.open).toBe(true));
    expect(timeout).toHaveFocus();
    expect(sent.scrapes).toHaveLength(0);
  });

  it('keeps a click that leaves an empty field: no message appears to move the form, and the group opens', async () => {
    const { user, form } = await openForm();
    startFakeClock();
    const url = within(form).getByLabelText('URL to scrape');
    await user.click(url);
    await user.click(within(form).getByText('Cost cap'));
    await advance(1_000);
    expect(group(form, 'Cost cap').open).toBe(true);
    expect(within(form).queryByRole('alert')).not.toBeInTheDocument();
    expect(url).not.toHaveAttribute('aria-invalid');

    await user.click(within(form).getByRole('button', { name: 'Run scrape' }));
    expect(await within(form).findByText('Enter the URL to scrape')).toHaveAttribute('role', 'alert');
    expect(url).toHaveFocus();
    expect(sent.scrapes).toHaveLength(0);
  });

  it('catches a stored session beside inline cookies at the cookies, before anything is sent', async () => {
    fakeSessionsApi([sessionFixture({ name: 'Demo members', domain: '127.0.0.1' })]);
    const { user, form } = await openForm();
    startFakeClock();
    await user.type(within(form).getByLabelText('URL to scrape'), `${DEMO}/members`);
    await user.selectOptions(
      await within(form).findByLabelText('Stored session'),
      await within(form).findByRole('option', { name: /Demo members/ }),
    );
    await user.click(within(form).getByRole('button', { name: 'Add a cookie' }));
    await user.type(within(form).getByLabelText('Cookie 1 Name'), 'demo_session');
    await user.type(within(form).getByLabelText('Cookie 1 Value'), 'valid');
    await user.click(within(form).getByRole('button', { name: 'Run scrape' }));

    expect(
      await within(form).findByText(
        'Send a stored session or inline cookies, not both: remove the cookies, or choose “No stored session”.',
      ),
    ).toBeInTheDocument();
    expect(within(form).getByLabelText('Cookie 1 Name')).toHaveFocus();
    await advance(1_000);
    expect(sent.scrapes).toHaveLength(0);
  });

  it('answers a login wall with a cookie row to fill in, focused', async () => {
    const bodies = scrapeAnswers(failure(401, 'REQUIRES_AUTH'));
    const { user, form } = await openForm();
    await user.type(within(form).getByLabelText('URL to scrape'), `${DEMO}/members`);
    await user.click(within(form).getByRole('button', { name: 'Run scrape' }));
    const card = await within(panel()).findByTestId('guidance-card');
    await user.click(within(card).getByRole('button', { name: 'Send the login cookies with this request' }));
    expect(screen.getByLabelText('Cookie 1 Name')).toHaveFocus();
    expect(bodies).toHaveLength(1);
  });

  it('applies a combined fix: tier 4 in html mode also renders JavaScript', async () => {
    const bodies = scrapeAnswers(failure(403, 'CHALLENGE_DETECTED'));
    const { user, form } = await openForm();
    await user.type(within(form).getByLabelText('URL to scrape'), `${DEMO}/challenge`);
    await user.selectOptions(within(form).getByRole('combobox', { name: /^Mode/ }), 'html');
    await user.click(within(form).getByRole('button', { name: 'Run scrape' }));
    const card = await within(panel()).findByTestId('guidance-card');
    await user.click(
      within(card).getByRole('button', { name: 'Allow tier 4 and render JavaScript (max_tier: "4", mode: js)' }),
    );
    await within(panel()).findByTestId('guidance-card');
    expect(bodies.at(-1)).toEqual({ url: `${DEMO}/challenge`, mode: 'js', max_tier: '4' });
  });
});
