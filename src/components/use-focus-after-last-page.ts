import { useEffect, useRef, type FocusEvent } from 'react';

/**
 * A "load more" button leaves once the last page is read, and the keyboard's focus it held would fall to the page:
 * it goes to `target` instead (what says that everything is shown). `button` goes on the button.
 */
export function useFocusAfterLastPage<T extends HTMLElement>(hasMore: boolean) {
  const target = useRef<T>(null);
  const buttonHadFocus = useRef(false);
  useEffect(() => {
    if (!hasMore && buttonHadFocus.current && document.activeElement === document.body) target.current?.focus();
  }, [hasMore]);
  const button = {
    onFocus: () => {
      buttonHadFocus.current = true;
    },
    // Unmounted, the button blurs with nowhere to go; moved away from, it blurs towards the next element.
    onBlur: (event: FocusEvent) => {
      buttonHadFocus.current = event.relatedTarget === null;
    },
  };
  return { target, button };
}
