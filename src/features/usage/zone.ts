import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { usePageSearch } from '../../lib/route-search';
import { usageSearchSchema } from './search';

const route = getRouteApi('/usage');

export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The time zone the page's days are read in: UTC unless the URL asks for the browser's. */
export function useReportZone() {
  const { zone = 'utc' } = usePageSearch(route, usageSearchSchema);
  const timeZone = zone === 'local' ? browserTimeZone() : 'UTC';
  return { zone, timeZone, query: { tz: timeZone } };
}

/**
 * One day of the page's zone as the request log's filters: from its first instant to the next day's. A UTC day is
 * its date; a day of the browser's zone is its local midnights, which the browser's own Date knows.
 */
export function dayWindow(date: string, zone: 'utc' | 'local') {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  if (zone === 'utc')
    return { since: date, until: new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10) };
  return {
    since: new Date(year, month - 1, day).toISOString(),
    until: new Date(year, month - 1, day + 1).toISOString(),
  };
}

/** The scrapes of one day in the request log (triage): what a chart's bar opens. */
export function useOpenDay() {
  const navigate = useNavigate();
  const { zone } = useReportZone();
  return (date: string) =>
    void navigate({ to: '/triage/log', search: { ...dayWindow(date, zone), path: '/api/v1/scrape' } });
}

/** One day's refunds in the history below the charts. */
export function useShowDayRefunds() {
  const navigate = route.useNavigate();
  return (date: string) => {
    void navigate({ search: (prev) => ({ ...prev, day: date }), resetScroll: false });
    document.getElementById('refund-history')?.scrollIntoView?.({ block: 'start' });
  };
}
