// Formatters are made on first use, not when the module loads: a page's first Intl object sets up the browser's
// locale data (15–25 ms here, four times that on a slow phone), and the first paint does not need it.
let numberFormat: Intl.NumberFormat | undefined;

export const formatNumber = (value: number) => (numberFormat ??= new Intl.NumberFormat('en-US')).format(value);

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

let dateTime: Intl.DateTimeFormat | undefined;
const dateTimeFormat = () =>
  (dateTime ??= new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' }));

export const formatDateTime = (iso: string | number | Date) => `${dateTimeFormat().format(new Date(iso))} UTC`;

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
  if (count === 0) return seconds >= 0 ? 'in under a minute' : 'just now';
  return seconds >= 0 ? `in ${count} ${label}` : `${count} ${label} ago`;
}

/** "83 %": a share of 0–1 in whole percent. */
export const formatPercent = (share: number) => `${Math.round(share * 100)} %`;
