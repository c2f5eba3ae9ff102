import type { ComponentProps, MouseEvent } from 'react';

/**
 * A button whose call is under way: marked unavailable (aria-disabled) and deaf to presses, but not `disabled`,
 * which would drop the keyboard's focus to the page's start. A submit button does not submit meanwhile either.
 */
export function BusyButton({ busy, onClick, className, ...props }: ComponentProps<'button'> & { busy: boolean }) {
  const press = (event: MouseEvent<HTMLButtonElement>) => {
    if (busy) event.preventDefault();
    else onClick?.(event);
  };
  return (
    <button
      type="button"
      {...props}
      aria-disabled={busy || undefined}
      onClick={press}
      // The wait, seen: every busy button looks it the same way.
      className={`${className ?? ''} aria-disabled:cursor-wait aria-disabled:opacity-60`}
    />
  );
}
