/**
 * The code lists the portal offers in its forms, taken from the server's own modules (pure files
 * without imports of their own) so that a form never offers a code the server refuses, and names it
 * as the server does.
 */
import { SPOED_KANALEN, SPOED_OORZAKEN } from '../modules/spoed/core/causes.ts';
import { REDEN_NAMEN, REDENEN } from '../modules/vorderingen/core/redenen.ts';
import { SOORT_NAMEN } from '../modules/eigenbedragen/core/soorten.ts';
import { EIGEN_BEDRAG_SOORTEN } from '../modules/tarieven/core/dated.ts';

export interface Keuze {
  value: string;
  label: string;
}

/** "dubbel betaald" → "Dubbel betaald" */
const hoofdletter = (t: string): string => t.charAt(0).toUpperCase() + t.slice(1);

/** Causes of an urgent payment (seed 000, table 6). */
export const SPOED_OORZAAK_KEUZES: Keuze[] = Object.entries(SPOED_OORZAKEN).map(([value, label]) => ({ value, label }));
/** Channels through which an urgent request reached the back office. */
export const SPOED_KANAAL_KEUZES: Keuze[] = SPOED_KANALEN.map((k) => ({ value: k, label: k }));
/** Why a recovery is established. */
export const VORDERING_REDEN_KEUZES: Keuze[] = REDENEN.map((r) => ({ value: r, label: hoofdletter(REDEN_NAMEN[r]) }));
/** The own amounts a holder can request. */
export const EIGEN_BEDRAG_KEUZES: Keuze[] = EIGEN_BEDRAG_SOORTEN.map((s) => ({ value: s, label: hoofdletter(SOORT_NAMEN[s] ?? s) }));
/** The name of any kind of own amount, the return of own deposits at year end included. */
export const eigenBedragNaam = (soort: string): string => hoofdletter(SOORT_NAMEN[soort] ?? soort);
