export interface Column {
  label: string;
  /** Numbers line up on the right, their header with them. */
  align?: 'left' | 'right';
}

/** The header row of a data table: one look for every table, each keeping its own cell spacing. */
export function ColumnHeaders({ columns, cellClassName }: { columns: readonly Column[]; cellClassName: string }) {
  return (
    <thead className="border-b border-slate-300 text-slate-700">
      <tr>
        {columns.map((column) => (
          <th
            key={column.label}
            scope="col"
            className={`${cellClassName} font-medium ${column.align === 'right' ? 'text-right' : ''}`}
          >
            {column.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
