import { readFileSync } from 'node:fs';
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { THEME_SLOT } from '../../../src/features/settings/theme';
import { renderApp } from '../../support/render-app';

afterEach(() => document.documentElement.classList.remove('dark'));

describe('the theme setting', () => {
  it('switches to dark at once and keeps the choice on this device', async () => {
    const { user } = renderApp('/settings');
    const theme = await screen.findByRole('group', { name: 'Theme' });
    expect(screen.getByRole('radio', { name: 'Same as the system' })).toBeChecked();
    expect(theme).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'Dark' }));
    expect(document.documentElement).toHaveClass('dark');
    expect(localStorage.getItem('scrape-dashboard.theme')).toBe('dark');

    await user.click(screen.getByRole('radio', { name: 'Light' }));
    expect(document.documentElement).not.toHaveClass('dark');
    expect(localStorage.getItem('scrape-dashboard.theme')).toBe('light');
  });

  it('shows the stored choice when the page opens again', async () => {
    localStorage.setItem('scrape-dashboard.theme', 'dark');
    renderApp('/settings');
    expect(await screen.findByRole('radio', { name: 'Dark' })).toBeChecked();
  });

  it('is read before the first paint from the same slot', () => {
    // index.html's inline script cannot import the slot's name.
    expect(readFileSync('index.html', 'utf8')).toContain(`localStorage.getItem('${THEME_SLOT}')`);
  });
});

describe('the first screen', () => {
  it('tells a newcomer the three things the dashboard does, each a link', async () => {
    renderApp('/');
    const steps = await screen.findByRole('region', { name: 'What you can do here' });
    expect(steps).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Scrape a page' })).toHaveAttribute('href', '/scrape');
    expect(screen.getByRole('link', { name: 'Triage errors' })).toHaveAttribute('href', '/triage');
    expect(screen.getByRole('link', { name: 'Watch your limits' })).toHaveAttribute('href', '/rate-limits');
  });
});
