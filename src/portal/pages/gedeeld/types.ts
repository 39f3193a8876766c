/** The API's answers as the portal reads them (see /api/docs); amounts come as `*_centen` integers too. */

export type Wet = 'WLZ' | 'WMO_HH' | 'WMO_BG' | 'JW';

export type DeclaratieStatus = 'ter_goedkeuring' | 'afgewezen' | 'ontvangen' | 'goedgekeurd' | 'betaald' | 'geparkeerd' | 'afgekeurd';

export interface Declaratie {
  declaratie_id: string;
  soort: string;
  status: DeclaratieStatus;
  reden: string | null;
  melding: string | null;
  bedrag_centen: number;
  bedrag: string;
  kanaal: string;
  ingediend_door: string | null;
  ontvangen_op: string;
  uiterste_betaaldatum: string | null;
  betaald_op: string | null;
  bsn: string;
  budgethouder_id: number;
  budgethouder_naam: string | null;
  clientnummer: number | null;
  zorgverlener_id: string;
  zorgverlener_naam: string;
  zorgovereenkomst_id: string | null;
  wet: Wet | null;
  laatst_gewijzigd: string | null;
  bij?: string;
}

export interface DeclaratieDetail extends Declaratie {
  bij?: string;
  regels: { regelnr: number; datum: string; eenheden: string; tarief_centen: number; bedrag_centen: number; omschrijving: string | null }[];
  gebeurtenissen: { op: string; actor: string; gebeurtenis: string; status: string | null; reden: string | null; toelichting: string | null }[];
  betalingen: { betaling_id: string; betaalrun_id: string; status: string; actief: boolean; bedrag_centen: number; bevestigd_op: string | null; teruggeboekt_op: string | null; terugboekreden: string | null }[];
  lasten?: { regelnr: number; bron: string; budget_id: string | null; bedrag_centen: number }[];
}

export interface Lijst<T> {
  items: T[];
  totaal?: number;
}

export type ZokStatus = 'concept' | 'gedeeld' | 'ingediend' | 'geaccordeerd' | 'afgekeurd';

export interface Zorgovereenkomst {
  zorgovereenkomst_id: string;
  clientnummer: number;
  budgethouder: string;
  zorgverlener_id: string;
  zorgverlener: string;
  wet: Wet;
  soort: string;
  ingangsdatum: string;
  einddatum: string | null;
  eenheid: string;
  /** cents */
  tarief: number;
  maandbedrag: number | null;
  maximumtarief: number | null;
  status: ZokStatus;
  versie: number;
  sinds: string;
}

export interface ZorgovereenkomstDetail extends Zorgovereenkomst {
  versies: { versie: number; status: string; op?: string; datum?: string; reden?: string | null; actor?: string; bron?: string }[];
}

export interface Uitputting {
  besteed_centen: number;
  resterend_centen: number;
  tempo_per_maand_centen: number | null;
  percentage_besteed: number | null;
  verwachte_uitputting: string | null;
  uitgeput: boolean;
  toereikend: boolean | null;
  maanden: { maand: string; besteed_centen: number; cumulatief_centen: number; resterend_centen: number }[];
}

export interface Budget {
  budget_id: string;
  verstrekker: string;
  verstrekker_naam: string;
  wet: Wet;
  ingangsdatum: string;
  einddatum: string;
  toegekend_centen: number;
  besteed_centen: number;
  betaald_centen: number;
  nog_te_betalen_centen: number;
  beschikbaar_centen: number;
  uitputting: Uitputting;
}

export interface PerWet {
  budgethouder_id: number;
  wet: Wet;
  budgetten: number;
  toegekend_centen: number;
  besteed_centen: number;
  betaald_centen: number;
  nog_te_betalen_centen: number;
  beschikbaar_centen: number;
  eigen_bijdrage?: { gestort_centen: number; beschikbaar_centen: number };
}

export interface Budgethouder {
  id: number;
  clientnummer: number;
  naam: string;
  bsn: string;
  geboortedatum: string;
  verstrekkers: string[];
  budgetten: Budget[];
  per_wet: PerWet[];
}

export interface Signaal {
  id: number;
  soort: string;
  naam: string;
  onderwerp: string;
  periode: string;
  budgethouder_id: number | null;
  omschrijving: string;
  laatst_gezien_op: string;
}

export interface Betaling {
  betaling_id: string;
  betaalrun_id: string;
  uitvoeringsdatum: string;
  iban: string;
  bedrag_centen: number;
  omschrijving: string;
  status: string;
  bevestigd_op: string | null;
  teruggeboekt_op: string | null;
  terugboekreden: string | null;
  declaraties: { declaratie_id: string; bedrag_centen: number; actief: boolean; clientnummer: number; budgethouder: string; van: string; tot: string }[];
}

/** The outcome of POST /api/declaraties/controle. */
export interface ClaimControle {
  uitkomst: 'onvolledig' | 'goedgekeurd' | 'geparkeerd' | 'afgekeurd';
  reden: string | null;
  melding: string | null;
  bedrag_centen: number | null;
  problems: { path: string; message: string }[];
}

/** The outcome of POST /api/zorgovereenkomsten/controle. */
export interface ZokControle {
  problems: { path: string; message: string }[];
  waarschuwingen: { path: string; message: string }[];
  maximumtarief: { bedrag_centen: number; omschrijving: string } | null;
}
