import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from '@tanstack/react-router';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { advise } from '../../../src/errors/advise';
import { GuidanceCard } from '../../../src/errors/guidance-card';

describe('the guidance of INSUFFICIENT_CREDITS, now that the usage page exists', () => {
  it('links to the usage page for the balance and the plan', async () => {
    const failure = {
      status: 402,
      code: 'INSUFFICIENT_CREDITS',
      details: { required_credits: 5, available_credits: 2 },
    };
    const router = createRouter({
      routeTree: createRootRoute({ component: () => <GuidanceCard advice={advise(failure, {}, new Date())} /> }),
      history: createMemoryHistory({ initialEntries: ['/'] }),
    });
    render(<RouterProvider router={router} />);
    const card = await screen.findByTestId('guidance-card');
    expect(within(card).getByRole('link', { name: /See balance and plan/ })).toHaveAttribute('href', '/usage');
  });
});
