/**
 * Causes of an urgent payment (spoedbetaling): the categories of seed 000, table 6
 * ("Oorzaken spoedbetalingen", SVB 2015), as a fixed code list.
 */
export const SPOED_OORZAKEN = {
  GEEN_DECLARATIE: 'Geen declaratie',
  TE_WEINIG_BUDGET: 'Wel een wet bekend maar te weinig budget',
  GEEN_WET: 'Geen wet bekend en daarmee geen budget',
  VERKEERD_VERWERKT: 'Gegevens verkeerd verwerkt',
  MAXIMUMTARIEF: 'Maximumtarief overschreden of wachten op accordering van maximumtarief',
  OMLABELEN: 'Nog omlabelen of verwerken document',
  OVERBESTEDING: 'Overbesteding budget',
  OVERIG: 'Overig',
  SYSTEEMFOUT: 'Systeemfout',
  ZOK_AFGEKEURD: 'Zorgovereenkomst afgekeurd',
  ZOK_ONVOLLEDIG: 'Zorgovereenkomst niet opgestuurd of verkeerd ingevuld door budgethouder',
} as const;

export type SpoedOorzaak = keyof typeof SPOED_OORZAKEN;

export function isSpoedOorzaak(code: string): code is SpoedOorzaak {
  return Object.hasOwn(SPOED_OORZAKEN, code);
}

/** Channels through which an urgent request reaches the back office. */
export const SPOED_KANALEN = ['telefoon', 'e-mail', 'balie', 'brief', 'portaal'] as const;
export type SpoedKanaal = (typeof SPOED_KANALEN)[number];

export function isSpoedKanaal(text: string): text is SpoedKanaal {
  return (SPOED_KANALEN as readonly string[]).includes(text);
}
