/** A row of key figures as tiles, each a number with what it counts (and a link to where it is). */
import type { ReactNode } from 'react';
import './aanvullingen.css';

export interface Kerncijfer {
  label: ReactNode;
  waarde: ReactNode;
}

export function Kerncijfers({ items, label }: { items: Kerncijfer[]; label: string }) {
  return (
    <ul className="pgb-kerncijfers" aria-label={label}>
      {items.map((k, i) => (
        <li key={i} className="pgb-kerncijfer">
          <span className="pgb-kerncijfer__getal">{k.waarde}</span>
          <span className="pgb-kerncijfer__label">{k.label}</span>
        </li>
      ))}
    </ul>
  );
}
