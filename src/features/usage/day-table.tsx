import { ColumnHeaders } from '../../components/column-headers';
import { ScrollRegion } from '../../components/scroll-region';
import { formatNumber } from '../../lib/format';
import { usePickDay } from './zone';

// Positioned, so the screen-reader-only text in its rows is clipped with them instead of widening the page.
const SCROLL_CLASS = 'relative max-h-72 overflow-y-auto';

export interface DayColumn<Row> {
  label: string;
  value: (row: Row) => number;
}

/** A chart's table: one row a day, numbers right-aligned; a day's button opens that day's records, as its bar does. */
export function DayTable<Row extends { date: string }>(props: {
  caption: string;
  columns: readonly DayColumn<Row>[];
  rows: Row[];
}) {
  const pickDay = usePickDay();
  const headers = [
    { label: 'Day' },
    ...props.columns.map((column) => ({ label: column.label, align: 'right' as const })),
  ];
  return (
    <ScrollRegion label={`${props.caption}, table`} className={SCROLL_CLASS}>
      <table className="w-full text-left text-sm">
        <caption className="py-1 text-left text-sm font-medium">{props.caption}</caption>
        <ColumnHeaders columns={headers} cellClassName="py-1 pr-4" />
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.date} className="border-b border-slate-100">
              <th scope="row" className="py-1 pr-4 font-normal">
                <button type="button" className="font-mono text-blue-800 underline" onClick={() => pickDay(row.date)}>
                  {row.date}
                  <span className="sr-only">: show this day’s refunds</span>
                </button>
              </th>
              {props.columns.map((column) => (
                <td key={column.label} className="py-1 pr-4 text-right tabular-nums">
                  {formatNumber(column.value(row))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
