type Cell = string | number | null;

/** One column of an export: its header, and how a row gives its cell. */
export type CsvColumn<Row> = readonly [header: string, value: (row: Row) => Cell];

/** A cell as CSV reads it; one a spreadsheet would run as a formula is quoted as text. */
function cell(value: Cell): string {
  const text = value === null ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows as CSV (RFC 4180 line ends): the header line, then one line a row, with only the columns given. */
export const toCsv = <Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]) =>
  [columns.map(([header]) => header), ...rows.map((row) => columns.map(([, value]) => value(row)))]
    .map((line) => line.map(cell).join(','))
    .join('\r\n') + '\r\n';
