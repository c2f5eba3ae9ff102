import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { findDialog } from '../../support/dialogs';
import { fakeSessionsApi } from '../../support/msw/sessions-api';
import { OTHER_SESSION_ID, SESSION_ID, sessionFixture } from '../../support/msw/session-fixtures';
import { DEMO } from '../../support/scrape-form';
import { failure, ok, panel, renderPage, scrapeAnswers, setUpScrapeRunTests } from '../../support/scrape-run';

setUpScrapeRunTests();

const MEMBERS = `${DEMO}/members`;
const demo = sessionFixture();
const shop = sessionFixture({ id: OTHER_SESSION_ID, name: 'Shop', domain: 'shop.example.com' });
const gone = sessionFixture({ id: '5e55104e-0000-4000-8000-000000000003', name: 'Gone', status: 'invalid' });

/** The page, its URL typed, and the picker once the stored sessions are in it. */
async function pageFor(url: string) {
  const view = renderPage();
  // The scrape page is a lazy chunk: the first test of a file waits for it to load.
  const field = await screen.findByLabelText('URL to scrape', {}, { timeout: 10_000 });
  await view.user.type(field, url);
  const picker = screen.getByLabelText('Stored session');
  await waitFor(() => expect(within(picker).getAllByRole('group').length).toBeGreaterThan(0));
  const pick = (name: string) => view.user.selectOptions(picker, within(picker).getByRole('option', { name }));
  const run = () => view.user.click(screen.getByRole('button', { name: 'Run scrape' }));
  return { ...view, picker, pick, run };
}

describe('the scrape page’s session picker', () => {
  it('lists the sessions of the URL’s domain first, never a deleted one, and scrapes with the one picked', async () => {
    fakeSessionsApi([shop, demo, gone]);
    const bodies = scrapeAnswers(ok());
    const { picker, pick, run } = await pageFor(MEMBERS);
    const [forHost, others] = within(picker).getAllByRole('group');
    expect(forHost).toHaveAttribute('label', 'For 127.0.0.1');
    expect(
      within(forHost!)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Demo members · 127.0.0.1 · Active']);
    expect(others).toHaveAttribute('label', 'Other domains');
    expect(within(picker).queryByRole('option', { name: /Gone/ })).not.toBeInTheDocument();

    await pick('Demo members · 127.0.0.1 · Active');
    await run();
    await waitFor(() => expect(bodies).toEqual([{ url: MEMBERS, session_id: SESSION_ID }]));
  });

  it('offers to create a session when none is for the URL’s domain', async () => {
    fakeSessionsApi([shop]);
    await pageFor('https://www.example.org/account');
    expect(screen.getByRole('link', { name: 'Create one' })).toHaveAttribute(
      'href',
      `/sessions?domain=www.example.org&create=true&check=${encodeURIComponent('https://www.example.org/account')}`,
    );
  });

  it('keeps an id from the saved draft that the list does not hold, so it is never sent unseen', async () => {
    const unknown = '5e55104e-0000-4000-8000-00000000dead';
    sessionStorage.setItem('scrape-dashboard.scrape-draft', JSON.stringify({ session_id: unknown }));
    fakeSessionsApi([demo]);
    const { picker } = await pageFor(MEMBERS);
    expect(picker).toHaveValue(unknown);
    expect(within(picker).getByRole('option', { selected: true })).toHaveTextContent(`${unknown} (not in your list)`);
  });

  it('answers REQUIRES_AUTH with "use a stored session for this domain" by choosing the domain’s session and running again', async () => {
    fakeSessionsApi([shop, demo]);
    const bodies = scrapeAnswers(failure(401, 'REQUIRES_AUTH'), ok());
    const { user, picker, run } = await pageFor(MEMBERS);
    await run();
    const card = await within(panel()).findByTestId('guidance-card');
    expect(within(card).getByRole('link', { name: 'Create a session for this domain' })).toHaveAttribute(
      'href',
      `/sessions?domain=127.0.0.1&create=true&check=${encodeURIComponent(MEMBERS)}`,
    );
    await user.click(within(card).getByRole('button', { name: 'Use a stored session for this domain' }));
    await waitFor(() => expect(bodies).toEqual([{ url: MEMBERS }, { url: MEMBERS, session_id: SESSION_ID }]));
    expect(picker).toHaveValue(SESSION_ID);
  });

  it('chooses the most recently used active session when several are for the domain, and lists it first', async () => {
    const at = (day: number) => `2026-11-${day}T10:00:00.000Z`;
    const older = sessionFixture({ id: OTHER_SESSION_ID, name: 'Older login', last_used_at: at(21) });
    const recent = sessionFixture({ id: `${SESSION_ID.slice(0, -1)}4`, name: 'Recent login', last_used_at: at(23) });
    const stale = sessionFixture({
      id: `${SESSION_ID.slice(0, -1)}5`,
      name: 'Stale',
      status: 'expired',
      last_used_at: at(24),
    });
    fakeSessionsApi([demo, older, stale, recent]);
    const bodies = scrapeAnswers(failure(401, 'REQUIRES_AUTH'), ok());
    const { user, picker, run } = await pageFor(MEMBERS);
    expect(
      within(within(picker).getByRole('group'))
        .getAllByRole('option')
        .map((option) => option.textContent?.split(' · ')[0]),
    ).toEqual(['Recent login', 'Older login', 'Demo members', 'Stale']);
    await run();
    const card = await within(panel()).findByTestId('guidance-card');
    await user.click(within(card).getByRole('button', { name: 'Use a stored session for this domain' }));
    await waitFor(() => expect(bodies).toEqual([{ url: MEMBERS }, { url: MEMBERS, session_id: recent.id }]));
    expect(picker).toHaveValue(recent.id);
  });

  it('without an active session for the domain, focuses the picker, which says so and how to make one', async () => {
    fakeSessionsApi([shop, sessionFixture({ status: 'expired' })]);
    const bodies = scrapeAnswers(failure(401, 'REQUIRES_AUTH'));
    const { user, picker, run } = await pageFor(MEMBERS);
    await run();
    const card = await within(panel()).findByTestId('guidance-card');
    await user.click(within(card).getByRole('button', { name: 'Use a stored session for this domain' }));
    await waitFor(() => expect(picker).toHaveFocus());
    expect(picker).toHaveValue('');
    expect(picker).toHaveAccessibleDescription(
      /^No active stored session for 127\.0\.0\.1\. To make one, log in to the site in a browser and save its cookies as a session: Create one/,
    );
    expect(screen.getByRole('link', { name: 'Create one' })).toHaveAttribute(
      'href',
      `/sessions?domain=127.0.0.1&create=true&check=${encodeURIComponent(MEMBERS)}`,
    );
    expect(bodies).toHaveLength(1);
  });

  it('answers SESSION_EXPIRED (410) with the refresh of the very session used', async () => {
    fakeSessionsApi([demo]);
    scrapeAnswers(failure(410, 'SESSION_EXPIRED'));
    const { user, pick, run } = await pageFor(MEMBERS);
    await pick('Demo members · 127.0.0.1 · Active');
    await run();
    const card = await within(panel()).findByTestId('guidance-card');
    const refresh = within(card).getByRole('link', { name: "Refresh the session's cookies" });
    expect(refresh).toHaveAttribute('href', `/sessions?refresh=${SESSION_ID}`);
    await user.click(refresh);
    expect(await findDialog('Refresh “Demo members”')).toBeInTheDocument();
  });

  it('answers SESSION_DOMAIN_MISMATCH with the URL’s domain: its session, run at once, a new one, or none', async () => {
    fakeSessionsApi([demo, shop]);
    const bodies = scrapeAnswers(failure(400, 'SESSION_DOMAIN_MISMATCH'), ok());
    const { user, pick, run } = await pageFor(MEMBERS);
    await pick('Shop · shop.example.com · Active');
    await run();
    const card = await within(panel()).findByTestId('guidance-card');
    expect(within(card).getByRole('link', { name: 'Create a session for this domain' })).toHaveAttribute(
      'href',
      `/sessions?domain=127.0.0.1&create=true&check=${encodeURIComponent(MEMBERS)}`,
    );
    expect(within(card).getByRole('button', { name: 'Remove the stored session (session_id)' })).toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: 'Use a stored session for this domain' }));
    await waitFor(() => expect(bodies[1]).toEqual({ url: MEMBERS, session_id: SESSION_ID }));
  });
});
