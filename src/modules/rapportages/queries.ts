/**
 * The reports' SQL: each query groups in the database and returns the small facts that
 * `core/aggregate.ts` turns into rows (counts per day, per month, per reason…). Read only.
 *
 * Times: a moment belongs to the day it was in the Netherlands (`AT TIME ZONE 'Europe/Amsterdam'`),
 * like `kernel/dates.ts` `dateInNetherlands`.
 *
 * What a claim's state was on a past day comes from its trace (`declaratie_gebeurtenissen`): the
 * status of its last event up to the end of that day; before its first event it is `ontvangen`.
 * The backlog counts claims (not monthly pay) from their day of receipt; claims a provider
 * submitted that still wait for the holder, or that the holder turned down, were never received.
 *
 * Scope: the back office and the auditor see everything; a funder the claims of the holders it
 * funds for the claim's law (for a claim without an agreement, any law it funds the holder for).
 */
import type { Queryable } from '../../db/connection.ts';
import type { PlainDate } from '../../kernel/dates.ts';
import { holderFilter, type Scope } from '../../server/scope.ts';
import type { AmountFact, AwaitingFact, FlowFact, FunderFact, OpenFact, PaymentFact, RefusalFact, TimelinessFact } from './core/aggregate.ts';
import type { StatementBudget, StatementCharge } from './core/statement.ts';

/** The states of a claim the reports follow (not the holder's approval steps before receipt). */
const TRACKED = `('ontvangen', 'goedgekeurd', 'geparkeerd', 'betaald', 'afgekeurd')`;
const OPEN = `('ontvangen', 'goedgekeurd', 'geparkeerd')`;
const NOT_RECEIVED = `('ter_goedkeuring', 'afgewezen')`;
/** The first moment after day `expr` in the Netherlands. */
const endOfDay = (expr: string) => `((${expr})::date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam'`;
const startOfDay = (expr: string) => `((${expr})::date)::timestamp AT TIME ZONE 'Europe/Amsterdam'`;
const dayOf = (expr: string) => `(${expr} AT TIME ZONE 'Europe/Amsterdam')::date`;

/** Claims (alias d, with its agreement as z) the scope may see; parameters from `$n`. */
function claimFilter(scope: Scope, n: number): { sql: string; params: unknown[] } {
  return holderFilter(scope, 'd.budgethouder_id', n, 'COALESCE(z.wet, sb.wet)');
}

const CLAIM_FROM = `declaraties d LEFT JOIN zorgovereenkomsten z ON z.zorgovereenkomst_id = d.zorgovereenkomst_id`;

/**
 * Entries into and exits from the backlog per day up to `tot`; everything before `van` is dated
 * the day before `van` (it only makes the opening backlog).
 */
export async function flowFacts(db: Queryable, scope: Scope, van: PlainDate, tot: PlainDate): Promise<FlowFact[]> {
  const f = claimFilter(scope, 3);
  const r = await db.query<FlowFact>(
    `WITH c AS (
       SELECT d.declaratie_id, d.ontvangstdatum
         FROM ${CLAIM_FROM}
        WHERE d.soort = 'declaratie' AND d.status NOT IN ${NOT_RECEIVED} AND d.ontvangstdatum <= $2::date AND ${f.sql}
     ), t AS (
       SELECT g.status, greatest(${dayOf('g.op')}, c.ontvangstdatum) AS dag,
              g.status IN ('betaald', 'afgekeurd') AS dicht,
              lag(g.status IN ('betaald', 'afgekeurd'), 1, false) OVER (PARTITION BY g.declaratie_id ORDER BY g.id) AS was_dicht
         FROM c JOIN declaratie_gebeurtenissen g ON g.declaratie_id = c.declaratie_id
        WHERE g.status IN ${TRACKED}
     )
     SELECT greatest(c.ontvangstdatum, $1::date - 1) AS dag, 'in' AS soort, count(*)::int AS aantal FROM c GROUP BY 1
     UNION ALL
     SELECT greatest(t.dag, $1::date - 1) AS dag,
            CASE WHEN NOT t.dicht THEN 'heropend' WHEN t.status = 'betaald' THEN 'uit_betaald' ELSE 'uit_afgekeurd' END AS soort,
            count(*)::int AS aantal
       FROM t WHERE t.dicht <> t.was_dicht AND t.dag <= $2::date GROUP BY 1, 2`,
    [van, tot, ...f.params],
  );
  return r.rows;
}

/** The claims open at the end of `peildatum`, by month of receipt, status and reason. */
export async function openFacts(db: Queryable, scope: Scope, peildatum: PlainDate): Promise<OpenFact[]> {
  const f = claimFilter(scope, 2);
  const r = await db.query<OpenFact>(
    `SELECT to_char(d.ontvangstdatum, 'YYYY-MM') AS maand, COALESCE(s.status, 'ontvangen') AS status, s.reden, count(*)::int AS aantal
       FROM ${CLAIM_FROM}
       LEFT JOIN LATERAL (
         SELECT g.status, g.reden FROM declaratie_gebeurtenissen g
          WHERE g.declaratie_id = d.declaratie_id AND g.status IN ${TRACKED} AND g.op < ${endOfDay('$1')}
          ORDER BY g.id DESC LIMIT 1
       ) s ON true
      WHERE d.soort = 'declaratie' AND d.status NOT IN ${NOT_RECEIVED} AND d.ontvangstdatum <= $1::date AND ${f.sql}
        -- a claim closed now and untouched since the reference day was closed then too
        AND (d.status IN ${OPEN} OR EXISTS (SELECT 1 FROM declaratie_gebeurtenissen g2 WHERE g2.declaratie_id = d.declaratie_id AND g2.op >= ${endOfDay('$1')}))
        AND COALESCE(s.status, 'ontvangen') IN ${OPEN}
      GROUP BY 1, 2, 3`,
    [peildatum, ...f.params],
  );
  return r.rows;
}

/**
 * Per day of receipt in [van, tot]: how many claims were paid on time, late, rightly not paid or
 * cannot be judged yet, as seen at the end of `peildatum`. "Rightly not paid": rejected, or on its
 * latest payment date waiting for the holder or funder (parked).
 */
export async function timelinessFacts(db: Queryable, scope: Scope, van: PlainDate, tot: PlainDate, peildatum: PlainDate): Promise<TimelinessFact[]> {
  const f = claimFilter(scope, 4);
  const r = await db.query<TimelinessFact>(
    `SELECT d.ontvangstdatum,
            CASE WHEN d.betaald_op IS NOT NULL AND d.betaald_op <= d.uiterste_betaaldatum AND d.betaald_op <= $3::date THEN 'tijdig'
                 WHEN s.status = 'afgekeurd' THEN 'terecht_niet_betaald'
                 WHEN d.uiterste_betaaldatum >= $3::date THEN 'lopend'
                 WHEN s.status = 'geparkeerd' THEN 'terecht_niet_betaald'
                 ELSE 'te_laat' END AS uitkomst,
            count(*)::int AS aantal
       FROM ${CLAIM_FROM}
       LEFT JOIN LATERAL (
         SELECT g.status FROM declaratie_gebeurtenissen g
          WHERE g.declaratie_id = d.declaratie_id AND g.status IN ${TRACKED} AND g.op < ${endOfDay('least(d.uiterste_betaaldatum, $3::date)')}
          ORDER BY g.id DESC LIMIT 1
       ) s ON true
      WHERE d.soort = 'declaratie' AND d.status NOT IN ${NOT_RECEIVED} AND d.ontvangstdatum BETWEEN $1::date AND $2::date AND ${f.sql}
      GROUP BY 1, 2`,
    [van, tot, peildatum, ...f.params],
  );
  return r.rows;
}

/** Every claim (and monthly pay) refused in [van, tot], once, with its last refusal in the period. */
function refusedClaims(scope: Scope, n: number): { sql: string; params: unknown[] } {
  const f = claimFilter(scope, n);
  return {
    sql: `SELECT DISTINCT ON (d.declaratie_id) d.declaratie_id, d.budgethouder_id, d.bedrag, g.status, COALESCE(g.reden, 'ONBEKEND') AS reden
            FROM declaratie_gebeurtenissen g JOIN ${CLAIM_FROM} ON d.declaratie_id = g.declaratie_id
           WHERE g.status IN ('geparkeerd', 'afgekeurd') AND g.op >= ${startOfDay('$1')} AND g.op < ${endOfDay('$2')} AND ${f.sql}
           ORDER BY d.declaratie_id, g.id DESC`,
    params: f.params,
  };
}

export async function refusalFacts(db: Queryable, scope: Scope, van: PlainDate, tot: PlainDate): Promise<RefusalFact[]> {
  const x = refusedClaims(scope, 3);
  const r = await db.query<RefusalFact>(
    `SELECT x.status AS uitkomst, x.reden, count(*)::int AS aantal, sum(x.bedrag)::bigint AS bedrag FROM (${x.sql}) x GROUP BY 1, 2`,
    [van, tot, ...x.params],
  );
  return r.rows;
}

/** Per holder, how many of their claims were refused in [van, tot]. */
export async function refusedPerHolder(db: Queryable, scope: Scope, van: PlainDate, tot: PlainDate): Promise<number[]> {
  const x = refusedClaims(scope, 3);
  const r = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (${x.sql}) x WHERE x.budgethouder_id IS NOT NULL GROUP BY x.budgethouder_id`,
    [van, tot, ...x.params],
  );
  return r.rows.map((x) => x.n);
}

/** Claims and monthly pay received in [van, tot] (the denominator of the share refused). */
export async function receivedCount(db: Queryable, scope: Scope, van: PlainDate, tot: PlainDate): Promise<number> {
  const f = claimFilter(scope, 3);
  const r = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${CLAIM_FROM} WHERE d.status NOT IN ${NOT_RECEIVED} AND d.ontvangstdatum BETWEEN $1::date AND $2::date AND ${f.sql}`,
    [van, tot, ...f.params],
  );
  return r.rows[0]!.n;
}

/** Claimed and paid per month of care and law (of the matched agreement; null when none matched). */
export async function amountFacts(db: Queryable, scope: Scope, van: PlainDate, tot: PlainDate): Promise<AmountFact[]> {
  const f = claimFilter(scope, 3);
  const r = await db.query<AmountFact>(
    `SELECT to_char(r.datum, 'YYYY-MM') AS maand, z.wet, sum(r.bedrag)::bigint AS gedeclareerd,
            COALESCE(sum(r.bedrag) FILTER (WHERE d.status = 'betaald'), 0)::bigint AS betaald
       FROM declaratieregels r JOIN ${CLAIM_FROM} ON d.declaratie_id = r.declaratie_id
      WHERE d.status NOT IN ${NOT_RECEIVED} AND r.datum BETWEEN $1::date AND $2::date AND ${f.sql}
      GROUP BY 1, 2`,
    [van, tot, ...f.params],
  );
  return r.rows;
}

/**
 * Paid claims per month of the payment run's execution date, by kind. Payroll is not wired into
 * the monthly pay yet, so nothing goes through it: `verloning` is false for every payment until
 * it is (then: the agreement's kind `arbeidsovereenkomst` with payroll active).
 */
export async function paymentFacts(db: Queryable, scope: Scope, van: PlainDate, tot: PlainDate): Promise<{ facts: PaymentFact[]; transfers: { maand: string; overboekingen: number }[] }> {
  const f = claimFilter(scope, 3);
  const from = `betaalposten bp
       JOIN betalingen b ON b.betaling_id = bp.betaling_id
       JOIN betaalruns br ON br.betaalrun_id = b.betaalrun_id
       JOIN ${CLAIM_FROM} ON d.declaratie_id = bp.declaratie_id
      WHERE bp.actief AND br.datum BETWEEN $1::date AND $2::date AND ${f.sql}`;
  const facts = await db.query<PaymentFact>(
    `SELECT to_char(br.datum, 'YYYY-MM') AS maand, CASE WHEN d.soort = 'maandloon' THEN 'maand' ELSE 'declaratie' END AS soort,
            false AS verloning, count(*)::int AS aantal, sum(bp.bedrag)::bigint AS bedrag
       FROM ${from}
      GROUP BY 1, 2, 3`,
    [van, tot, ...f.params],
  );
  const transfers = await db.query<{ maand: string; overboekingen: number }>(
    `SELECT to_char(br.datum, 'YYYY-MM') AS maand, count(DISTINCT b.betaling_id)::int AS overboekingen FROM ${from} GROUP BY 1`,
    [van, tot, ...f.params],
  );
  const urgent = await urgentPaymentFacts(db, scope, van, tot);
  return { facts: [...facts.rows, ...urgent.facts], transfers: [...transfers.rows, ...urgent.transfers] };
}

/** Urgent payments paid (their payment in an urgent run) on a day from `van` to `tot`, with cause, holder and the two moments. */
export async function urgentFacts(db: Queryable, scope: Scope, van: PlainDate, tot: PlainDate): Promise<{ oorzaak: string; bedrag: number; budgethouderId: number; aangevraagd: Date; betaald: Date }[]> {
  const f = holderFilter(scope, 'a.budgethouder_id', 3);
  const r = await db.query<{ oorzaak: string; bedrag: number; budgethouder_id: number; aangevraagd_op: Date; betaald_op: Date }>(
    `SELECT a.oorzaak, a.bedrag, a.budgethouder_id, a.aangevraagd_op, a.betaald_op
       FROM spoedaanvragen a
      WHERE a.betaling_id IS NOT NULL AND ${dayOf('a.betaald_op')} BETWEEN $1 AND $2 AND ${f.sql}
      ORDER BY a.betaald_op, a.aanvraag_id`,
    [van, tot, ...f.params],
  );
  return r.rows.map((x) => ({ oorzaak: x.oorzaak, bedrag: x.bedrag, budgethouderId: x.budgethouder_id, aangevraagd: x.aangevraagd_op, betaald: x.betaald_op }));
}

/** Urgent payments (spoedbetalingen) per month of their urgent run: one transfer each; returned ones do not count. */
export async function urgentPaymentFacts(db: Queryable, scope: Scope, van: PlainDate, tot: PlainDate): Promise<{ facts: PaymentFact[]; transfers: { maand: string; overboekingen: number }[] }> {
  const f = holderFilter(scope, 'a.budgethouder_id', 3);
  const r = await db.query<{ maand: string; aantal: number; bedrag: number }>(
    `SELECT to_char(br.datum, 'YYYY-MM') AS maand, count(*)::int AS aantal, sum(b.bedrag)::bigint AS bedrag
       FROM spoedaanvragen a JOIN betalingen b ON b.betaling_id = a.betaling_id JOIN betaalruns br ON br.betaalrun_id = b.betaalrun_id
      WHERE b.status <> 'teruggeboekt' AND br.datum BETWEEN $1::date AND $2::date AND ${f.sql}
      GROUP BY 1`,
    [van, tot, ...f.params],
  );
  return {
    facts: r.rows.map((x) => ({ maand: x.maand, soort: 'spoed' as const, verloning: false, aantal: x.aantal, bedrag: x.bedrag })),
    transfers: r.rows.map((x) => ({ maand: x.maand, overboekingen: x.aantal })),
  };
}

/**
 * Agreements whose state at the end of `peildatum` was `ingediend` (with the funder), with the day
 * they were submitted (the first version of that last stretch of `ingediend`) and their funder: the
 * funder of the holder's allocations for the agreement's law (null when there is none yet).
 */
export async function awaitingFacts(db: Queryable, scope: Scope, peildatum: PlainDate): Promise<AwaitingFact[]> {
  if (scope.kind !== 'alles' && scope.kind !== 'verstrekker') return [];
  const r = await db.query<AwaitingFact>(
    `WITH v AS (
       SELECT zorgovereenkomst_id, versie, status, op,
              row_number() OVER (PARTITION BY zorgovereenkomst_id ORDER BY versie DESC) AS rn
         FROM zorgovereenkomst_versies WHERE op < ${endOfDay('$1')}
     ), wachtend AS (
       SELECT l.zorgovereenkomst_id,
              (SELECT min(v2.op) FROM v v2
                WHERE v2.zorgovereenkomst_id = l.zorgovereenkomst_id AND v2.status = 'ingediend'
                  AND v2.versie > COALESCE((SELECT max(v3.versie) FROM v v3 WHERE v3.zorgovereenkomst_id = l.zorgovereenkomst_id AND v3.status <> 'ingediend'), 0)) AS sinds
         FROM v l WHERE l.rn = 1 AND l.status = 'ingediend'
     )
     SELECT w.zorgovereenkomst_id, ${dayOf('w.sinds')} AS sinds, f.verstrekker, vs.naam AS verstrekker_naam
       FROM wachtend w
       JOIN zorgovereenkomsten z ON z.zorgovereenkomst_id = w.zorgovereenkomst_id
       LEFT JOIN LATERAL (SELECT DISTINCT b.verstrekker FROM budgetten b WHERE b.budgethouder_id = z.budgethouder_id AND b.wet = z.wet) f ON true
       LEFT JOIN verstrekkers vs ON vs.code = f.verstrekker
      WHERE ($2::text IS NULL OR f.verstrekker = $2)
      ORDER BY w.zorgovereenkomst_id`,
    [peildatum, scope.kind === 'verstrekker' ? scope.code : null],
  );
  return r.rows;
}

/**
 * Per funder, over its budgets whose period overlaps [van, tot]: allocated, spent (charged by
 * approved claims), of that paid, left; and its deposits booked in [van, tot].
 */
export async function funderFacts(db: Queryable, scope: Scope, van: PlainDate, tot: PlainDate): Promise<FunderFact[]> {
  if (scope.kind !== 'alles' && scope.kind !== 'verstrekker') return [];
  const r = await db.query<FunderFact>(
    `SELECT v.code AS verstrekker, v.naam,
            count(b.budget_id)::int AS budgetten,
            COALESCE(sum(b.toegekend), 0)::bigint AS toegekend,
            COALESCE(sum(b.toegekend + r.saldo), 0)::bigint AS besteed,
            COALESCE(sum(l.betaald), 0)::bigint AS betaald,
            COALESCE(sum(-r.saldo), 0)::bigint AS resterend,
            COALESCE((SELECT sum(bp.bedrag) FROM bankposten bp JOIN bankafschriften a ON a.afschrift_id = bp.afschrift_id
                       WHERE bp.verwerking = 'storting_verstrekker' AND bp.referentie = v.code
                         AND COALESCE(bp.boekdatum, ${dayOf('a.ingelezen_op')}) BETWEEN $1::date AND $2::date), 0)::bigint AS gestort
       FROM verstrekkers v
       LEFT JOIN budgetten b ON b.verstrekker = v.code AND b.ingangsdatum <= $2::date AND b.einddatum >= $1::date
       LEFT JOIN rekeningen r ON r.id = b.rekening_id
       LEFT JOIN LATERAL (
         SELECT sum(dl.bedrag) AS betaald FROM declaratie_lasten dl JOIN declaraties d ON d.declaratie_id = dl.declaratie_id
          WHERE dl.budget_id = b.budget_id AND d.status = 'betaald'
       ) l ON true
      WHERE ($3::text IS NULL OR v.code = $3)
      GROUP BY v.code, v.naam`,
    [van, tot, scope.kind === 'verstrekker' ? scope.code : null],
  );
  return r.rows;
}

// ---------------------------------------------------------------------------------------------
// The quarterly statement of one holder and the audit sample

export interface StatementHolder {
  id: number;
  naam: string;
  clientnummer: number;
}

export async function statementHolder(db: Queryable, who: { bsn: string } | { id: number }): Promise<StatementHolder | undefined> {
  const r = await db.query<StatementHolder>(
    'bsn' in who ? `SELECT id, naam, clientnummer FROM budgethouders WHERE bsn = $1` : `SELECT id, naam, clientnummer FROM budgethouders WHERE id = $1`,
    ['bsn' in who ? who.bsn : who.id],
  );
  return r.rows[0];
}

/** The holder's budgets whose period overlaps [van, tot], their charges by month of care up to `tot` (claims, and the employer premiums of payslips by their month), and their own deposits in [van, tot]. */
export async function statementFacts(db: Queryable, holder: StatementHolder, van: PlainDate, tot: PlainDate): Promise<{ budgets: StatementBudget[]; charges: StatementCharge[]; deposits: { wet: string; bedrag: number }[] }> {
  const budgets = await db.query<StatementBudget>(
    `SELECT b.budget_id, b.wet, b.verstrekker, v.naam AS verstrekker_naam, b.ingangsdatum, b.einddatum, b.toegekend
       FROM budgetten b JOIN verstrekkers v ON v.code = b.verstrekker
      WHERE b.budgethouder_id = $1 AND b.ingangsdatum <= $3::date AND b.einddatum >= $2::date
      ORDER BY b.wet, b.ingangsdatum, b.budget_id`,
    [holder.id, van, tot],
  );
  const charges = await db.query<StatementCharge>(
    `SELECT z.wet, dl.bron, dl.budget_id, to_char(r.datum, 'YYYY-MM') AS maand, d.zorgverlener_id, p.naam AS zorgverlener, sum(dl.bedrag)::bigint AS bedrag
       FROM declaratie_lasten dl
       JOIN declaratieregels r ON r.declaratie_id = dl.declaratie_id AND r.regelnr = dl.regelnr
       JOIN declaraties d ON d.declaratie_id = dl.declaratie_id
       JOIN zorgovereenkomsten z ON z.zorgovereenkomst_id = d.zorgovereenkomst_id
       JOIN zorgverleners p ON p.zorgverlener_id = d.zorgverlener_id
      WHERE d.budgethouder_id = $1 AND r.datum <= $2::date
      GROUP BY 1, 2, 3, 4, 5, 6
     UNION ALL
     -- the employer premiums of a carer on the payroll, charged to the budget for the payslip's month
     SELECT z.wet, 'budget', ll.budget_id, l.periode, l.zorgverlener_id || ':werkgeverspremies', p.naam || ': werkgeverspremies', sum(ll.bedrag)::bigint
       FROM loon_lasten ll
       JOIN loonstroken l ON l.loonstrook_id = ll.loonstrook_id
       JOIN zorgovereenkomsten z ON z.zorgovereenkomst_id = l.zorgovereenkomst_id
       JOIN zorgverleners p ON p.zorgverlener_id = l.zorgverlener_id
      WHERE l.budgethouder_id = $1 AND l.periode <= to_char($2::date, 'YYYY-MM')
      GROUP BY 1, 2, 3, 4, 5, 6`,
    [holder.id, tot],
  );
  const deposits = await db.query<{ wet: string; bedrag: number }>(
    `SELECT split_part(bp.referentie, ' ', 2) AS wet, sum(bp.bedrag)::bigint AS bedrag
       FROM bankposten bp JOIN bankafschriften a ON a.afschrift_id = bp.afschrift_id
      WHERE bp.verwerking = 'storting_budgethouder' AND split_part(bp.referentie, ' ', 1) = $1::text
        AND COALESCE(bp.boekdatum, ${dayOf('a.ingelezen_op')}) BETWEEN $2::date AND $3::date
      GROUP BY 1`,
    [String(holder.clientnummer), van, tot],
  );
  return { budgets: budgets.rows, charges: charges.rows, deposits: deposits.rows };
}

/**
 * The audit sample: paid claims (in an active payment) whose run's execution date is in
 * [van, tot], ranked by SHA-256 of `zaad:declaratie_id`, the first `aantal`. Anyone can recompute
 * the ranking from the seed and the claim ids.
 */
export async function sampleClaims(db: Queryable, opts: { aantal: number; zaad: string; van: PlainDate | null; tot: PlainDate | null }): Promise<{ declaratie_id: string; rangsleutel: string; populatie: number }[]> {
  const r = await db.query<{ declaratie_id: string; rangsleutel: string; populatie: number }>(
    `SELECT d.declaratie_id, encode(sha256(convert_to($1 || ':' || d.declaratie_id, 'UTF8')), 'hex') AS rangsleutel, count(*) OVER ()::int AS populatie
       FROM declaraties d
      WHERE d.status = 'betaald' AND d.betaald_op IS NOT NULL
        AND ($2::date IS NULL OR d.betaald_op >= $2::date) AND ($3::date IS NULL OR d.betaald_op <= $3::date)
      ORDER BY 2, 1
      LIMIT $4`,
    [opts.zaad, opts.van, opts.tot, opts.aantal],
  );
  return r.rows;
}
