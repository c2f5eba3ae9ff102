import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useCredentialsStore } from '../../../src/api/credentials-store';
import { DEMO, KEY, openForm, setUpScrapeFormTests } from '../../support/scrape-form';

setUpScrapeFormTests();

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

    act(() => curl.focus());
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
