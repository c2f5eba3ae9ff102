import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  advance,
  failure,
  ok,
  panel,
  recorded,
  renderPage,
  REQUEST,
  scrapeAnswers,
  scrapeResultFixture,
  setUpScrapeRunTests,
} from '../../support/scrape-run';

setUpScrapeRunTests();

describe('scrape run', () => {
  it('shows a success as tabs, with the meta and the escalation timeline', async () => {
    scrapeAnswers(ok());
    const { run, user } = renderPage();
    await run();

    const tabs = await screen.findByRole('tablist', { name: 'Scraped content' });
    expect(
      within(tabs)
        .getAllByRole('tab')
        .map((tab) => tab.textContent),
    ).toEqual(['Rendered', 'HTML source']);
    expect(screen.getByTitle('Rendered page')).toHaveAttribute('sandbox', '');
    expect(panel()).toHaveTextContent('Final URLhttps://example.com/article/');
    expect(panel()).toHaveTextContent('Tier usedTier 2 (browser-like headers)');
    expect(panel()).toHaveTextContent('Credits2 credits');
    expect(panel()).toHaveTextContent('CachedNo');
    const timeline = screen.getByRole('table', { name: 'Escalation timeline' });
    const rows = within(timeline).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      'Tier 1 (plain HTTP)✗ Failed0120HTTP 403 from the target',
      'Tier 2 (browser-like headers)✓ Succeeded2340—',
    ]);
    expect(recorded()).toHaveLength(1);
    expect(recorded()[0]).toMatchObject({
      request: REQUEST,
      outcome: { ok: true, status: 200, tier: '2', credits: 2 },
    });

    // Keyboard only: arrows move between tabs; the source view is a lazy chunk.
    await user.click(within(tabs).getByRole('tab', { name: 'Rendered' }));
    await user.keyboard('{ArrowRight}');
    expect(within(tabs).getByRole('tab', { name: 'HTML source' })).toHaveAttribute('aria-selected', 'true');
    const source = await screen.findByRole('tabpanel', { name: 'HTML source' });
    // The markup is shown as text, never parsed into the dashboard.
    expect(await within(source).findAllByText('h1', { selector: '.hljs-name' })).toHaveLength(2);
    expect(source).toHaveTextContent('<h1>Hello</h1>');
    expect(source.querySelector('h1')).toBeNull();
  });

  it('offers the tabs of the formats asked for', async () => {
    const content = { html: '<p>Hi</p>', markdown: '# Hi', text: 'Hi', json: { headline: 'Hi' } };
    scrapeAnswers(ok(scrapeResultFixture({ content })));
    const { run, user } = renderPage();
    await run();
    const tabs = await screen.findByRole('tablist', { name: 'Scraped content' });
    const names = within(tabs)
      .getAllByRole('tab')
      .map((tab) => tab.textContent);
    expect(names).toEqual(['Rendered', 'HTML source', 'Markdown', 'Text', 'JSON']);
    await user.click(within(tabs).getByRole('tab', { name: 'Markdown' }));
    expect(screen.getByRole('tabpanel', { name: 'Markdown' })).toHaveTextContent('# Hi');
    await user.click(within(tabs).getByRole('tab', { name: 'JSON' }));
    const json = await screen.findByRole('tabpanel', { name: 'JSON' });
    expect(await within(json).findByText('"Hi"')).toBeInTheDocument();
  });

  it('shows the guidance for a 403 and runs again with the fix applied', async () => {
    const bodies = scrapeAnswers(failure(403, 'BLOCKED_BY_ANTIBOT'), ok());
    const { run, user } = renderPage();
    await run();

    const card = await screen.findByTestId('guidance-card');
    expect(card).toHaveTextContent('BLOCKED_BY_ANTIBOT · HTTP 403');
    await advance(10_000);
    expect(bodies).toHaveLength(1);
    expect(recorded()[0]?.outcome).toMatchObject({ ok: false, status: 403, code: 'BLOCKED_BY_ANTIBOT' });

    await user.click(within(card).getByRole('button', { name: 'Allow tier 4 (CAPTCHA solving)' }));
    expect(await screen.findByRole('tablist', { name: 'Scraped content' })).toBeInTheDocument();
    // The pressed fix went away with the card; focus stays in the panel rather than falling to the page's start.
    expect(screen.getByRole('heading', { name: 'Result' })).toHaveFocus();
    expect(bodies).toHaveLength(2);
    expect(bodies[1]).toEqual({ url: REQUEST.url, max_tier: '4' });
  });

  it('dates a cached answer: when it was stored and until when the cache serves it', async () => {
    const billing = { total_credits: 0, tier_used: '1' as const, cached: true, escalations: [] };
    const cached = scrapeResultFixture({
      cached: true,
      billing,
      cached_at: '2026-11-25T10:00:00.000Z',
      expires_at: '2026-11-25T10:15:00.000Z',
    });
    scrapeAnswers(ok(cached));
    const { run } = renderPage();
    await run();
    await screen.findByRole('tablist', { name: 'Scraped content' });
    expect(panel()).toHaveTextContent(
      'CachedYes: stored 25 Nov 2026, 10:00:00 UTC, served until 25 Nov 2026, 10:15:00 UTC',
    );
    expect(panel()).toHaveTextContent('Credits0 credits');
  });
});
