import { ColumnHeaders } from '../../components/column-headers';
import { ScrollRegion } from '../../components/scroll-region';
import { formatNumber } from '../../lib/format';
import { Link } from '@tanstack/react-router';
import { dayWindow, useReportZone, useShowDayRefunds } from './zone';

// Positioned, so the screen-reader-only text in its rows is clipped with them instead of widening the page.
const SCROLL_CLASS = 'relative max-h-72 overflow-y-auto';

export interface DayColumn<Row> {
  label: string;
  value: (row: Row) => number;
}

/**
 * A chart's table: one row a day, numbers right-aligned, and each day's records one step away: its scrapes in the
 * request log (as the day's bar opens them) and its refunds in the history below.
 */
export function DayTable<Row extends { date: string }>(props: {
  caption: string;
  columns: readonly DayColumn<Row>[];
  rows: Row[];
}) {
  const showRefunds = useShowDayRefunds();
  const { zone } = useReportZone();
  const headers = [
    { label: 'Day' },
    ...props.columns.map((column) => ({ label: column.label, align: 'right' as const })),
    { label: 'Records' },
  ];
  return (
    <ScrollRegion label={`${props.caption}, table`} className={SCROLL_CLASS}>
      <table className="w-full text-left text-sm">
        <caption className="py-1 text-left text-sm font-medium">{props.caption}</caption>
        <ColumnHeaders columns={headers} cellClassName="py-1 pr-4" />
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.date} className="border-b border-slate-100">
              <th scope="row" className="py-1 pr-4 font-mono font-normal whitespace-nowrap">
                {row.date}
              </th>
              {props.columns.map((column) => (
                <td key={column.label} className="py-1 pr-4 text-right tabular-nums">
                  {formatNumber(column.value(row))}
                </td>
              ))}
              <td className="py-1 pr-4 whitespace-nowrap">
                <Link
                  to="/triage/log"
                  search={{ ...dayWindow(row.date, zone), path: '/api/v1/scrape' }}
                  aria-label={`Requests of ${row.date}`}
                  className="text-blue-800 underline"
                >
                  Requests
                </Link>{' '}
                ·{' '}
                <button
                  type="button"
                  aria-label={`Refunds of ${row.date}`}
                  className="text-blue-800 underline"
                  onClick={() => showRefunds(row.date)}
                >
                  Refunds
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
