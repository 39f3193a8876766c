/** Dutch names of the platform's closed lists, as people read them on screen. */

export const WETTEN = ['WLZ', 'WMO_HH', 'WMO_BG', 'JW'] as const;

export const WET_NAAM: Record<string, string> = {
  WLZ: 'Wet langdurige zorg',
  WMO_HH: 'Wmo hulp bij het huishouden',
  WMO_BG: 'Wmo begeleiding en ondersteuning',
  JW: 'Jeugdwet',
};

export const wetNaam = (w: string | null | undefined) => (w ? (WET_NAAM[w] ?? w) : '—');

export const REDEN_NAAM: Record<string, string> = {
  ONGELDIG: 'Ongeldig',
  DUBBELE_DECLARATIE: 'Dubbele declaratie',
  ONBEKENDE_BUDGETHOUDER: 'Onbekende budgethouder',
  GEEN_ZORGOVEREENKOMST: 'Geen zorgovereenkomst',
  ZORGOVEREENKOMST_NIET_GEACCORDEERD: 'Zorgovereenkomst niet geaccordeerd',
  BUITEN_LOOPTIJD: 'Buiten de looptijd',
  TARIEF_AFWIJKEND: 'Tarief wijkt af',
  GEEN_TOEKENNING: 'Geen toekenning',
  MAXIMUMTARIEF_OVERSCHREDEN: 'Maximumtarief overschreden',
  BUDGET_ONTOEREIKEND: 'Budget ontoereikend',
};

export const redenNaam = (r: string | null | undefined) => (r ? (REDEN_NAAM[r] ?? r) : '—');

export const STATUS_NAAM: Record<string, string> = {
  ter_goedkeuring: 'Wacht op budgethouder',
  afgewezen: 'Afgewezen door budgethouder',
  ontvangen: 'Ontvangen',
  goedgekeurd: 'Goedgekeurd',
  betaald: 'Betaald',
  geparkeerd: 'Geparkeerd',
  afgekeurd: 'Afgekeurd',
  concept: 'Concept',
  gedeeld: 'Gedeeld met zorgverlener',
  ingediend: 'Ter accordering',
  geaccordeerd: 'Geaccordeerd',
};

export const statusNaam = (s: string | null | undefined) => (s ? (STATUS_NAAM[s] ?? s) : '—');

export const KANAAL_NAAM: Record<string, string> = { post: 'Post (papier)', email: 'E-mail', portaal: 'Portaal', api: 'Koppeling (API)' };

export const SOORT_ZOK: Record<string, string> = { arbeidsovereenkomst: 'Arbeidsovereenkomst', opdracht: 'Overeenkomst van opdracht', familie: 'Familielid', instelling: 'Zorginstelling' };

/** A masked BSN from the API (`*****6782`) as the portal shows it. */
export const bsnGemaskeerd = (b: string | null | undefined) => (b ? b.replace(/\*/g, '•') : '—');

/** Today in the Netherlands as YYYY-MM-DD. */
export function vandaag(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** Whole cents as the API's amount text, "25.00" (no floats in between). */
export const alsEuroTekst = (c: number) => `${Math.trunc(c / 100)}.${String(c % 100).padStart(2, '0')}`;

/** "M. Jansen (cliëntnummer 1000001)", or what a claim for an unknown BSN has instead. */
export const houderNaam = (c: { budgethouder_naam: string | null; clientnummer: number | null }, woord = 'cliëntnummer') =>
  c.budgethouder_naam ? `${c.budgethouder_naam} (${woord ? `${woord} ` : ''}${c.clientnummer})` : 'onbekende budgethouder';
