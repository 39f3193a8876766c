import type { ReactNode } from 'react';

/** utrecht-skip-link: the first thing a keyboard reaches, visible when focused. */
export function SkipLink({ href = '#inhoud', children = 'Ga direct naar de inhoud' }: { href?: string; children?: ReactNode }) {
  return (
    <a href={href} className="utrecht-skip-link utrecht-skip-link--visible-on-focus">
      {children}
    </a>
  );
}

export function PageHeader({ children }: { children: ReactNode }) {
  return (
    <header className="utrecht-page-header pgb-kop">
      <div className="utrecht-page-header__content pgb-kop__inhoud">{children}</div>
    </header>
  );
}

export function PageFooter({ children }: { children: ReactNode }) {
  return (
    <footer className="utrecht-page-footer pgb-voet">
      <div className="utrecht-page-footer__content pgb-voet__inhoud">{children}</div>
    </footer>
  );
}

/** The main content: the skip link's target, focusable so a route change can move focus here. */
export function PageBody({ children }: { children: ReactNode }) {
  return (
    <main id="inhoud" tabIndex={-1} className="utrecht-page-body pgb-inhoud">
      <div className="utrecht-page-body__content">{children}</div>
    </main>
  );
}

/** A navigation bar with its name for screen readers. */
export function NavBar({ label, children }: { label: string; children: ReactNode }) {
  return (
    <nav className="utrecht-nav-bar pgb-nav" aria-label={label}>
      <div className="utrecht-nav-bar__content">
        <ul className="utrecht-nav-list pgb-nav__lijst">{children}</ul>
      </div>
    </nav>
  );
}

export function NavItem({ children }: { children: ReactNode }) {
  return <li className="utrecht-nav-list__item">{children}</li>;
}
