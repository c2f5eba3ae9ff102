import { within } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { estimateSchema, type ScrapeRequest } from '../../../contract/scrape';
import { rateLimitHeaders, usageFixture } from '../../support/msw/fixtures';
import { api, server } from '../../support/msw/server';
import { DEMO, openForm, setUpScrapeFormTests, startFakeClock } from '../../support/scrape-form';
import { advance } from '../../support/scrape-run';

setUpScrapeFormTests();

/**
 * POST /scrape/estimate answering `credits` for every request, with the rate-limit headers `remaining()` says (of
 * the free plan's 30); returns the requests asked about.
 */
function estimates(credits: number, remaining: () => number = () => 25) {
  const asked: ScrapeRequest[] = [];
  server.use(
    api.post('/scrape/estimate', async ({ request }) => {
      const body = await request.json();
      asked.push(body);
      const estimate = estimateSchema.parse({
        url: body.url,
        estimated_tier: '1',
        estimated_credits: credits,
        max_possible_credits: credits * 5,
        confidence: 'low',
        reasoning: 'No scrape of this page on this account yet.',
      });
      return HttpResponse.json(estimate, { headers: rateLimitHeaders(remaining(), 30) });
    }),
  );
  return asked;
}

describe('scrape form: the estimate spends the rate limit frugally', () => {
  it('asks nothing per keystroke, then once per distinct request after a pause, and reuses an answer', async () => {
    const asked = estimates(1);
    const { user, form } = await openForm();
    startFakeClock();
    const url = within(form).getByLabelText('URL to scrape');
    await user.type(url, `${DEMO}/article`);
    await advance(500);
    expect(asked).toHaveLength(0);
    await advance(200);
    await within(form).findByText(/^Estimated 1 credit at tier 1/);
    expect(asked).toEqual([{ url: `${DEMO}/article` }]);

    await user.type(url, '?page=2');
    await advance(700);
    await within(form).findByText(/^Estimated 1 credit/);
    expect(asked.map((body) => body.url)).toEqual([`${DEMO}/article`, `${DEMO}/article?page=2`]);

    // Back, minutes later, to a request already asked about: its answer is kept, nothing is sent.
    await advance(5 * 60_000);
    await user.clear(url);
    await user.type(url, `${DEMO}/article`);
    await advance(700);
    expect(within(form).getByTestId('estimate')).toHaveTextContent(/^Estimated 1 credit at tier 1/);
    expect(asked).toHaveLength(2);
  });

  it('asks nothing while the budget is low, and shows the last estimate marked stale', async () => {
    let left = 7;
    const asked = estimates(1, () => --left); // the first answer leaves 6 of 30: a fifth, so low
    const { user, form } = await openForm();
    startFakeClock();
    const url = within(form).getByLabelText('URL to scrape');
    await user.type(url, `${DEMO}/article`);
    await advance(700);
    await within(form).findByText(/^Estimated 1 credit/);
    expect(asked).toHaveLength(1);

    await user.type(url, '?page=2');
    await advance(1_000);
    const line = within(form).getByTestId('estimate');
    expect(line).toHaveTextContent(/^Stale: Estimated 1 credit at tier 1/);
    expect(line).toHaveTextContent(/not estimated again while the rate limit is low/);
    expect(asked).toHaveLength(1);
  });

  it('warns when the balance is below the estimate, with the plurals right', async () => {
    estimates(5);
    server.use(
      api.get('/usage', () =>
        HttpResponse.json(usageFixture({ balance_credits: 1 }), { headers: rateLimitHeaders(97) }),
      ),
    );
    const { user, form } = await openForm();
    await user.type(within(form).getByLabelText('URL to scrape'), `${DEMO}/article`);
    expect(await within(form).findByTestId('estimate-balance-warning')).toHaveTextContent(
      'Needs 5 credits, you have 1 credit.',
    );
  });

  it('says nothing of the balance when it covers the estimate', async () => {
    estimates(5);
    server.use(
      api.get('/usage', () =>
        HttpResponse.json(usageFixture({ balance_credits: 5 }), { headers: rateLimitHeaders(97) }),
      ),
    );
    const { user, form } = await openForm();
    await user.type(within(form).getByLabelText('URL to scrape'), `${DEMO}/article`);
    const line = within(form).getByTestId('estimate');
    await within(form).findByText(/^Estimated 5 credits/);
    expect(line).not.toHaveTextContent(/Needs/);
  });
});
