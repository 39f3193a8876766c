/** Read models of payment runs and payments for the API. */
import type { Queryable } from '../../db/connection.ts';
import type { PlainDate } from '../../kernel/dates.ts';

export interface RunView {
  betaalrun_id: string;
  datum: PlainDate;
  aangemaakt_op: Date;
  actor: string;
  aantal: number;
  totaal: number;
  sha256: string;
  verzonden: number;
  bevestigd: number;
  teruggeboekt: number;
}

/** Payment runs, newest first, with how many of their payments the bank confirmed or returned. */
export async function listRunViews(db: Queryable, f: { limit: number; offset: number }): Promise<RunView[]> {
  const r = await db.query<RunView>(
    `SELECT r.betaalrun_id, r.datum, r.aangemaakt_op, r.actor, r.aantal, r.totaal, r.sha256,
            count(*) FILTER (WHERE b.status = 'verzonden')::int AS verzonden,
            count(*) FILTER (WHERE b.status = 'bevestigd')::int AS bevestigd,
            count(*) FILTER (WHERE b.status = 'teruggeboekt')::int AS teruggeboekt
       FROM betaalruns r LEFT JOIN betalingen b ON b.betaalrun_id = r.betaalrun_id
      GROUP BY r.betaalrun_id
      ORDER BY r.aangemaakt_op DESC, r.betaalrun_id DESC
      LIMIT $1 OFFSET $2`,
    [f.limit, f.offset],
  );
  return r.rows;
}

export interface PaymentView {
  betaling_id: string;
  betaalrun_id: string;
  uitvoeringsdatum: PlainDate;
  /** null for a payment to a holder (own amounts) */
  zorgverlener_id: string | null;
  /** the holder paid (own amounts, issue #8), else null */
  budgethouder_id: number | null;
  naam: string;
  iban: string;
  bedrag: number;
  omschrijving: string;
  status: string;
  bevestigd_op: PlainDate | null;
  teruggeboekt_op: PlainDate | null;
  terugboekreden: string | null;
}

export interface PaidClaimView {
  betaling_id: string;
  declaratie_id: string;
  bedrag: number;
  /** false when the payment was returned and the claim went into a later one */
  actief: boolean;
  clientnummer: number | null;
  budgethouder: string | null;
  van: PlainDate | null;
  tot: PlainDate | null;
}

/** Payments, newest first (one provider's when `zorgverlener` is given), with the claims each paid. */
export async function listPayments(
  db: Queryable,
  f: { zorgverlener?: string | null; betaalrun?: string | null; limit: number; offset: number },
): Promise<(PaymentView & { declaraties: PaidClaimView[] })[]> {
  const r = await db.query<PaymentView>(
    `SELECT b.betaling_id, b.betaalrun_id, r.datum AS uitvoeringsdatum, b.zorgverlener_id, b.budgethouder_id, b.naam, b.iban, b.bedrag, b.omschrijving, b.status,
            b.bevestigd_op, b.teruggeboekt_op, b.terugboekreden
       FROM betalingen b JOIN betaalruns r ON r.betaalrun_id = b.betaalrun_id
      WHERE ($1::text IS NULL OR b.zorgverlener_id = $1)
        AND ($2::text IS NULL OR b.betaalrun_id = $2)
      ORDER BY r.aangemaakt_op DESC, b.betaling_id DESC
      LIMIT $3 OFFSET $4`,
    [f.zorgverlener ?? null, f.betaalrun ?? null, f.limit, f.offset],
  );
  const claims = await db.query<PaidClaimView>(
    `SELECT p.betaling_id, p.declaratie_id, p.bedrag, p.actief, h.clientnummer, h.naam AS budgethouder,
            (SELECT min(dr.datum) FROM declaratieregels dr WHERE dr.declaratie_id = p.declaratie_id) AS van,
            (SELECT max(dr.datum) FROM declaratieregels dr WHERE dr.declaratie_id = p.declaratie_id) AS tot
       FROM betaalposten p
       JOIN declaraties d ON d.declaratie_id = p.declaratie_id
       LEFT JOIN budgethouders h ON h.id = d.budgethouder_id
      WHERE p.betaling_id = ANY($1::text[])
      ORDER BY p.betaling_id, d.ontvangen_op, d.volgnummer`,
    [r.rows.map((p) => p.betaling_id)],
  );
  const byPayment = new Map<string, PaidClaimView[]>();
  for (const c of claims.rows) {
    const list = byPayment.get(c.betaling_id) ?? [];
    list.push(c);
    byPayment.set(c.betaling_id, list);
  }
  return r.rows.map((p) => ({ ...p, declaraties: byPayment.get(p.betaling_id) ?? [] }));
}
