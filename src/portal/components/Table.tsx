import type { ReactNode } from 'react';
import { cx } from './cx.ts';

export interface Column<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  numeric?: boolean;
}

/**
 * utrecht-table with a caption (the table's name for screen readers) in a container that scrolls
 * sideways on a phone. The first column is a row header.
 */
export function Table<T>({ caption, columns, rows, rowKey, empty = 'Er is niets om te tonen.', captionHidden = false, className }: {
  caption: ReactNode;
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  empty?: ReactNode;
  captionHidden?: boolean;
  className?: string;
}) {
  if (rows.length === 0) return <p className="utrecht-paragraph pgb-leeg">{empty}</p>;
  return (
    <div className="utrecht-table-container utrecht-table-container--overflow-inline pgb-tabel" tabIndex={0} role="region" aria-label={typeof caption === 'string' ? caption : undefined}>
      <table className={cx('utrecht-table', 'utrecht-table--html-table', className)}>
        <caption className={cx('utrecht-table__caption', captionHidden && 'pgb-visueel-verborgen')}>{caption}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {columns.map((c) => (
              <th key={c.key} scope="col" className={cx('utrecht-table__header-cell', c.numeric && 'utrecht-table__header-cell--numeric-column')}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rows.map((r) => (
            <tr key={rowKey(r)} className="utrecht-table__row">
              {columns.map((c, i) =>
                i === 0 ? (
                  <th key={c.key} scope="row" className={cx('utrecht-table__header-cell', 'pgb-rijkop', c.numeric && 'utrecht-table__cell--numeric-data')}>
                    {c.cell(r)}
                  </th>
                ) : (
                  <td key={c.key} className={cx('utrecht-table__cell', c.numeric && 'utrecht-table__cell--numeric-data')}>
                    {c.cell(r)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
