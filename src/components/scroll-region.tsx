import type { ReactNode } from 'react';

/**
 * A wide table's frame on a narrow screen: it scrolls sideways inside the page rather than widening it, and it
 * takes the focus, so keyboard users can scroll it with the arrow keys (axe: scrollable-region-focusable).
 */
export function ScrollRegion({
  label,
  className = '',
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard
    <div role="region" aria-label={label} tabIndex={0} className={`max-w-full overflow-x-auto ${className}`}>
      {children}
    </div>
  );
}
