/** What the main area says while a page's code loads: the header and this line show, not a blank screen. */
export function PageLoading() {
  return <p className="text-sm text-slate-600">Loading the page…</p>;
}
