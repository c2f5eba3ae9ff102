import { useEffect, useState } from 'react';
import { isHelpKey, isPaletteKey } from './shortcuts';

type Which = 'palette' | 'help';

/** The app-wide shortcuts: which of the palette and the help dialog is open, and the keys that open them. */
export function useShortcuts() {
  const [open, setOpen] = useState<Which | null>(null);
  // A dialog's code loads the first time it opens and then stays mounted, so closing it can give the focus back.
  const [loaded, setLoaded] = useState<ReadonlySet<Which>>(new Set());
  if (open && !loaded.has(open)) setLoaded(new Set(loaded).add(open));
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      if (isPaletteKey(event)) {
        // The browser's own Ctrl-K (its search bar) would take the focus away.
        event.preventDefault();
        setOpen((current) => (current === 'palette' ? null : 'palette'));
      } else if (isHelpKey(event)) {
        event.preventDefault();
        setOpen('help');
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
  const dialogProps = (which: Which) => ({
    open: open === which,
    onOpenChange: (next: boolean) => setOpen(next ? which : null),
  });
  return {
    dialogProps,
    loaded: (which: Which) => loaded.has(which),
    openPalette: () => setOpen('palette'),
    openHelp: () => setOpen('help'),
  };
}
