/**
 * Why a recovery (vordering) is established: a fixed code list with its names. No imports, so that
 * the portal shows the same list (src/portal/codelijsten.ts).
 */
export const REDENEN = ['DUBBEL_BETAALD', 'ONJUIST_BEDRAG', 'NA_OVERLIJDEN', 'OVERIG'] as const;
export type Reden = (typeof REDENEN)[number];
export const REDEN_NAMEN: Record<Reden, string> = {
  DUBBEL_BETAALD: 'dubbel betaald',
  ONJUIST_BEDRAG: 'onjuist bedrag betaald',
  NA_OVERLIJDEN: 'betaald na overlijden',
  OVERIG: 'overig',
};
