import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { envelope } from '../../support/msw/fixtures';
import { server } from '../../support/msw/server';
import { DEMO_KEY } from '../../support/demo-keys';
import { ok, renderPage, scrapeAnswers, scrapeResultFixture, setUpScrapeRunTests } from '../../support/scrape-run';

setUpScrapeRunTests();

const SCREENSHOT = '/api/v1/screenshots/shot_1';
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

// jsdom has no object URLs: the page's blob URL is stood in for.
beforeEach(() => {
  vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:http://localhost/shot');
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

/** GET of the screenshot answers `answer`; every call's URL and key are kept. */
function screenshotAnswers(answer: () => Response) {
  const calls: { url: string; key: string | null }[] = [];
  server.use(
    http.get(`*${SCREENSHOT}`, ({ request }) => {
      calls.push({ url: request.url, key: request.headers.get('X-API-Key') });
      return answer();
    }),
  );
  return calls;
}

async function openScreenshotTab() {
  const { run, user } = renderPage();
  await run();
  const tabs = await screen.findByRole('tablist', { name: 'Scraped content' });
  await user.click(within(tabs).getByRole('tab', { name: 'Screenshot' }));
  return screen.findByRole('tabpanel', { name: 'Screenshot' });
}

describe('the screenshot of a result', () => {
  it('is asked for from the rendering group, with the raw HTML', async () => {
    const bodies = scrapeAnswers(ok());
    const { run, user } = renderPage();
    await user.click(await screen.findByRole('checkbox', { name: 'Screenshot' }, { timeout: 5_000 }));
    await user.click(screen.getByRole('checkbox', { name: 'Raw HTML' }));
    expect(screen.getByRole('checkbox', { name: 'Screenshot' })).toHaveAccessibleDescription(/tiers 3–4/);
    await run();
    await screen.findByRole('tablist', { name: 'Scraped content' });
    expect(bodies[0]).toMatchObject({ screenshot: true, include_raw_html: true });
  });

  it('shows in its own tab, fetched with the key in a header and shown from a blob', async () => {
    scrapeAnswers(ok(scrapeResultFixture({ screenshot_url: SCREENSHOT, raw_html: '<p>raw</p>' })));
    const calls = screenshotAnswers(() =>
      HttpResponse.arrayBuffer(PNG.buffer, { headers: { 'Content-Type': 'image/png' } }),
    );
    const tab = await openScreenshotTab();
    const image = await within(tab).findByRole('img', { name: /screenshot of the scraped page/i });
    expect(image).toHaveAttribute('src', 'blob:http://localhost/shot');
    expect(calls).toEqual([{ url: expect.stringMatching(new RegExp(`${SCREENSHOT}$`)), key: DEMO_KEY.growth }]);
    expect(calls[0]?.url).not.toContain(DEMO_KEY.growth);
    expect(screen.getByRole('tab', { name: 'Raw HTML' })).toBeInTheDocument();
  });

  it('that cannot be fetched shows the guidance for its error', async () => {
    scrapeAnswers(ok(scrapeResultFixture({ screenshot_url: SCREENSHOT })));
    screenshotAnswers(() => HttpResponse.json(envelope('NOT_FOUND', 'Screenshot not found'), { status: 404 }));
    const tab = await openScreenshotTab();
    expect(await within(tab).findByTestId('guidance-card')).toHaveTextContent('NOT_FOUND');
    expect(within(tab).queryByRole('img')).toBeNull();
  });
});
