/**
 * "Who holds it now, and whom to contact": one Dutch sentence per claim, derived from its status
 * and reason code, addressed to whoever reads it (the holder reads "u (budgethouder)"). Pure.
 */
import type { ReasonCode } from './reasons.ts';

export type Viewer = 'budgethouder' | 'zorgverlener' | 'verstrekker' | 'anders';

export interface WhereaboutsInput {
  status: string;
  reden: string | null;
  wet: string | null;
  zorgovereenkomst_id: string | null;
  budgethouder_naam: string | null;
  zorgverlener_id: string;
  zorgverlener_naam: string | null;
  verstrekker_naam: string | null;
  iban_geblokkeerd: string | null;
  betaling_status: string | null;
  betaald_op: string | null;
}

export const OPERATOR = 'het betaalbureau';

export function whoHoldsIt(c: WhereaboutsInput, viewer: Viewer): string {
  const holder = viewer === 'budgethouder' ? 'u (budgethouder)' : `de budgethouder${c.budgethouder_naam ? ` (${c.budgethouder_naam})` : ''}`;
  const provider = viewer === 'zorgverlener' ? 'u (zorgverlener)' : `de zorgverlener (${c.zorgverlener_naam ?? c.zorgverlener_id})`;
  const funderName = c.verstrekker_naam ?? (c.wet === 'WLZ' ? 'het zorgkantoor' : c.wet ? 'de gemeente' : 'de gemeente of het zorgkantoor');
  const funder = viewer === 'verstrekker' ? 'u (verstrekker)' : `de verstrekker (${funderName})`;
  const reason = c.reden as ReasonCode | null;
  switch (c.status) {
    case 'ter_goedkeuring':
      return viewer === 'budgethouder'
        ? 'u (budgethouder): de zorgverlener heeft deze declaratie ingediend; keur haar goed of wijs haar af'
        : `${holder}: de declaratie wacht op goedkeuring door de budgethouder`;
    case 'afgewezen':
      return `${provider}: de budgethouder heeft de declaratie afgewezen; overleg met de budgethouder en dien zo nodig een nieuwe declaratie in`;
    case 'ontvangen':
      return `${OPERATOR}: de declaratie wordt gecontroleerd`;
    case 'goedgekeurd':
      return c.iban_geblokkeerd
        ? `${OPERATOR}: de betaling wacht op een nieuw rekeningnummer van ${provider}, omdat een eerdere overboeking terugkwam`
        : `${OPERATOR}: betaling in de volgende betaalrun`;
    case 'betaald':
      return c.betaling_status === 'bevestigd'
        ? `niemand meer: de declaratie is betaald en de bank heeft de betaling bevestigd${c.betaald_op ? ` (uitvoerdatum ${c.betaald_op})` : ''}`
        : `de bank: de declaratie is betaald${c.betaald_op ? ` met uitvoerdatum ${c.betaald_op}` : ''}; de bank moet de overboeking nog bevestigen`;
    case 'geparkeerd':
      switch (reason) {
        case 'GEEN_ZORGOVEREENKOMST':
          return `${holder} en ${provider}: sluit een zorgovereenkomst en laat die accorderen; de declaratie wacht zolang`;
        case 'ZORGOVEREENKOMST_NIET_GEACCORDEERD':
          return `${funder}: de zorgovereenkomst${c.zorgovereenkomst_id ? ` ${c.zorgovereenkomst_id}` : ''} wacht op accordering; de declaratie wacht zolang`;
        case 'GEEN_TOEKENNING':
          return `${funder}: er is geen toekenning die de zorgdatum dekt; de declaratie wacht zolang`;
        case 'MAXIMUMTARIEF_OVERSCHREDEN':
          return `${holder}: het tarief ligt boven het maximumtarief; een eigen storting voor het verschil of een lager tarief is nodig`;
        case 'BUDGET_ONTOEREIKEND':
          return `${funder} of ${holder}: het budget is niet toereikend; een aanvullende toekenning of een eigen storting is nodig`;
        default:
          return `${OPERATOR}: de declaratie is geparkeerd`;
      }
    case 'afgekeurd':
      switch (reason) {
        case 'ONGELDIG':
        case 'ONBEKENDE_BUDGETHOUDER':
          return `de indiener: de declaratie is afgekeurd; dien een verbeterde declaratie in onder een nieuw declaratienummer`;
        case 'DUBBELE_DECLARATIE':
          return `${provider}: deze zorg is al eerder gedeclareerd en wordt niet twee keer betaald; neem contact op met de zorgverlener als dit niet klopt`;
        case 'BUITEN_LOOPTIJD':
        case 'TARIEF_AFWIJKEND':
          return `${holder} en ${provider}: de declaratie past niet in de zorgovereenkomst; declareer opnieuw binnen de afspraken of pas de zorgovereenkomst aan`;
        case 'ZORGOVEREENKOMST_NIET_GEACCORDEERD':
          return `${funder}: de zorgovereenkomst is afgekeurd; neem contact op met de verstrekker`;
        case 'INDIENTERMIJN_VERSTREKEN':
          return `niemand meer: de automatische controle heeft de declaratie afgekeurd omdat de termijn om te declareren voorbij is; deze zorg wordt niet meer uit het budget betaald (vragen: ${OPERATOR})`;
        case 'ONDER_MINIMUMLOON':
          return `${holder} en ${provider}: het uurloon ligt onder het minimumloon; pas de zorgovereenkomst aan en declareer opnieuw`;
        default:
          return `${OPERATOR}: de backoffice heeft de declaratie afgekeurd; neem contact op met het betaalbureau`;
      }
    default:
      return OPERATOR;
  }
}
