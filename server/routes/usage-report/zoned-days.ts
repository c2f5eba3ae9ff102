import { DEFAULT_REPORT_DAYS } from '../../../contract/usage-report';
import { BUCKET_MS } from '../../db/usage-report-migration';
import type { BucketRange } from '../../repositories/usage-report-repository';

const DAY_MS = 86_400_000;

/** Calendar days of one time zone: their dates, and where they begin and end in epoch ms. */
export interface ZonedPeriod {
  from: string;
  to: string;
  timeZone: string;
  startMs: number;
  endMs: number;
  buckets: BucketRange;
  /** Every date of the period, in order. */
  dates: string[];
  /** The date a quarter-hour bucket falls on in this zone. */
  dateOfBucket: (bucket: number) => string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterOf(timeZone: string) {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock time in `timeZone` at `ms`, read as if it were UTC. */
function wallClockMs(timeZone: string, ms: number): number {
  const parts = Object.fromEntries(
    formatterOf(timeZone)
      .formatToParts(ms)
      .map((part) => [part.type, part.value]),
  );
  return Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
}

const dateInZone = (timeZone: string, ms: number) => new Date(wallClockMs(timeZone, ms)).toISOString().slice(0, 10);

/** When `date` begins in `timeZone`: its midnight, found from the zone's offset (twice, for a change that day). */
function startOfDate(date: string, timeZone: string): number {
  const wall = Date.parse(`${date}T00:00:00Z`);
  let guess = wall - (wallClockMs(timeZone, wall) - wall);
  guess = wall - (wallClockMs(timeZone, guess) - guess);
  return guess;
}

const addDays = (date: string, days: number) => new Date(Date.parse(date) + days * DAY_MS).toISOString().slice(0, 10);

/** The period a query asks for; without dates, the last DEFAULT_REPORT_DAYS days to today in the zone. */
export function zonedPeriod(query: { from?: string | undefined; to?: string | undefined; tz: string }, nowMs: number) {
  const timeZone = query.tz;
  const to = query.to ?? (query.from ? addDays(query.from, DEFAULT_REPORT_DAYS - 1) : dateInZone(timeZone, nowMs));
  const from = query.from ?? addDays(to, -(DEFAULT_REPORT_DAYS - 1));
  const startMs = startOfDate(from, timeZone);
  const endMs = startOfDate(addDays(to, 1), timeZone);
  const dates: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  const utc = timeZone === 'UTC';
  return {
    from,
    to,
    timeZone,
    startMs,
    endMs,
    buckets: { from: Math.floor(startMs / BUCKET_MS), to: Math.ceil(endMs / BUCKET_MS) },
    dates,
    dateOfBucket: (bucket: number) =>
      utc ? new Date(bucket * BUCKET_MS).toISOString().slice(0, 10) : dateInZone(timeZone, bucket * BUCKET_MS),
  } satisfies ZonedPeriod;
}
