/** SQL of urgent requests (spoedaanvragen), their urgent runs and their matching to claims. */
import type { Queryable } from '../../db/connection.ts';

export interface UrgentRequestRow {
  aanvraag_id: string;
  budgethouder_id: number;
  clientnummer: number;
  zorgverlener_id: string;
  budget_id: string;
  bedrag: number;
  periode_van: string;
  periode_tot: string;
  oorzaak: string;
  kanaal: string;
  toelichting: string | null;
  inhoud: string;
  aangevraagd_door: string;
  aangevraagd_op: Date;
  beoordeeld_door: string | null;
  beoordeeld_op: Date | null;
  afwijsreden: string | null;
  status: string;
  betaalrun_id: string | null;
  betaling_id: string | null;
  betaald_op: Date | null;
  te_vorderen: number;
  teruggeboekte_betalingen: string[];
}

const SELECT = `SELECT a.aanvraag_id, a.budgethouder_id, h.clientnummer, a.zorgverlener_id, a.budget_id, a.bedrag, a.periode_van, a.periode_tot,
                       a.oorzaak, a.kanaal, a.toelichting, a.inhoud, a.aangevraagd_door, a.aangevraagd_op, a.beoordeeld_door, a.beoordeeld_op,
                       a.afwijsreden, a.status, a.betaalrun_id, a.betaling_id, a.betaald_op, a.te_vorderen, a.teruggeboekte_betalingen
                  FROM spoedaanvragen a JOIN budgethouders h ON h.id = a.budgethouder_id`;

export async function requestById(tx: Queryable, id: string, lock = false): Promise<UrgentRequestRow | undefined> {
  const r = await tx.query<UrgentRequestRow>(`${SELECT} WHERE a.aanvraag_id = $1${lock ? ' FOR UPDATE OF a' : ''}`, [id]);
  return r.rows[0];
}

export async function insertRequest(tx: Queryable, r: Omit<UrgentRequestRow, 'teruggeboekte_betalingen' | 'clientnummer' | 'beoordeeld_door' | 'beoordeeld_op' | 'afwijsreden' | 'status' | 'betaalrun_id' | 'betaling_id' | 'betaald_op' | 'te_vorderen'>): Promise<void> {
  await tx.query(
    `INSERT INTO spoedaanvragen (aanvraag_id, budgethouder_id, zorgverlener_id, budget_id, bedrag, periode_van, periode_tot, oorzaak, kanaal, toelichting, inhoud, aangevraagd_door, aangevraagd_op, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'aangevraagd')`,
    [r.aanvraag_id, r.budgethouder_id, r.zorgverlener_id, r.budget_id, r.bedrag, r.periode_van, r.periode_tot, r.oorzaak, r.kanaal, r.toelichting, r.inhoud, r.aangevraagd_door, r.aangevraagd_op],
  );
}

export async function listRequests(tx: Queryable, opts: { status?: string; holderIds?: number[] } = {}): Promise<UrgentRequestRow[]> {
  const r = await tx.query<UrgentRequestRow>(
    `${SELECT} WHERE ($1::text IS NULL OR a.status = $1) AND ($2::bigint[] IS NULL OR a.budgethouder_id = ANY($2::bigint[]))
      ORDER BY a.aangevraagd_op, a.aanvraag_id`,
    [opts.status ?? null, opts.holderIds ?? null],
  );
  return r.rows;
}

/** What is left of a budget now, minus what urgent requests not yet paid have asked of it. */
export async function budgetRoom(tx: Queryable, budgetId: string, exceptRequest?: string): Promise<{ budgethouder_id: number; ingangsdatum: string; einddatum: string; beschikbaar: number; gevraagd: number } | undefined> {
  const r = await tx.query<{ budgethouder_id: number; ingangsdatum: string; einddatum: string; beschikbaar: number; gevraagd: number }>(
    `SELECT b.budgethouder_id, b.ingangsdatum, b.einddatum, (-r.saldo)::bigint AS beschikbaar,
            COALESCE((SELECT sum(a.bedrag) FROM spoedaanvragen a WHERE a.budget_id = b.budget_id AND a.status IN ('aangevraagd', 'goedgekeurd')
                        AND a.aanvraag_id IS DISTINCT FROM $2), 0)::bigint AS gevraagd
       FROM budgetten b JOIN rekeningen r ON r.id = b.rekening_id WHERE b.budget_id = $1`,
    [budgetId, exceptRequest ?? null],
  );
  return r.rows[0];
}

/** Paid advances not yet settled by a claim (optionally of some holders), locked. */
export async function openAdvances(tx: Queryable, holderIds?: number[]): Promise<UrgentRequestRow[]> {
  const r = await tx.query<UrgentRequestRow>(
    `${SELECT} WHERE a.status = 'betaald' AND ($1::bigint[] IS NULL OR a.budgethouder_id = ANY($1::bigint[]))
      ORDER BY a.aanvraag_id FOR UPDATE OF a`,
    [holderIds ?? null],
  );
  return r.rows;
}

export interface MatchableClaim {
  declaratie_id: string;
  budgethouder_id: number;
  zorgverlener_id: string;
  bedrag: number;
  van: string;
  tot: string;
  in_wachtrij: boolean;
}

/**
 * Approved, unpaid claims of these holders that no advance settled yet, with their period (first
 * and last day of care), locked. Claims on an agreement with payroll are left out: the payroll run
 * pays them net of wage tax. `in_wachtrij`: already waiting for a person.
 */
export async function matchableClaims(tx: Queryable, holderIds: number[]): Promise<MatchableClaim[]> {
  const r = await tx.query<MatchableClaim>(
    `SELECT d.declaratie_id, d.budgethouder_id, d.zorgverlener_id, d.bedrag,
            (SELECT min(r.datum) FROM declaratieregels r WHERE r.declaratie_id = d.declaratie_id) AS van,
            (SELECT max(r.datum) FROM declaratieregels r WHERE r.declaratie_id = d.declaratie_id) AS tot,
            EXISTS (SELECT 1 FROM spoed_koppelwachtrij w WHERE w.declaratie_id = d.declaratie_id) AS in_wachtrij
       FROM declaraties d
      WHERE d.status = 'goedgekeurd' AND d.budgethouder_id = ANY($1::bigint[])
        AND NOT EXISTS (SELECT 1 FROM spoed_koppelingen k WHERE k.declaratie_id = d.declaratie_id)
        AND NOT EXISTS (SELECT 1 FROM loonafspraken la WHERE la.zorgovereenkomst_id = d.zorgovereenkomst_id AND la.loonadministratie)
      ORDER BY d.ontvangen_op, d.volgnummer
      FOR UPDATE OF d`,
    [holderIds],
  );
  return r.rows;
}

export interface QueueRow {
  declaratie_id: string;
  aanvragen: string[];
  groep: string;
  op: Date;
  opgelost_door: string | null;
  opgelost_op: Date | null;
  keuze: string | null;
}

export async function queue(tx: Queryable, opts: { open?: boolean; declaratieId?: string; lock?: boolean } = {}): Promise<QueueRow[]> {
  const r = await tx.query<QueueRow>(
    `SELECT declaratie_id, aanvragen, groep, op, opgelost_door, opgelost_op, keuze FROM spoed_koppelwachtrij
      WHERE ($1::boolean IS NULL OR (opgelost_op IS NULL) = $1) AND ($2::text IS NULL OR declaratie_id = $2)
      ORDER BY op, declaratie_id${opts.lock ? ' FOR UPDATE' : ''}`,
    [opts.open ?? null, opts.declaratieId ?? null],
  );
  return r.rows;
}

/** Urgent requests paid by these payments and not yet settled by a claim (a return of their transfer goes back to the advance). */
export async function unsettledUrgentPayments(tx: Queryable, paymentIds: string[]): Promise<Map<string, { aanvraag_id: string; budget_id: string }>> {
  if (paymentIds.length === 0) return new Map();
  const r = await tx.query<{ betaling_id: string; aanvraag_id: string; budget_id: string }>(
    `SELECT betaling_id, aanvraag_id, budget_id FROM spoedaanvragen WHERE betaling_id = ANY($1::text[]) AND status = 'betaald' FOR UPDATE`,
    [paymentIds],
  );
  return new Map(r.rows.map((x) => [x.betaling_id, { aanvraag_id: x.aanvraag_id, budget_id: x.budget_id }]));
}

/** A returned urgent transfer: the request is approved again and waits for the next urgent run (after a new IBAN). */
export async function reopenUrgentRequests(tx: Queryable, paymentIds: string[]): Promise<void> {
  if (paymentIds.length === 0) return;
  await tx.query(
    `UPDATE spoedaanvragen SET status = 'goedgekeurd', teruggeboekte_betalingen = teruggeboekte_betalingen || betaling_id, betaling_id = NULL, betaalrun_id = NULL, betaald_op = NULL
      WHERE betaling_id = ANY($1::text[]) AND status = 'betaald'`,
    [paymentIds],
  );
}
