const numberFormat = new Intl.NumberFormat('en-US');

export const formatNumber = (value: number) => numberFormat.format(value);

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

const dateTime = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'medium',
  timeZone: 'UTC',
});

export const formatDateTime = (iso: string | number | Date) => `${dateTime.format(new Date(iso))} UTC`;
