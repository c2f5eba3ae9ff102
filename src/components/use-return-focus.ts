import { useRef } from 'react';

/**
 * Radix gives the focus back to its own Trigger only. These dialogs open from the URL or from any button, so
 * they remember what had the focus and give it back on close, unless the page has moved it on by then (to the
 * session just saved, say).
 */
export function useReturnFocus() {
  const opener = useRef<HTMLElement | null>(null);
  return {
    onOpenAutoFocus: () => {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    },
    onCloseAutoFocus: (event: Event) => {
      event.preventDefault();
      const lost = document.activeElement === null || document.activeElement === document.body;
      if (lost && opener.current?.isConnected) opener.current.focus();
    },
  };
}
