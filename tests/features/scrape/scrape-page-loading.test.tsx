import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { DEMO, findScrapeForm, sent, setUpScrapeFormTests } from '../../support/scrape-form';
import { renderApp } from '../../support/render-app';

// The form's code is held back until the test lets it load, as a slow network would.
let releaseWorkbench: () => void = () => undefined;
const workbenchReleased = new Promise<void>((resolve) => (releaseWorkbench = resolve));
vi.mock('../../../src/features/scrape/scrape-workbench', async (importOriginal) => {
  await workbenchReleased;
  return importOriginal();
});

setUpScrapeFormTests();

describe('scrape page: the demo targets before the form', () => {
  it('shows the targets while the form loads, and a target picked meanwhile fills the form once it is there', async () => {
    const { user } = renderApp('/scrape');
    const antibot = await screen.findByRole('button', { name: 'Anti-bot block' });
    expect(screen.getByRole('heading', { level: 1, name: 'Scrape' })).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Scrape request' })).not.toBeInTheDocument();

    await user.click(antibot);
    expect(screen.getByRole('region', { name: 'Try a demo target' })).toHaveTextContent('Loaded “Anti-bot block”');

    releaseWorkbench();
    const form = await findScrapeForm();
    expect(within(form).getByLabelText('URL to scrape')).toHaveValue(`${DEMO}/antibot`);
    expect(sent.scrapes).toHaveLength(0);
  });
});
