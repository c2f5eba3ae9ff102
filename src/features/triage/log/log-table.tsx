import { useTable } from '@tanstack/react-table';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { Fragment, memo, useCallback, useEffect, useRef, useState, type FocusEvent } from 'react';
import type { RequestLogEntry } from '../../../../contract/request-log';
import { useFocusAfterLastPage } from '../../../components/use-focus-after-last-page';
import { formatNumber } from '../../../lib/format';
import { COLUMN_WIDTH, columns, features } from './log-columns';
import { BusyButton } from '../../../components/busy-button';

/** A row of two lines; rows are measured once drawn, this only places the ones not drawn yet. */
const ROW_ESTIMATE = 64;
/** Read the next page when the last row drawn is this close to the end of what is loaded. */
const READ_AHEAD = 10;
const TABLE_WIDTH = Object.values(COLUMN_WIDTH).reduce((sum, width) => sum + width, 0);
const CELL = 'px-3 py-2 align-top';

export interface LogTableProps {
  rows: RequestLogEntry[];
  hasMore: boolean;
  /** The last page read held nothing: the next is read on request only, so an empty scan does not loop. */
  lastPageEmpty: boolean;
  loadMore: () => void;
  loadingMore: boolean;
}

/**
 * The log as a table whose rows are drawn only near the view (TanStack Virtual), so thousands of loaded rows scroll
 * smoothly. Spacer rows keep the scroll height and the table's own layout; the frame takes the focus so the keyboard
 * can scroll it, every link in the drawn rows is in the tab order, and the row holding the focus stays drawn when it
 * scrolls out of view, so the focus is never dropped.
 */
// Memoised: the page around it re-renders each second while it watches the rate-limit window.
export const LogTable = memo(function LogTable({ rows, hasMore, lastPageEmpty, loadMore, loadingMore }: LogTableProps) {
  const table = useTable({ features, columns, data: rows, getRowId: (entry) => entry.request_id });
  const tableRows = table.getRowModel().rows;
  const frame = useRef<HTMLDivElement>(null);
  const [focused, setFocused] = useState<number | null>(null);
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (focused === null || focused >= range.count || indexes.includes(focused)) return indexes;
      return [...indexes, focused].sort((a, b) => a - b);
    },
    [focused],
  );
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read in this render only, never memoised
  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => frame.current,
    estimateSize: () => ROW_ESTIMATE,
    getItemKey: (index) => tableRows[index]?.id ?? index,
    overscan: 8,
    rangeExtractor,
  });
  const items = virtualizer.getVirtualItems();
  const lastDrawn = items.at(-1)?.index ?? -1;

  const nearEnd = lastDrawn >= tableRows.length - READ_AHEAD;
  useEffect(() => {
    if (nearEnd && hasMore && !lastPageEmpty && !loadingMore) loadMore();
  }, [nearEnd, hasMore, lastPageEmpty, loadingMore, loadMore]);

  const onFocus = (event: FocusEvent<HTMLElement>) => {
    const index = (event.target as HTMLElement).closest('tr')?.dataset.index;
    setFocused(index === undefined ? null : Number(index));
  };
  const onBlur = (event: FocusEvent<HTMLElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocused(null);
  };
  const label = `Request log, ${formatNumber(rows.length)} ${rows.length === 1 ? 'request' : 'requests'} loaded`;

  return (
    <div className="space-y-2">
      <div
        ref={frame}
        role="region"
        aria-label={label}
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard
        tabIndex={0}
        className="max-h-[70vh] min-h-64 overflow-auto rounded-lg border border-slate-200 bg-white"
      >
        <table className="table-fixed text-left text-sm" style={{ width: TABLE_WIDTH }} aria-rowcount={rows.length + 1}>
          <caption className="sr-only">{label}</caption>
          <colgroup>
            {table.getAllLeafColumns().map((column) => (
              <col key={column.id} style={{ width: COLUMN_WIDTH[column.id] }} />
            ))}
          </colgroup>
          <thead className="sticky top-0 z-10 border-b border-slate-300 bg-slate-50 text-slate-700">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} aria-rowindex={1}>
                {group.headers.map((header) => (
                  <th key={header.id} scope="col" className={`${CELL} font-medium`}>
                    <table.FlexRender header={header} />
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- only notes where the focus is, to keep that row drawn */}
          <tbody onFocus={onFocus} onBlur={onBlur}>
            {items.map((item, position) => {
              const row = tableRows[item.index];
              const gap = item.start - (items[position - 1]?.end ?? 0);
              return (
                row && (
                  <Fragment key={row.id}>
                    {gap > 0 && <Spacer height={gap} />}
                    <tr
                      data-index={item.index}
                      ref={virtualizer.measureElement}
                      aria-rowindex={item.index + 2}
                      className="border-b border-slate-100"
                    >
                      {row.getAllCells().map((cell) => (
                        <td key={cell.id} className={CELL}>
                          <table.FlexRender cell={cell} />
                        </td>
                      ))}
                    </tr>
                  </Fragment>
                )
              );
            })}
            <Spacer height={virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0)} />
          </tbody>
        </table>
      </div>
      <MoreRows hasMore={hasMore} lastPageEmpty={lastPageEmpty} loadMore={loadMore} loadingMore={loadingMore} />
    </div>
  );
});

/** Stands for the rows not drawn, so the scroll height and position stay true. */
function Spacer({ height }: { height: number }) {
  if (height <= 0) return null;
  return (
    <tr aria-hidden="true">
      <td colSpan={columns.length} style={{ height, padding: 0 }} />
    </tr>
  );
}

function MoreRows({ hasMore, lastPageEmpty, loadMore, loadingMore }: Omit<LogTableProps, 'rows'>) {
  // The focus of the button goes to the sentence that replaces it.
  const { target: end, button } = useFocusAfterLastPage<HTMLParagraphElement>(hasMore);
  if (!hasMore)
    return (
      <p ref={end} tabIndex={-1} className="text-sm text-slate-700">
        That is every request these filters match.
      </p>
    );
  return (
    <p className="flex flex-wrap items-center gap-3 text-sm text-slate-700">
      {lastPageEmpty && <span>The last stretch of the log read had no match; older requests may still.</span>}
      <BusyButton
        busy={loadingMore}
        onClick={loadMore}
        ref={button}
        className="rounded-md border border-slate-400 bg-white px-3 py-2 font-medium text-slate-900 hover:bg-slate-50"
      >
        Load older requests
      </BusyButton>
      <span role="status">{loadingMore ? 'Reading older requests…' : ''}</span>
    </p>
  );
}
