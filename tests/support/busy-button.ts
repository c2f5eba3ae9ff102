import type { UserEvent } from '@testing-library/user-event';
import { expect } from 'vitest';

/** Holds a fake's answers: a handler awaits `opened`, which settles when the test calls `open()`. */
export function answerGate() {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open: () => open() };
}

/**
 * A fake's calls held until `release()`: a handler awaits `wait()`, which counts the call, then answers (or, answering
 * nothing, leaves it to the handlers behind it: a feature's fake).
 */
export function heldCalls() {
  const gate = answerGate();
  const held = {
    count: 0,
    release: gate.open,
    wait: async () => {
      held.count += 1;
      await gate.opened;
    },
  };
  return held;
}

/**
 * What a button must be while its call is held (components/busy-button.tsx): focused, enabled and marked
 * aria-disabled, since a disabled button loses the focus in a browser (jsdom keeps it). Then it is pressed again, by
 * Enter and by a click: the caller counts that nothing more was sent.
 */
export async function expectBusyAndPressAgain(user: UserEvent, busy: HTMLElement) {
  expect(busy).toHaveFocus();
  expect(busy).toBeEnabled();
  expect(busy).toHaveAttribute('aria-disabled', 'true');
  await user.keyboard('{Enter}');
  await user.click(busy);
}
