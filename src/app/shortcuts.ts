/** Every keyboard shortcut of the app, as the help dialog lists them. */
export const SHORTCUTS = [
  {
    keys: ['Ctrl', 'K'],
    mac: ['⌘', 'K'],
    what: 'Open the command palette: go to a page, an error code, a request or a session',
  },
  { keys: ['?'], mac: ['?'], what: 'Show these shortcuts' },
  { keys: ['Ctrl', 'Enter'], mac: ['⌘', 'Enter'], what: 'Run the scrape (on the Scrape page)' },
  { keys: ['Esc'], mac: ['Esc'], what: 'Close a dialog' },
] as const;

/** Typing in a field is never a shortcut: `?` there is a character. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
  }
  return false;
}

/** The palette's key: Ctrl-K, or Cmd-K on a Mac. */
export const isPaletteKey = (event: KeyboardEvent) =>
  event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;

export const isHelpKey = (event: KeyboardEvent) =>
  event.key === '?' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target);
