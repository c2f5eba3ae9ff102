import { groupDigits } from '../../contract/digits';

// Made on first use, for what is not a whole number: a page's first Intl object sets up the browser's locale data
// (contract/digits.ts), which the first screens need not wait for.
let numberFormat: Intl.NumberFormat | undefined;

/** "1,500", "2.5". */
export const formatNumber = (value: number) =>
  Number.isSafeInteger(value) ? groupDigits(value) : (numberFormat ??= new Intl.NumberFormat('en-US')).format(value);

/** "1 credit", "1,500 credits". */
export const credits = (value: number) => `${formatNumber(value)} ${value === 1 ? 'credit' : 'credits'}`;

/** "42 s", "3 min 5 s": short enough for a meter, exact enough to act on. */
export function formatSeconds(totalSeconds: number): string {
  const seconds = Math.max(0, Math.ceil(totalSeconds));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "07": hours, minutes, days of a month. */
export const twoDigits = (value: number) => String(value).padStart(2, '0');

/**
 * "25 Nov 2026, 10:00:00 UTC": always in UTC, the time the API's logs and headers use, so a user and support staff
 * read the same time. Written out rather than by Intl, for the reason in contract/digits.ts.
 */
export function formatDateTime(iso: string | number | Date): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a time: ${String(iso)}`);
  const time = [date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()].map(twoDigits).join(':');
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}, ${time} UTC`;
}

const UNITS: [label: string, seconds: number][] = [
  ['d', 86_400],
  ['h', 3_600],
  ['min', 60],
];

/** "in 2 d", "3 h ago", "in 5 min": a countdown read at a glance, in the largest whole unit. */
export function formatRelative(iso: string | number | Date, now: number): string {
  const seconds = (new Date(iso).getTime() - now) / 1000;
  const [label, size] = UNITS.find(([, size]) => Math.abs(seconds) >= size) ?? ['min', 60];
  const count = Math.trunc(Math.abs(seconds) / size);
  // The page's now is read in whole seconds, so a moment ago can lie up to a second ahead of it.
  if (count === 0) return seconds >= 2 ? 'in under a minute' : 'just now';
  return seconds >= 0 ? `in ${count} ${label}` : `${count} ${label} ago`;
}

/** "83 %": a share of 0–1 in whole percent. */
export const formatPercent = (share: number) => `${Math.round(share * 100)} %`;
