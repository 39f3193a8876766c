/**
 * The contract of a role's portal: one file per role in src/portal/rollen/ exports a `Portaal`;
 * rollen/index.ts lists them. A page is a React component and a path under the portal's base;
 * pages with a `menu` label appear in the navigation, in the order given. The app (App.tsx)
 * makes the routes, the navigation, the document title and the sign-in guard from this alone.
 */
import type { ComponentType, ReactNode } from 'react';
import type { Rol } from '../api.ts';

export interface Pagina {
  /** path under the portal's base, without a leading slash; '' is the start page; may hold :params */
  pad: string;
  /** the page's name: document title (and the navigation's label unless `menu` says otherwise) */
  titel: string;
  /** label in the navigation; false (or absent) keeps the page out of it (detail pages) */
  menu?: string | false;
  Component: ComponentType;
}

export interface Portaal {
  /** the portal's name as people know it, e.g. "Mijn PGB" */
  naam: string;
  /** the base path, e.g. '/verstrekker' */
  basis: string;
  /** the roles that use this portal */
  rollen: readonly Rol[];
  paginas: readonly Pagina[];
  /** optional: shown in the page header under the name (e.g. the representative's switch of holder) */
  Kop?: ComponentType;
  /** optional: wraps the whole portal, to give its pages a shared context (e.g. the chosen holder) */
  Omgeving?: ComponentType<{ children: ReactNode }>;
}

/** The path of a page of a portal: pad('/verstrekker', 'wachtrij') → '/verstrekker/wachtrij'. */
export function pad(basis: string, sub = ''): string {
  return sub ? `${basis}/${sub}` : basis;
}
