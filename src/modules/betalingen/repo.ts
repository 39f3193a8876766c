/** SQL of payment runs and payments. */
import { copyChunks, copyField, rowsOf, type Queryable, type Tx } from '../../db/connection.ts';
import type { PlainDate } from '../../kernel/dates.ts';
import type { Cents } from '../../kernel/money.ts';
import type { PayableClaim, Provider } from './core/run.ts';

/** From this many approved claims on, the payable-claims query is planned without nested loops (hash and merge joins). */
const LARGE_RUN = 1_000;

/**
 * Locks and returns every approved claim that is in no payment yet, in receipt order.
 *
 * Payroll (loonadministratie): a claim on an agreement with payroll waits until a payslip took it
 * in, and is then paid its gross minus the wage tax withheld from it. Urgent payments (issue #8):
 * what an advance already paid of a claim is not paid again, and a claim waiting in the matching
 * queue for a person is not paid yet.
 *
 * Set-based (issue #6): the approved claims of providers whose IBAN is not blocked are read once
 * (`kandidaat`), their months of care and payslip sums are aggregated in one pass restricted to
 * those claims and joined, instead of six correlated subqueries per claim. The outer query keeps
 * every condition on `d` itself, so that it locks (FOR UPDATE OF d, in receipt order) exactly the
 * claims it returns, and a claim changed meanwhile is checked again on its new version.
 */
export async function payableClaims(tx: Tx): Promise<{ claims: PayableClaim[]; providers: Map<string, Provider> }> {
  // The table statistics lag a bulk write: right after an import or a monthly pay, the planner may
  // think a handful of claims are approved where there are tens of thousands, and join the months
  // of care to the claims in a nested loop that compares every pair (208 s for 22,149 claims in the
  // bench, against 0.23 s by hashing). For a large run the right plan is hash (or merge) joins whatever the
  // statistics say, so it is told so; a small run keeps the planner's choice (index lookups).
  const approved = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM declaraties WHERE status = 'goedgekeurd'`);
  const large = approved.rows[0]!.n >= LARGE_RUN;
  if (large) await tx.query(`SET LOCAL enable_nestloop = off`);
  const r = await tx.query<{ declaratie_id: string; zorgverlener_id: string; bedrag: number; clientnummer: number; van: string; tot: string; naam: string; iban: string }>(
    `WITH kandidaat AS MATERIALIZED (
       SELECT d.declaratie_id FROM declaraties d JOIN zorgverleners z ON z.zorgverlener_id = d.zorgverlener_id
        WHERE d.status = 'goedgekeurd' AND z.iban_geblokkeerd IS NULL
     ),
     maanden AS (
       SELECT r.declaratie_id, to_char(min(r.datum), 'YYYY-MM') AS van, to_char(max(r.datum), 'YYYY-MM') AS tot
         FROM declaratieregels r JOIN kandidaat k ON k.declaratie_id = r.declaratie_id GROUP BY r.declaratie_id
     ),
     loon AS (
       SELECT ld.declaratie_id, sum(ld.bruto) AS bruto, sum(ld.ingehouden) AS ingehouden
         FROM loonstrook_declaraties ld JOIN kandidaat k ON k.declaratie_id = ld.declaratie_id GROUP BY ld.declaratie_id
     )
     SELECT d.declaratie_id, d.zorgverlener_id, (d.bedrag - COALESCE(l.ingehouden, 0) - COALESCE(s.verrekend, 0))::bigint AS bedrag, h.clientnummer, z.naam, z.iban,
            m.van, m.tot
       FROM declaraties d
       JOIN budgethouders h ON h.id = d.budgethouder_id
       JOIN zorgverleners z ON z.zorgverlener_id = d.zorgverlener_id
       LEFT JOIN maanden m ON m.declaratie_id = d.declaratie_id
       LEFT JOIN loon l ON l.declaratie_id = d.declaratie_id
       LEFT JOIN spoed_koppelingen s ON s.declaratie_id = d.declaratie_id
      WHERE d.status = 'goedgekeurd' AND z.iban_geblokkeerd IS NULL
        AND NOT EXISTS (SELECT 1 FROM loonafspraken la WHERE la.zorgovereenkomst_id = d.zorgovereenkomst_id AND la.loonadministratie AND d.bedrag <> COALESCE(l.bruto, 0))
        AND NOT EXISTS (SELECT 1 FROM spoed_koppelwachtrij w WHERE w.declaratie_id = d.declaratie_id AND w.opgelost_op IS NULL)
      ORDER BY d.ontvangen_op, d.volgnummer
      FOR UPDATE OF d`,
  );
  if (large) await tx.query(`SET LOCAL enable_nestloop = DEFAULT`);
  const providers = new Map<string, Provider>();
  const claims = r.rows.map((x) => {
    providers.set(x.zorgverlener_id, { id: x.zorgverlener_id, naam: x.naam, iban: x.iban });
    return { declaratieId: x.declaratie_id, zorgverlenerId: x.zorgverlener_id, bedrag: x.bedrag as Cents, clientnummer: x.clientnummer, vanMaand: x.van, totMaand: x.tot };
  });
  return { claims, providers };
}

/** Approved claims held because the bank returned a transfer to the provider's IBAN. */
export async function heldClaims(tx: Queryable): Promise<{ zorgverlener_id: string; aantal: number; bedrag: number; reden: string }[]> {
  const r = await tx.query<{ zorgverlener_id: string; aantal: number; bedrag: number; reden: string }>(
    `SELECT z.zorgverlener_id, count(*)::int AS aantal, sum(d.bedrag)::bigint AS bedrag, z.iban_geblokkeerd AS reden
       FROM declaraties d JOIN zorgverleners z ON z.zorgverlener_id = d.zorgverlener_id
      WHERE d.status = 'goedgekeurd' AND z.iban_geblokkeerd IS NOT NULL
      GROUP BY z.zorgverlener_id, z.iban_geblokkeerd ORDER BY z.zorgverlener_id`,
  );
  return r.rows;
}

export interface PaymentRow {
  betalingId: string;
  zorgverlenerId: string;
  iban: string;
  naam: string;
  /** what is transferred: the claims minus what was set off against recoveries (issue #8) */
  bedrag: number;
  /** set off against the provider's open recoveries; a payment fully set off (bedrag 0) is not transferred */
  verrekend?: number;
  omschrijving: string;
  claims: { declaratieId: string; bedrag: number }[];
}

/** A payment fully set off against recoveries transfers nothing: no bank confirmation will come, it is done at once. */
const statusOf = (p: PaymentRow): string => (p.bedrag === 0 ? 'bevestigd' : 'verzonden');

export async function insertRun(
  tx: Queryable,
  run: { betaalrunId: string; datum: PlainDate; actor: string; now: Date; total: number; /** the SEPA file, whole or in pieces */ xml: string | readonly string[]; sha256: string; /** all payments, to holders too */ aantal?: number },
  payments: PaymentRow[],
): Promise<void> {
  const posts = payments.flatMap((p) => p.claims.map((c) => ({ p, c })));
  if ('copyFrom' in tx) {
    // a national run has hundreds of thousands of payments: COPY rather than unnest; the run's
    // SEPA file (150 MB for 220,000 transfers) goes in as its pieces (or slices of its text),
    // never as one parameter (which the driver would copy again, whole)
    const bulk = tx as Tx;
    const fields = [run.betaalrunId, run.datum, run.now, run.actor, run.aantal ?? payments.length, run.total].map(copyField).join('\t');
    const xml = run.xml;
    await bulk.copyFrom('betaalruns', ['betaalrun_id', 'datum', 'aangemaakt_op', 'actor', 'aantal', 'totaal', 'pain001', 'sha256'], (function* () {
      yield `${fields}\t`;
      for (const piece of typeof xml === 'string' ? textSlices(xml) : xml) yield copyField(piece); // escaped one piece at a time
      yield `\t${copyField(run.sha256)}\n`;
    })());
    await bulk.copyFrom(
      'betalingen',
      ['betaling_id', 'betaalrun_id', 'zorgverlener_id', 'iban', 'naam', 'bedrag', 'verrekend', 'omschrijving', 'status', 'bevestigd_op'],
      copyChunks(rowsOf(payments, (p) => [p.betalingId, run.betaalrunId, p.zorgverlenerId, p.iban, p.naam, p.bedrag, p.verrekend ?? 0, p.omschrijving, statusOf(p), p.bedrag === 0 ? run.datum : null])),
    );
    await bulk.copyFrom('betaalposten', ['betaling_id', 'declaratie_id', 'bedrag'], copyChunks(rowsOf(posts, (x) => [x.p.betalingId, x.c.declaratieId, x.c.bedrag])));
  } else {
    await tx.query(
      `INSERT INTO betaalruns (betaalrun_id, datum, aangemaakt_op, actor, aantal, totaal, pain001, sha256) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [run.betaalrunId, run.datum, run.now, run.actor, run.aantal ?? payments.length, run.total, typeof run.xml === 'string' ? run.xml : run.xml.join(''), run.sha256],
    );
    await tx.query(
      `INSERT INTO betalingen (betaling_id, betaalrun_id, zorgverlener_id, iban, naam, bedrag, verrekend, omschrijving, status, bevestigd_op)
       SELECT b.id, $7, b.zv, b.iban, b.naam, b.bedrag, b.verrekend, b.oms, b.status, CASE WHEN b.bedrag = 0 THEN $8::date END
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::text[], $9::bigint[], $10::text[]) AS b (id, zv, iban, naam, bedrag, oms, verrekend, status)`,
      [payments.map((p) => p.betalingId), payments.map((p) => p.zorgverlenerId), payments.map((p) => p.iban), payments.map((p) => p.naam), payments.map((p) => p.bedrag), payments.map((p) => p.omschrijving), run.betaalrunId, run.datum, payments.map((p) => p.verrekend ?? 0), payments.map(statusOf)],
    );
    await tx.query(
      `INSERT INTO betaalposten (betaling_id, declaratie_id, bedrag) SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[])`,
      [posts.map((x) => x.p.betalingId), posts.map((x) => x.c.declaratieId), posts.map((x) => x.c.bedrag)],
    );
  }
  await tx.query(
    `UPDATE declaraties d SET status = 'betaald', betaling_id = u.betaling, betaald_op = $3
       FROM unnest($1::text[], $2::text[]) AS u (id, betaling)
      WHERE d.declaratie_id = u.id AND d.status = 'goedgekeurd'`,
    [posts.map((x) => x.c.declaratieId), posts.map((x) => x.p.betalingId), run.datum],
  );
}

/** A long text in slices of about 1 MB, never splitting a surrogate pair (so that each slice encodes on its own). */
export function textSlices(text: string, size = 1 << 20): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; ) {
    let end = Math.min(text.length, i + size);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
    out.push(text.slice(i, end));
    i = end;
  }
  return out;
}

export async function runFile(tx: Queryable, betaalrunId: string): Promise<{ pain001: string; sha256: string } | undefined> {
  const r = await tx.query<{ pain001: string; sha256: string }>(`SELECT pain001, sha256 FROM betaalruns WHERE betaalrun_id = $1`, [betaalrunId]);
  return r.rows[0];
}

export async function listRuns(tx: Queryable): Promise<{ betaalrun_id: string; datum: string; aantal: number; totaal: number; sha256: string; aangemaakt_op: Date }[]> {
  const r = await tx.query<{ betaalrun_id: string; datum: string; aantal: number; totaal: number; sha256: string; aangemaakt_op: Date }>(
    `SELECT betaalrun_id, datum, aantal, totaal, sha256, aangemaakt_op FROM betaalruns ORDER BY aangemaakt_op, betaalrun_id`,
  );
  return r.rows;
}
