import { getRouteApi } from '@tanstack/react-router';

const route = getRouteApi('/usage');

export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The time zone the page's days are read in: UTC unless the URL asks for the browser's. */
export function useReportZone() {
  const { zone = 'utc' } = route.useSearch();
  const timeZone = zone === 'local' ? browserTimeZone() : 'UTC';
  return { zone, timeZone, query: { tz: timeZone } };
}

/** Opens one day's records: the refund history below shows that day's (the triage page will take this over). */
export function usePickDay() {
  const navigate = route.useNavigate();
  return (date: string) => {
    void navigate({ search: (prev) => ({ ...prev, day: date }), resetScroll: false });
    document.getElementById('refund-history')?.scrollIntoView?.({ block: 'start' });
  };
}
