const DAY_MS = 24 * 60 * 60 * 1000;

/** The calendar month (UTC) holding `nowMs`: the billing period of the sandbox. */
export function monthOf(nowMs: number): { start: number; end: number } {
  const now = new Date(nowMs);
  const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  const end = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1);
  return { start, end };
}

/** Where today (UTC), this week (from Monday, UTC) and this billing period began. */
export function usageMarks(nowMs: number): { today: number; week: number; month: number } {
  const today = Math.floor(nowMs / DAY_MS) * DAY_MS;
  // getUTCDay: Sunday is 0, so Monday starts the week 0–6 days back.
  const daysSinceMonday = (new Date(today).getUTCDay() + 6) % 7;
  return { today, week: today - daysSinceMonday * DAY_MS, month: monthOf(nowMs).start };
}
