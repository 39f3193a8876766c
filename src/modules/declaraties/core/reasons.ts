/**
 * The reason codes of formats.md, in the order in which they are checked, with the status each
 * gives. `afgekeurd` is final; `geparkeerd` waits and is checked again by itself.
 */
export const REASONS = [
  'ONGELDIG',
  'INDIENTERMIJN_VERSTREKEN',
  'DUBBELE_DECLARATIE',
  'ONBEKENDE_BUDGETHOUDER',
  'GEEN_ZORGOVEREENKOMST',
  'ZORGOVEREENKOMST_NIET_GEACCORDEERD',
  'BUITEN_LOOPTIJD',
  'TARIEF_AFWIJKEND',
  'ONDER_MINIMUMLOON', // payroll (issue #9): not one of formats.md's ten
  'GEEN_TOEKENNING',
  'MAXIMUMTARIEF_OVERSCHREDEN',
  'BUDGET_ONTOEREIKEND',
] as const;
export type ReasonCode = (typeof REASONS)[number];

export const CLAIM_STATUSES = ['ontvangen', 'goedgekeurd', 'betaald', 'geparkeerd', 'afgekeurd'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** What a holder is told to do next, per reason (the sentence itself is built with the details). */
export const NEXT_STEP: Record<ReasonCode, string> = {
  ONGELDIG: 'Dien een verbeterde declaratie in.',
  INDIENTERMIJN_VERSTREKEN: 'Zorg van een jaar kan tot en met 1 april van het jaar erna worden gedeclareerd; daarna wordt het budget afgesloten en wordt niet meer betaald.',
  DUBBELE_DECLARATIE: 'Er wordt niet twee keer betaald. Neem contact op met de zorgverlener als dit niet klopt.',
  ONBEKENDE_BUDGETHOUDER: 'Controleer het BSN en dien de declaratie opnieuw in.',
  GEEN_ZORGOVEREENKOMST: 'Sluit een zorgovereenkomst met deze zorgverlener en laat die accorderen; de declaratie wacht zolang.',
  ZORGOVEREENKOMST_NIET_GEACCORDEERD: 'De declaratie wordt betaald zodra de verstrekker de zorgovereenkomst accordeert.',
  BUITEN_LOOPTIJD: 'Declareer alleen zorg binnen de looptijd, of laat de zorgovereenkomst verlengen.',
  TARIEF_AFWIJKEND: 'Declareer tegen het afgesproken tarief, of pas de zorgovereenkomst aan.',
  ONDER_MINIMUMLOON: 'Pas het uurloon in de zorgovereenkomst aan tot ten minste het minimumloon en declareer opnieuw.',
  GEEN_TOEKENNING: 'Vraag uw gemeente of zorgkantoor om een toekenning; de declaratie wacht zolang.',
  MAXIMUMTARIEF_OVERSCHREDEN: 'Maak het verschil over als eigen storting, of verlaag het tarief; de declaratie wacht zolang.',
  BUDGET_ONTOEREIKEND: 'Vraag de verstrekker om een aanvullende toekenning of maak een eigen storting; de declaratie wacht zolang.',
};
