import { useRouterState } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';

/** A page that loads its code first shows its heading a moment after the address changes; not longer than this. */
const WAIT_FOR_HEADING_MS = 3000;

/**
 * After moving to another page, the focus goes to the new page's heading, so a screen reader announces where the
 * user is and Tab continues from the page's start, as after a full page load. The first load and a change of the
 * search alone (typing in a search box) leave the focus where it is.
 */
export function useHeadingFocus(main: React.RefObject<HTMLElement | null>) {
  const pathname = useRouterState({ select: (state) => state.resolvedLocation?.pathname });
  const previous = useRef(pathname);

  useEffect(() => {
    const moved = previous.current !== undefined && pathname !== undefined && previous.current !== pathname;
    previous.current = pathname;
    const container = main.current;
    if (!moved || !container) return;

    const focusHeading = () => {
      const heading = container.querySelector<HTMLElement>('h1');
      if (!heading) return false;
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus();
      return true;
    };
    if (focusHeading()) return;
    const observer = new MutationObserver(() => {
      if (focusHeading()) observer.disconnect();
    });
    observer.observe(container, { childList: true, subtree: true });
    const timer = setTimeout(() => observer.disconnect(), WAIT_FOR_HEADING_MS);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [pathname, main]);
}
