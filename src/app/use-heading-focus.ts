import { useRouterState } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';

/** A page that loads its code or data first shows its heading a moment after the address changes. */
const SETTLE_MS = 3000;

/** Nothing the user chose holds the focus: it is on the page itself, or on an element that is gone. */
const focusIsLost = () =>
  document.activeElement === null || document.activeElement === document.body || !document.activeElement.isConnected;

/**
 * After moving to another page, the focus goes to the new page's heading, so a screen reader announces where the
 * user is and Tab continues from the page's start, as after a full page load. The first load and a change of the
 * search alone (typing in a search box) leave the focus where it is.
 *
 * The new page may show its heading late (its code loads, its data suspends), and the old page's heading may still
 * be there when the address changes: until the page settles, a heading that replaces the focused one, or appears
 * while nothing holds the focus, takes it; once the user has moved the focus elsewhere, it is left alone.
 */
export function useHeadingFocus(main: React.RefObject<HTMLElement | null>) {
  const pathname = useRouterState({ select: (state) => state.resolvedLocation?.pathname });
  const previous = useRef(pathname);

  useEffect(() => {
    const moved = previous.current !== undefined && pathname !== undefined && previous.current !== pathname;
    previous.current = pathname;
    const container = main.current;
    if (!moved || !container) return;

    let focused: HTMLElement | null = null;
    const focusHeading = () => {
      const heading = container.querySelector<HTMLElement>('h1');
      if (!heading || heading === focused) return;
      // The first time, the focus is on what the user clicked to get here: the heading takes it. Later, only from
      // the heading it replaces, or from nowhere.
      if (focused !== null && !focusIsLost() && document.activeElement !== focused) return;
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus();
      // A heading the page is hiding (the old page, while the new one loads) cannot take the focus: wait for the next.
      if (document.activeElement === heading) focused = heading;
    };
    focusHeading();
    const observer = new MutationObserver(focusHeading);
    observer.observe(container, { childList: true, subtree: true, characterData: true });
    const timer = setTimeout(() => observer.disconnect(), SETTLE_MS);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [pathname, main]);
}
