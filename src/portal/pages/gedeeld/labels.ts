/** Dutch names of the platform's codes, as people read them. */
import type { StatusKind } from '../../components/index.ts';
import type { DeclaratieStatus, Wet, ZokStatus } from './types.ts';

export const WET_NAMEN: Record<Wet, string> = {
  WLZ: 'Wet langdurige zorg (Wlz)',
  WMO_HH: 'Wmo: hulp bij het huishouden',
  WMO_BG: 'Wmo: begeleiding en ondersteuning',
  JW: 'Jeugdwet',
};

export function wetNaam(w: string | null | undefined): string {
  return w && w in WET_NAMEN ? WET_NAMEN[w as Wet] : (w ?? '—');
}

export const DECLARATIE_STATUS: Record<DeclaratieStatus, { label: string; kind: StatusKind }> = {
  ter_goedkeuring: { label: 'Wacht op goedkeuring budgethouder', kind: 'warning' },
  afgewezen: { label: 'Afgewezen door budgethouder', kind: 'danger' },
  ontvangen: { label: 'Ontvangen, wordt gecontroleerd', kind: 'neutral' },
  goedgekeurd: { label: 'Goedgekeurd, wordt betaald', kind: 'active' },
  betaald: { label: 'Betaald', kind: 'success' },
  geparkeerd: { label: 'Wacht op actie', kind: 'warning' },
  afgekeurd: { label: 'Afgekeurd', kind: 'danger' },
};

export const ZOK_STATUS: Record<ZokStatus, { label: string; kind: StatusKind }> = {
  concept: { label: 'Concept', kind: 'neutral' },
  gedeeld: { label: 'Wacht op ondertekening zorgverlener', kind: 'warning' },
  ingediend: { label: 'Wacht op accordering verstrekker', kind: 'warning' },
  geaccordeerd: { label: 'Geaccordeerd', kind: 'success' },
  afgekeurd: { label: 'Afgekeurd', kind: 'danger' },
};

export const ZOK_SOORTEN: { value: string; label: string; uitleg: string }[] = [
  { value: 'opdracht', label: 'Overeenkomst van opdracht', uitleg: 'met een zelfstandige (zzp) of een zorgverlener die geen werknemer is' },
  { value: 'arbeidsovereenkomst', label: 'Arbeidsovereenkomst', uitleg: 'de zorgverlener is bij u in dienst; minimaal het minimumloon' },
  { value: 'familie', label: 'Overeenkomst met familielid', uitleg: 'zorg door iemand uit uw sociale netwerk; minimaal het minimumloon bij betaling per uur' },
  { value: 'instelling', label: 'Zorgovereenkomst met een zorginstelling', uitleg: 'met een zorgaanbieder (instelling of bureau)' },
];

export const EENHEDEN: { value: string; label: string }[] = [
  { value: 'uur', label: 'per uur' },
  { value: 'dagdeel', label: 'per dagdeel' },
  { value: 'etmaal', label: 'per etmaal' },
  { value: 'maand', label: 'per maand (vast maandbedrag)' },
];

export const REDEN_UITLEG: Record<string, string> = {
  GEEN_ZORGOVEREENKOMST: 'Er is geen (passende) zorgovereenkomst',
  ZORGOVEREENKOMST_NIET_GEACCORDEERD: 'De zorgovereenkomst is (nog) niet geaccordeerd',
  GEEN_TOEKENNING: 'Er is geen budget voor deze zorgdatum',
  MAXIMUMTARIEF_OVERSCHREDEN: 'Het tarief is hoger dan het maximumtarief',
  BUDGET_ONTOEREIKEND: 'Het budget is niet toereikend',
  ONGELDIG: 'De declaratie klopt niet',
  DUBBELE_DECLARATIE: 'Deze zorg is al gedeclareerd',
  BUITEN_LOOPTIJD: 'De zorgdatum valt buiten de zorgovereenkomst',
  TARIEF_AFWIJKEND: 'Het tarief wijkt af van de zorgovereenkomst',
  ONBEKENDE_BUDGETHOUDER: 'De budgethouder is onbekend',
  INDIENTERMIJN_VERSTREKEN: 'De termijn om te declareren is verstreken',
  ONDER_MINIMUMLOON: 'Het tarief is lager dan het minimumloon',
};

export function redenUitleg(r: string | null | undefined): string | null {
  if (!r) return null;
  return REDEN_UITLEG[r] ?? r;
}
