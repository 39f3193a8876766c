import type { ReactNode } from 'react';
import { cx } from './cx.ts';

export type AlertType = 'info' | 'ok' | 'warning' | 'error';

const ICON: Record<AlertType, string> = { info: 'ℹ', ok: '✓', warning: '!', error: '✕' };

/**
 * utrecht-alert. An error or ok alert is announced (role="alert" / "status") so a screen reader
 * hears the outcome of an action; an info alert is just content.
 */
export function Alert({ type = 'info', titel, children, className, id }: { type?: AlertType; titel?: string; children?: ReactNode; className?: string; id?: string }) {
  const role = type === 'error' ? 'alert' : type === 'ok' || type === 'warning' ? 'status' : undefined;
  return (
    <div id={id} role={role} className={cx('utrecht-alert', `utrecht-alert--${type}`, 'pgb-alert', className)}>
      <div className="utrecht-alert__icon pgb-alert__icon" aria-hidden="true">
        {ICON[type]}
      </div>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          {titel && <p className="utrecht-paragraph pgb-alert__titel">{titel}</p>}
          {children}
        </div>
      </div>
    </div>
  );
}
