/** The calendar month (UTC) holding `nowMs`: the billing period of the sandbox. */
export function monthOf(nowMs: number): { start: number; end: number } {
  const now = new Date(nowMs);
  const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  const end = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1);
  return { start, end };
}
