import type { AnchorHTMLAttributes, ReactNode } from 'react';
import { Link as RouterLink, NavLink as RouterNavLink, type LinkProps } from 'react-router';
import { cx } from './cx.ts';

/** A link inside the app (react-router) with the look of utrecht-link. */
export function Link({ className, ...rest }: LinkProps) {
  return <RouterLink {...rest} className={cx('utrecht-link', 'utrecht-link--html-a', className as string | undefined)} />;
}

/** A link that leaves the app (a download, the API documentation). */
export function ExternalLink({ className, children, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { children: ReactNode }) {
  return (
    <a {...rest} className={cx('utrecht-link', 'utrecht-link--html-a', className)}>
      {children}
    </a>
  );
}

/** A link that looks like a button (utrecht-button-link), for "go to the form" actions. */
export function ButtonLink({ appearance = 'secondary-action', className, ...rest }: LinkProps & { appearance?: 'primary-action' | 'secondary-action' | 'subtle' }) {
  return <RouterLink {...rest} className={cx('utrecht-button-link', 'utrecht-button-link--html-a', `utrecht-button-link--${appearance}`, className as string | undefined)} />;
}

/** A navigation link that says it is the current page (aria-current) when it is. */
export function NavLink({ to, children, end }: { to: string; children: ReactNode; end?: boolean }) {
  return (
    <RouterNavLink
      to={to}
      end={end ?? false}
      className={({ isActive }) => cx('utrecht-nav-list__link', 'utrecht-link', 'utrecht-link--html-a', isActive && 'utrecht-link--current')}
    >
      {children}
    </RouterNavLink>
  );
}
