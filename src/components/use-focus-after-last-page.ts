import { useCallback, useEffect, useRef } from 'react';

/**
 * A "load more" button leaves once the last page is read, and the keyboard's focus on it would fall to the page: it
 * goes to `target` instead (what says that everything is shown), and only when the button held it as it left.
 * `button` is the button's ref.
 */
export function useFocusAfterLastPage<T extends HTMLElement>(hasMore: boolean) {
  const target = useRef<T>(null);
  const leftWithFocus = useRef(false);
  // React runs a ref's cleanup before it takes the element out of the page, while the focus is still on it.
  const button = useCallback((node: HTMLButtonElement | null) => {
    if (!node) return;
    return () => {
      if (document.activeElement === node) leftWithFocus.current = true;
    };
  }, []);
  useEffect(() => {
    if (hasMore || !leftWithFocus.current) return;
    leftWithFocus.current = false;
    target.current?.focus();
  }, [hasMore]);
  return { target, button };
}
