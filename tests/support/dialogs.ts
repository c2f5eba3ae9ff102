import { screen, waitFor, type ByRoleOptions } from '@testing-library/react';
import { expect } from 'vitest';

/**
 * A Radix dialog once it takes clicks: Radix turns the page behind it inert first and the dialog itself
 * clickable a render later, and user-event refuses to click in between.
 */
export async function findDialog(name: ByRoleOptions['name'], role: 'dialog' | 'alertdialog' = 'dialog') {
  const dialog = await screen.findByRole(role, { name }, { timeout: 10_000 });
  await waitFor(() => expect(dialog).toHaveStyle({ pointerEvents: 'auto' }));
  return dialog;
}
