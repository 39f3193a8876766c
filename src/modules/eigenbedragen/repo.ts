/** SQL of the holder's own amounts: the context of a request, storing it, paying it. */
import type { Queryable } from '../../db/connection.ts';
import type { PlainDate } from '../../kernel/dates.ts';
import type { Wet } from '../../kernel/wet.ts';
import type { PayingBudget } from './core/rules.ts';

export interface OwnAmountRow {
  aanvraag_id: string;
  budgethouder_id: number;
  wet: Wet;
  soort: string;
  jaar: number;
  bedrag: number;
  omschrijving: string;
  status: 'goedgekeurd' | 'betaald';
  betaling_id: string | null;
  aangevraagd_door: string;
  aangevraagd_op: Date;
  inhoud: string;
  teruggeboekte_betalingen?: string[];
}

export async function ownAmountById(tx: Queryable, id: string): Promise<OwnAmountRow | undefined> {
  const r = await tx.query<OwnAmountRow>(`SELECT * FROM eigen_bedragen WHERE aanvraag_id = $1`, [id]);
  return r.rows[0];
}

export async function listOwnAmounts(tx: Queryable, f: { holderIds?: number[]; verstrekker?: string; jaar?: number; status?: string }): Promise<OwnAmountRow[]> {
  const r = await tx.query<OwnAmountRow>(
    `SELECT e.* FROM eigen_bedragen e
      WHERE ($1::bigint[] IS NULL OR e.budgethouder_id = ANY($1::bigint[]))
        AND ($2::text IS NULL OR EXISTS (SELECT 1 FROM budgetten b WHERE b.budgethouder_id = e.budgethouder_id AND b.wet = e.wet AND b.verstrekker = $2))
        AND ($3::int IS NULL OR e.jaar = $3) AND ($4::text IS NULL OR e.status = $4)
      ORDER BY e.aangevraagd_op, e.aanvraag_id LIMIT 1000`,
    [f.holderIds ?? null, f.verstrekker ?? null, f.jaar ?? null, f.status ?? null],
  );
  return r.rows;
}

/** The holder's budgets of a law that overlap the year and are not closed, with what is left; the funder of the one ending last. */
export async function yearBudgets(tx: Queryable, holderId: number, wet: Wet, jaar: number): Promise<{ budgets: PayingBudget[]; verstrekker: string | null }> {
  const r = await tx.query<{ budget_id: string; ingangsdatum: PlainDate; einddatum: PlainDate; saldo: number; verstrekker: string }>(
    `SELECT b.budget_id, b.ingangsdatum, b.einddatum, r.saldo, b.verstrekker
       FROM budgetten b JOIN rekeningen r ON r.id = b.rekening_id
      WHERE b.budgethouder_id = $1 AND b.wet = $2 AND b.ingangsdatum <= make_date($3, 12, 31) AND b.einddatum >= make_date($3, 1, 1)
        AND NOT EXISTS (SELECT 1 FROM budgetafsluitingen a WHERE a.budget_id = b.budget_id)
      ORDER BY b.einddatum DESC, b.budget_id`,
    [holderId, wet, jaar],
  );
  return {
    budgets: r.rows.map((x) => ({ budgetId: x.budget_id, ingangsdatum: x.ingangsdatum, einddatum: x.einddatum, beschikbaar: -x.saldo })),
    verstrekker: r.rows[0]?.verstrekker ?? null,
  };
}

/** What was spent from the holder's budgets of a law on care of the year (claim lines dated in it). */
export async function spentInYear(tx: Queryable, holderId: number, wet: Wet, jaar: number): Promise<number> {
  const r = await tx.query<{ s: number }>(
    `SELECT COALESCE(sum(l.bedrag), 0)::bigint AS s
       FROM declaratie_lasten l
       JOIN budgetten b ON b.budget_id = l.budget_id
       JOIN declaratieregels g ON g.declaratie_id = l.declaratie_id AND g.regelnr = l.regelnr
      WHERE l.bron = 'budget' AND b.budgethouder_id = $1 AND b.wet = $2 AND g.datum BETWEEN make_date($3, 1, 1) AND make_date($3, 12, 31)`,
    [holderId, wet, jaar],
  );
  return r.rows[0]!.s;
}

export async function requestedInYear(tx: Queryable, holderId: number, wet: Wet, soort: string, jaar: number): Promise<number> {
  const r = await tx.query<{ s: number }>(
    `SELECT COALESCE(sum(bedrag), 0)::bigint AS s FROM eigen_bedragen WHERE budgethouder_id = $1 AND wet = $2 AND soort = $3 AND jaar = $4`,
    [holderId, wet, soort, jaar],
  );
  return r.rows[0]!.s;
}

export async function insertOwnAmount(
  tx: Queryable,
  row: Omit<OwnAmountRow, 'status' | 'betaling_id' | 'aangevraagd_op'> & { aangevraagd_op: Date },
  charges: { bron: 'budget' | 'eigen_bijdrage'; budgetId: string | null; amount: number }[],
): Promise<void> {
  await tx.query(
    `INSERT INTO eigen_bedragen (aanvraag_id, budgethouder_id, wet, soort, jaar, bedrag, omschrijving, status, aangevraagd_door, aangevraagd_op, inhoud)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'goedgekeurd', $8, $9, $10)`,
    [row.aanvraag_id, row.budgethouder_id, row.wet, row.soort, row.jaar, row.bedrag, row.omschrijving, row.aangevraagd_door, row.aangevraagd_op, row.inhoud],
  );
  await tx.query(
    `INSERT INTO eigen_bedrag_lasten (aanvraag_id, bron, budget_id, bedrag) SELECT $1, * FROM unnest($2::text[], $3::text[], $4::bigint[])`,
    [row.aanvraag_id, charges.map((c) => c.bron), charges.map((c) => c.budgetId), charges.map((c) => c.amount)],
  );
}

export interface PayableOwnAmount {
  aanvraagId: string;
  holderId: number;
  clientnummer: number;
  naam: string;
  iban: string;
  soort: string;
  jaar: number;
  bedrag: number;
}

/** Locks and returns every approved, unpaid own amount of a holder whose IBAN is known, oldest first. */
export async function payableOwnAmounts(tx: Queryable): Promise<PayableOwnAmount[]> {
  const r = await tx.query<{ aanvraag_id: string; budgethouder_id: number; clientnummer: number; naam: string; iban: string; soort: string; jaar: number; bedrag: number }>(
    `SELECT e.aanvraag_id, e.budgethouder_id, h.clientnummer, h.naam, h.iban, e.soort, e.jaar, e.bedrag
       FROM eigen_bedragen e JOIN budgethouders h ON h.id = e.budgethouder_id
      WHERE e.status = 'goedgekeurd' AND e.betaling_id IS NULL AND h.iban IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM betalingen b WHERE b.budgethouder_id = h.id AND b.status = 'teruggeboekt' AND b.iban = h.iban)
      ORDER BY e.aangevraagd_op, e.aanvraag_id
      FOR UPDATE OF e`,
  );
  return r.rows.map((x) => ({ aanvraagId: x.aanvraag_id, holderId: x.budgethouder_id, clientnummer: x.clientnummer, naam: x.naam, iban: x.iban, soort: x.soort, jaar: x.jaar, bedrag: x.bedrag }));
}

/** Own amounts that wait: the holder's IBAN is not known, or the bank returned a payment to it. */
export async function heldOwnAmounts(tx: Queryable): Promise<{ budgethouder_id: number; aantal: number; bedrag: number }[]> {
  const r = await tx.query<{ budgethouder_id: number; aantal: number; bedrag: number }>(
    `SELECT e.budgethouder_id, count(*)::int AS aantal, sum(e.bedrag)::bigint AS bedrag
       FROM eigen_bedragen e JOIN budgethouders h ON h.id = e.budgethouder_id
      WHERE e.status = 'goedgekeurd'
        AND (h.iban IS NULL OR EXISTS (SELECT 1 FROM betalingen b WHERE b.budgethouder_id = h.id AND b.status = 'teruggeboekt' AND b.iban = h.iban))
      GROUP BY e.budgethouder_id ORDER BY e.budgethouder_id`,
  );
  return r.rows;
}

export async function insertHolderPayments(
  tx: Queryable,
  betaalrunId: string,
  /** `bedrag` is what is transferred; `verrekend` what was set off against the holder's recoveries (a payment fully set off is done at once, on the run's date) */
  payments: { betalingId: string; holderId: number; iban: string; naam: string; bedrag: number; verrekend?: number; omschrijving: string; items: string[] }[],
  datum: string | null = null,
): Promise<void> {
  if (payments.length === 0) return;
  await tx.query(
    `INSERT INTO betalingen (betaling_id, betaalrun_id, zorgverlener_id, budgethouder_id, iban, naam, bedrag, verrekend, omschrijving, status, bevestigd_op)
     SELECT b.id, $7, NULL, b.houder, b.iban, b.naam, b.bedrag, b.verrekend, b.oms, CASE WHEN b.bedrag = 0 THEN 'bevestigd' ELSE 'verzonden' END, CASE WHEN b.bedrag = 0 THEN $9::date END
       FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::bigint[], $6::text[], $8::bigint[]) AS b (id, houder, iban, naam, bedrag, oms, verrekend)`,
    [payments.map((p) => p.betalingId), payments.map((p) => p.holderId), payments.map((p) => p.iban), payments.map((p) => p.naam), payments.map((p) => p.bedrag), payments.map((p) => p.omschrijving), betaalrunId, payments.map((p) => p.verrekend ?? 0), datum],
  );
  const items = payments.flatMap((p) => p.items.map((id) => [id, p.betalingId] as const));
  await tx.query(
    `UPDATE eigen_bedragen e SET status = 'betaald', betaling_id = u.betaling FROM unnest($1::text[], $2::text[]) AS u (id, betaling) WHERE e.aanvraag_id = u.id AND e.status = 'goedgekeurd'`,
    [items.map((x) => x[0]), items.map((x) => x[1])],
  );
}

/**
 * A returned payment to a holder: its own amounts are approved and unpaid again. They wait (see
 * payableOwnAmounts) until the holder's IBAN is another than the one the bank returned.
 */
export async function reopenOwnAmounts(tx: Queryable, paymentIds: string[]): Promise<void> {
  if (paymentIds.length === 0) return;
  await tx.query(`UPDATE eigen_bedragen SET status = 'goedgekeurd', teruggeboekte_betalingen = teruggeboekte_betalingen || betaling_id, betaling_id = NULL WHERE betaling_id = ANY($1::text[])`, [paymentIds]);
}
