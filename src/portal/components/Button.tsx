import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { cx } from './cx.ts';

export type ButtonAppearance = 'primary-action' | 'secondary-action' | 'subtle';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  appearance?: ButtonAppearance;
  /** shown busy (and not clickable again) while its action runs */
  busy?: boolean;
  danger?: boolean;
  children: ReactNode;
}

/** utrecht-button: a real <button>, type="button" unless it submits a form. */
export function Button({ appearance = 'secondary-action', busy = false, danger = false, className, type = 'button', disabled, children, ...rest }: ButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      className={cx('utrecht-button', `utrecht-button--${appearance}`, type === 'submit' && 'utrecht-button--submit', busy && 'utrecht-button--busy', danger && 'utrecht-button--danger', (disabled || busy) && 'utrecht-button--disabled', className)}
    >
      {children}
    </button>
  );
}

/** utrecht-button-group: buttons in a row that wraps on a phone. */
export function ButtonGroup({ children, className }: { children: ReactNode; className?: string }) {
  return <div className={cx('utrecht-button-group', 'utrecht-button-group--row', className)}>{children}</div>;
}
