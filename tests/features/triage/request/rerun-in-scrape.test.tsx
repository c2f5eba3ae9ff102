import { waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../../support/render-app';
import { findScrapeForm, setUpScrapeFormTests } from '../../../support/scrape-form';

const SECRET = 'c00kie-secret-4711';

setUpScrapeFormTests();

describe('the scrape page opened from a link', () => {
  it('starts from the link’s request, but never takes a cookie from the address', async () => {
    const search = new URLSearchParams({
      url: 'https://shop.example.com/item',
      timeout: '45',
      cookies: JSON.stringify({ session: SECRET }),
    });
    const { router } = renderApp(`/scrape?${search}`);
    const form = await findScrapeForm();
    expect(within(form).getByLabelText(/^URL/)).toHaveValue('https://shop.example.com/item');
    expect(within(form).getByRole('textbox', { name: /^Timeout/ })).toHaveValue('45');
    // The snippets show the request the form would send: the cookie is not in it, nor anywhere on the page.
    expect(document.body).not.toHaveTextContent(SECRET);
    await waitFor(() => expect(router.state.location.search).toEqual({}));
    expect(sessionStorage.getItem('scrape-dashboard.scrape-draft') ?? '').not.toContain(SECRET);
  });
});
