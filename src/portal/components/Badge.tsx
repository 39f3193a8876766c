import type { ReactNode } from 'react';
import { cx } from './cx.ts';

export type StatusKind = 'neutral' | 'active' | 'success' | 'warning' | 'danger' | 'inactive';

/** utrecht-status-badge: a state in words (the colour only repeats what the words say). */
export function StatusBadge({ status = 'neutral', children }: { status?: StatusKind; children: ReactNode }) {
  return <span className={cx('utrecht-status-badge', `utrecht-status-badge--${status}`)}>{children}</span>;
}

/** utrecht-number-badge: a count, with its meaning for screen readers. */
export function NumberBadge({ value, label }: { value: number; label: string }) {
  return (
    <span className="utrecht-number-badge" aria-label={`${value} ${label}`}>
      {value}
    </span>
  );
}
