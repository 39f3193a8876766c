/**
 * `pgb trace DECLARATIE_ID`: a claim's whole history from receipt to payment: every step with its
 * time, actor and reason, the budgets it was charged to, its payment and the bookings.
 */
import type { Queryable } from '../../../db/connection.ts';

export interface ClaimTrace {
  claim: {
    declaratie_id: string;
    soort: string;
    status: string;
    reden: string | null;
    bedrag: number;
    ontvangen_op: Date;
    kanaal: string;
    zorgverlener_id: string;
    zorgovereenkomst_id: string | null;
    clientnummer: number | null;
    uiterste_betaaldatum: string;
    betaling_id: string | null;
    betaald_op: string | null;
  };
  lines: { regelnr: number; datum: string; eenheden: string; tarief: number; bedrag: number; omschrijving: string | null }[];
  events: { op: Date; actor: string; gebeurtenis: string; status: string | null; reden: string | null; toelichting: string | null }[];
  charges: { regelnr: number; bron: string; budget_id: string | null; bedrag: number }[];
  payments: { betaling_id: string; betaalrun_id: string; status: string; bedrag: number; verrekend: number; actief: boolean; bevestigd_op: string | null; teruggeboekt_op: string | null; terugboekreden: string | null }[];
  /** recoveries (vorderingen, issue #8) established on this claim or on a payment it was in */
  recoveries: { vordering_id: string; reden: string; toelichting: string; bedrag: number; openstaand: number; status: string; vastgesteld_op: string; declaratie_id: string | null; betaling_id: string | null }[];
  /** recoveries set off against a payment this claim was in */
  setOffs: { vordering_id: string; betaling_id: string; bedrag: number; actief: boolean }[];
  bookings: { journaalpost_id: number; op: Date; soort: string; omschrijving: string; rekening: string; bedrag: number }[];
}

export async function traceClaim(db: Queryable, declaratieId: string): Promise<ClaimTrace | undefined> {
  const c = await db.query<ClaimTrace['claim']>(
    `SELECT d.declaratie_id, d.soort, d.status, d.reden, d.bedrag, d.ontvangen_op, d.kanaal, d.zorgverlener_id, d.zorgovereenkomst_id,
            h.clientnummer, d.uiterste_betaaldatum, d.betaling_id, d.betaald_op
       FROM declaraties d LEFT JOIN budgethouders h ON h.id = d.budgethouder_id
      WHERE d.declaratie_id = $1`,
    [declaratieId],
  );
  const claim = c.rows[0];
  if (!claim) return undefined;
  const [lines, events, charges, payments, bookings] = await Promise.all([
    db.query<ClaimTrace['lines'][number]>(`SELECT regelnr, datum, eenheden, tarief, bedrag, omschrijving FROM declaratieregels WHERE declaratie_id = $1 ORDER BY regelnr`, [declaratieId]),
    db.query<ClaimTrace['events'][number]>(`SELECT op, actor, gebeurtenis, status, reden, toelichting FROM declaratie_gebeurtenissen WHERE declaratie_id = $1 ORDER BY id`, [declaratieId]),
    db.query<ClaimTrace['charges'][number]>(`SELECT regelnr, bron, budget_id, bedrag FROM declaratie_lasten WHERE declaratie_id = $1 ORDER BY regelnr, budget_id`, [declaratieId]),
    db.query<ClaimTrace['payments'][number]>(
      `SELECT b.betaling_id, b.betaalrun_id, b.status, b.bedrag, b.verrekend, p.actief, b.bevestigd_op, b.teruggeboekt_op, b.terugboekreden
         FROM betaalposten p JOIN betalingen b ON b.betaling_id = p.betaling_id WHERE p.declaratie_id = $1 ORDER BY b.betaling_id`,
      [declaratieId],
    ),
    db.query<ClaimTrace['bookings'][number]>(
      `SELECT j.id AS journaalpost_id, j.op, j.soort, j.omschrijving, r.soort || ':' || r.sleutel AS rekening, b.bedrag
         FROM journaalposten j JOIN boekingen b ON b.journaalpost_id = j.id JOIN rekeningen r ON r.id = b.rekening_id
        WHERE j.referentie = $1 OR j.referentie IN (SELECT betaling_id FROM betaalposten WHERE declaratie_id = $1)
           OR (j.soort IN ('vordering', 'verrekening', 'terugbetaling_vordering', 'kwijtschelding')
               AND split_part(j.referentie, '/', 1) IN (SELECT vordering_id FROM vorderingen WHERE declaratie_id = $1))
           OR (j.soort = 'verrekening' AND split_part(j.referentie, '/', 2) IN (SELECT betaling_id FROM betaalposten WHERE declaratie_id = $1))
        ORDER BY j.id, b.bedrag DESC`,
      [declaratieId],
    ),
  ]);
  const [recoveries, setOffs] = await Promise.all([
    db.query<ClaimTrace['recoveries'][number]>(
      `SELECT vordering_id, reden, toelichting, bedrag, openstaand, status, vastgesteld_op, declaratie_id, betaling_id FROM vorderingen
        WHERE declaratie_id = $1 OR betaling_id IN (SELECT betaling_id FROM betaalposten WHERE declaratie_id = $1)
        ORDER BY vastgesteld_op, vordering_id`,
      [declaratieId],
    ),
    db.query<ClaimTrace['setOffs'][number]>(
      `SELECT s.vordering_id, s.betaling_id, s.bedrag, s.actief FROM vordering_verrekeningen s
        WHERE s.betaling_id IN (SELECT betaling_id FROM betaalposten WHERE declaratie_id = $1) ORDER BY s.betaling_id, s.vordering_id`,
      [declaratieId],
    ),
  ]);
  return { claim, lines: lines.rows, events: events.rows, charges: charges.rows, payments: payments.rows, recoveries: recoveries.rows, setOffs: setOffs.rows, bookings: bookings.rows };
}
