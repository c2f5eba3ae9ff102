import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEMO, KEY, openForm, setUpScrapeFormTests } from '../../support/scrape-form';

setUpScrapeFormTests();

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
    await first.user.click(await screen.findByRole('button', { name: 'Anti-bot block' }));
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
