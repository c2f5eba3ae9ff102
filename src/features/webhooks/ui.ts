/**
 * The page's buttons: one look for the main action, one for the others. `disabled` is for nothing to do; a call
 * under way is a BusyButton, which keeps the focus and shows the wait itself.
 */
export const PRIMARY_BUTTON =
  'rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800 disabled:opacity-60';
export const SECONDARY_BUTTON =
  'rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium text-slate-900 hover:bg-slate-50 ' +
  'disabled:opacity-60';
/** Code and payloads wrap rather than scroll sideways; a long one sits in a ScrollRegion of SCROLL_FRAME. */
export const CODE_BLOCK =
  'rounded-md border border-slate-200 bg-slate-50 p-3 font-mono text-xs whitespace-pre-wrap break-all text-slate-900';
export const SCROLL_FRAME = 'max-h-80 overflow-y-auto';
