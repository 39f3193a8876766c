import type { ReactNode } from 'react';

export interface DataItem {
  key: ReactNode;
  value: ReactNode;
}

/** utrecht-data-list: facts as key and value (a <dl>). */
export function DataList({ items, className }: { items: DataItem[]; className?: string }) {
  return (
    <dl className={`utrecht-data-list utrecht-data-list--rows ${className ?? ''}`}>
      {items.map((it, i) => (
        <div className="utrecht-data-list__item" key={i}>
          <dt className="utrecht-data-list__item-key">{it.key}</dt>
          <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{it.value}</dd>
        </div>
      ))}
    </dl>
  );
}
