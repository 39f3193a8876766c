/**
 * The kinds of own amounts by name (the three a holder can request, and the return of own deposits
 * that a year end makes). No imports, so that the portal shows the same names (src/portal/codelijsten.ts).
 */
export const SOORT_NAMEN: Record<string, string> = {
  verantwoordingsvrij: 'verantwoordingsvrij bedrag',
  reiskosten: 'reiskosten',
  administratiekosten: 'administratiekosten',
  teruggave_storting: 'teruggave van eigen stortingen',
};
