/**
 * Every role's portal, in one list. A role without a portal here (the funder's system, which uses
 * an API key) cannot sign in to the portal.
 */
import type { Rol } from '../api.ts';
import type { Portaal } from './portaal.ts';
import { budgethouder } from './budgethouder.tsx';
import { zorgverlener } from './zorgverlener.tsx';
import { verstrekker } from './verstrekker.tsx';
import { backoffice } from './backoffice.tsx';
import { auditor } from './auditor.tsx';

export const PORTALEN: readonly Portaal[] = [budgethouder, zorgverlener, verstrekker, backoffice, auditor];

export function portaalVoor(rol: Rol): Portaal | undefined {
  return PORTALEN.find((p) => p.rollen.includes(rol));
}
