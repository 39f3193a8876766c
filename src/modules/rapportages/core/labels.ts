/** Short Dutch names for the reports' codes. */
import { WET_NAMEN, type Wet } from '../../../kernel/wet.ts';

export const REASON_LABELS: Record<string, string> = {
  ONGELDIG: 'ongeldig of onmogelijk',
  DUBBELE_DECLARATIE: 'dubbele declaratie',
  ONBEKENDE_BUDGETHOUDER: 'budgethouder onbekend',
  GEEN_ZORGOVEREENKOMST: 'geen zorgovereenkomst',
  ZORGOVEREENKOMST_NIET_GEACCORDEERD: 'zorgovereenkomst niet geaccordeerd',
  BUITEN_LOOPTIJD: 'buiten looptijd zorgovereenkomst',
  TARIEF_AFWIJKEND: 'tarief hoger dan afgesproken',
  GEEN_TOEKENNING: 'geen toekenning (geen wet bekend)',
  MAXIMUMTARIEF_OVERSCHREDEN: 'maximumtarief overschreden',
  BUDGET_ONTOEREIKEND: 'budget ontoereikend',
  ONBEKEND: 'reden onbekend',
};

export function reasonLabel(code: string): string {
  return REASON_LABELS[code] ?? code;
}

export const LAW_SHORT: Record<string, string> = { WMO_HH: 'Wmo HH', WMO_BG: 'Wmo BG', JW: 'Jeugdwet', WLZ: 'Wlz', ONBEKEND: 'wet onbekend' };

export function lawName(code: string): string {
  return WET_NAMEN[code as Wet] ?? (code === 'ONBEKEND' ? 'geen zorgovereenkomst, wet onbekend' : code);
}
