import type { RequestLogEntry } from '../../../../contract/request-log';
import { rowsCsv, rowsJson } from './export-rows';

export const BUTTON_CLASS =
  'rounded-md border border-slate-400 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50 disabled:cursor-not-allowed disabled:text-slate-500';

function download(text: string, type: string, name: string) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = name;
  link.click();
  // Revoked once the browser has taken the file, not before.
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** The rows the filters kept and the table has loaded so far, as files. */
export function ExportButtons({ rows }: { rows: readonly RequestLogEntry[] }) {
  const none = rows.length === 0;
  return (
    <div role="group" aria-label="Export the loaded rows" className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        disabled={none}
        onClick={() => download(rowsCsv(rows), 'text/csv', 'request-log.csv')}
        className={BUTTON_CLASS}
      >
        Export CSV
      </button>
      <button
        type="button"
        disabled={none}
        onClick={() => download(rowsJson(rows), 'application/json', 'request-log.json')}
        className={BUTTON_CLASS}
      >
        Export JSON
      </button>
    </div>
  );
}
