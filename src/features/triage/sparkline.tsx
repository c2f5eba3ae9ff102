/**
 * A count per day as a small line, its numbers said in words for screen readers. Only displays: the view around it
 * owns the data.
 */
export function Sparkline({ counts, days }: { counts: readonly number[]; days: readonly string[] }) {
  const width = 96;
  const height = 24;
  const highest = Math.max(1, ...counts);
  const step = counts.length > 1 ? width / (counts.length - 1) : 0;
  const points = counts
    .map((count, index) => `${(index * step).toFixed(1)},${(height - 2 - (count / highest) * (height - 4)).toFixed(1)}`)
    .join(' ');
  const peak = counts.indexOf(Math.max(...counts));
  // Every day's count reads well up to a month; beyond that, the peak and the last day.
  const described =
    counts.length <= 31
      ? counts.map((count, index) => `${days[index] ?? ''}: ${count}`).join(', ')
      : `highest ${counts[peak] ?? 0} on ${days[peak] ?? ''}, ${counts.at(-1) ?? 0} on ${days.at(-1) ?? ''}`;
  return (
    <svg
      role="img"
      aria-label={`Per day, ${described}`}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      className="overflow-visible text-red-700"
    >
      {counts.length === 1 ? (
        <circle cx={width / 2} cy={height / 2} r={2} fill="currentColor" />
      ) : (
        <polyline points={points} fill="none" stroke="currentColor" strokeWidth={1.5} />
      )}
    </svg>
  );
}
