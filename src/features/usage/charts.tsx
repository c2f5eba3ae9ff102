import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { USAGE_OUTCOMES } from '../../../contract/usage-report';
import { OUTCOME_LABELS, type CodeCount, type CreditsDay, type OutcomesDay, type TierRow } from './chart-data';

/**
 * The usage charts, loaded with the page's first chart and never with the app. They only draw the rows they are
 * given. Each series has a pattern as well as a colour and a name in the legend; the tables beside them say
 * everything the charts do, so the drawings are hidden from screen readers.
 */

const PATTERNS = [
  { id: 'usage-solid', color: 'var(--chart-1)', path: null },
  { id: 'usage-stripes', color: 'var(--chart-2)', path: 'M0,8 L8,0 M-2,2 L2,-2 M6,10 L10,6' },
  { id: 'usage-dots', color: 'var(--chart-3)', path: 'M3,3 m-1.6,0 a1.6,1.6 0 1,0 3.2,0 a1.6,1.6 0 1,0 -3.2,0' },
  { id: 'usage-cross', color: 'var(--chart-4)', path: 'M0,0 L8,8 M8,0 L0,8' },
] as const;
type PatternId = (typeof PATTERNS)[number]['id'];
const fill = (id: PatternId) => `url(#${id})`;

function PatternDefs() {
  return (
    <svg width="0" height="0" className="absolute" aria-hidden="true" focusable="false">
      <defs>
        {PATTERNS.map((pattern) => (
          <pattern key={pattern.id} id={pattern.id} width="8" height="8" patternUnits="userSpaceOnUse">
            <rect width="8" height="8" fill={pattern.path ? 'var(--chart-paper)' : pattern.color} />
            {pattern.path && <path d={pattern.path} stroke={pattern.color} strokeWidth="2" fill={pattern.color} />}
          </pattern>
        ))}
      </defs>
    </svg>
  );
}

const OUTCOME_PATTERN: Record<(typeof USAGE_OUTCOMES)[number], PatternId> = {
  success: 'usage-solid',
  cached: 'usage-dots',
  refunded: 'usage-stripes',
  failed: 'usage-cross',
};
const strokeOf = (id: PatternId) => PATTERNS.find((pattern) => pattern.id === id)!.color;

/** `pickDay` opens a day's records when its bar is clicked; the table's date buttons do the same by keyboard. */
type PickDay = (date: string) => void;
const dayOf = (bar: unknown) => (bar as { payload?: { date?: string } }).payload?.date;

function Frame({ children, height = 240 }: { children: React.ReactElement; height?: number }) {
  return (
    <div aria-hidden="true" className="relative w-full" style={{ height }}>
      <PatternDefs />
      <ResponsiveContainer width="100%" height="100%">
        {children}
      </ResponsiveContainer>
    </div>
  );
}

const axisTick = { fontSize: 12, fill: 'var(--chart-axis)' };
const shortDate = (date: string) => date.slice(5);

export function CreditsPerDayChart({ rows, pickDay }: { rows: CreditsDay[]; pickDay: PickDay }) {
  const onClick = (bar: unknown) => {
    const date = dayOf(bar);
    if (date) pickDay(date);
  };
  return (
    <Frame>
      <BarChart data={rows} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="date" tickFormatter={shortDate} tick={axisTick} />
        <YAxis tick={axisTick} width={56} />
        <Tooltip />
        <Legend />
        <Bar
          dataKey="charged"
          name="Charged"
          fill={fill('usage-solid')}
          stroke={strokeOf('usage-solid')}
          onClick={onClick}
          cursor="pointer"
        />
        <Bar
          dataKey="refunded"
          name="Refunded"
          fill={fill('usage-stripes')}
          stroke={strokeOf('usage-stripes')}
          onClick={onClick}
          cursor="pointer"
        />
      </BarChart>
    </Frame>
  );
}

export function OutcomesPerDayChart({ rows, pickDay }: { rows: OutcomesDay[]; pickDay: PickDay }) {
  const onClick = (bar: unknown) => {
    const date = dayOf(bar);
    if (date) pickDay(date);
  };
  return (
    <Frame>
      <BarChart data={rows} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="date" tickFormatter={shortDate} tick={axisTick} />
        <YAxis tick={axisTick} width={56} allowDecimals={false} />
        <Tooltip />
        <Legend />
        {USAGE_OUTCOMES.map((outcome) => (
          <Bar
            key={outcome}
            dataKey={outcome}
            name={OUTCOME_LABELS[outcome]}
            stackId="outcomes"
            fill={fill(OUTCOME_PATTERN[outcome])}
            stroke={strokeOf(OUTCOME_PATTERN[outcome])}
            onClick={onClick}
            cursor="pointer"
          />
        ))}
      </BarChart>
    </Frame>
  );
}

export function TierChart({ rows }: { rows: TierRow[] }) {
  return (
    <Frame height={200}>
      <BarChart data={rows} layout="vertical" accessibilityLayer={false} margin={{ left: 24 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" tick={axisTick} />
        <YAxis type="category" dataKey="label" tick={axisTick} width={180} />
        <Tooltip />
        <Legend />
        <Bar dataKey="credits_charged" name="Charged" fill={fill('usage-solid')} stroke={strokeOf('usage-solid')} />
        <Bar
          dataKey="credits_refunded"
          name="Refunded"
          fill={fill('usage-stripes')}
          stroke={strokeOf('usage-stripes')}
        />
      </BarChart>
    </Frame>
  );
}

export function ErrorCodeChart({ rows }: { rows: CodeCount[] }) {
  return (
    <Frame height={Math.max(120, rows.length * 28 + 40)}>
      <BarChart data={rows} layout="vertical" accessibilityLayer={false} margin={{ left: 24 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" tick={axisTick} allowDecimals={false} />
        <YAxis type="category" dataKey="code" tick={axisTick} width={200} />
        <Tooltip />
        <Bar dataKey="requests" name="Requests" fill={fill('usage-cross')} stroke={strokeOf('usage-cross')} />
      </BarChart>
    </Frame>
  );
}
