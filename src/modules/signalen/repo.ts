/**
 * The signals' SQL: the facts the rules need (set-based, one query each, candidates pre-selected
 * with the rules' own thresholds), storing signals idempotently, and reading them per scope.
 *
 * Which claims count as claimed: every received claim (not one still waiting for the holder or
 * turned down by them), except those rejected as invalid or as a duplicate, which were never
 * claims the platform took.
 */
import type { Queryable } from '../../db/connection.ts';
import type { PlainDate } from '../../kernel/dates.ts';
import { listBudgets, spentPerMonth } from '../budgetten/index.ts';
import type { AfterDeathLine, BudgetFact, HourLine, ProviderMonthFact, Signal, SignalKind } from './core/rules.ts';

const CLAIMED = `d.soort = 'declaratie' AND d.status NOT IN ('ter_goedkeuring', 'afgewezen') AND NOT (d.status = 'afgekeurd' AND d.reden IN ('ONGELDIG', 'DUBBELE_DECLARATIE'))`;
/** The funders of the claim's holder for the claim's law (any law when the claim has no agreement). */
const FUNDERS = `ARRAY(SELECT DISTINCT b.verstrekker FROM budgetten b WHERE b.budgethouder_id = d.budgethouder_id AND (z.wet IS NULL OR b.wet = z.wet) ORDER BY 1)`;

/** Budgets active on `vandaag` with what was spent per month of care. */
export async function loadBudgetFacts(db: Queryable, vandaag: PlainDate): Promise<BudgetFact[]> {
  const budgets = await listBudgets(db, { kind: 'alles' }, { peildatum: vandaag });
  const spent = await spentPerMonth(db, budgets.map((b) => b.budget_id));
  return budgets.map((b) => ({
    budget_id: b.budget_id,
    verstrekker: b.verstrekker,
    budgethouder_id: b.budgethouder_id,
    clientnummer: b.clientnummer,
    wet: b.wet,
    ingangsdatum: b.ingangsdatum,
    einddatum: b.einddatum,
    toegekend: b.toegekend,
    besteedPerMaand: spent.get(b.budget_id) ?? {},
  }));
}

/**
 * Hour lines (agreements by the hour) in [van, tot] of the (holder, day) pairs and the (person
 * provider, day) pairs whose hours exceed `maxQuarters`: the candidates of both hour rules.
 */
export async function loadHourLines(db: Queryable, van: PlainDate, tot: PlainDate, maxQuarters: number): Promise<HourLine[]> {
  const r = await db.query<HourLine>(
    `WITH l AS (
       SELECT r.declaratie_id, r.regelnr, d.budgethouder_id, h.clientnummer, d.zorgverlener_id, p.soort AS zorgverlener_soort, r.datum, r.kwartieren,
              ${FUNDERS} AS verstrekkers
         FROM declaratieregels r
         JOIN declaraties d ON d.declaratie_id = r.declaratie_id
         JOIN zorgovereenkomsten z ON z.zorgovereenkomst_id = d.zorgovereenkomst_id
         JOIN budgethouders h ON h.id = d.budgethouder_id
         JOIN zorgverleners p ON p.zorgverlener_id = d.zorgverlener_id
        WHERE r.datum BETWEEN $1::date AND $2::date AND z.eenheid = 'uur' AND r.kwartieren IS NOT NULL AND ${CLAIMED}
     ), per_houder AS (
       SELECT budgethouder_id, datum FROM l GROUP BY 1, 2 HAVING sum(kwartieren) > $3
     ), per_zorgverlener AS (
       SELECT zorgverlener_id, datum FROM l WHERE zorgverlener_soort IN ('particulier', 'zzp')
        GROUP BY 1, 2 HAVING count(DISTINCT budgethouder_id) >= 2 AND sum(kwartieren) > $3
     )
     SELECT l.* FROM l
      WHERE (l.budgethouder_id, l.datum) IN (SELECT budgethouder_id, datum FROM per_houder)
         OR (l.zorgverlener_id, l.datum) IN (SELECT zorgverlener_id, datum FROM per_zorgverlener)
      ORDER BY l.datum, l.budgethouder_id, l.declaratie_id, l.regelnr`,
    [van, tot, maxQuarters],
  );
  return r.rows;
}

/** Claim lines in [van, tot] dated after the holder's death. */
export async function loadAfterDeathLines(db: Queryable, van: PlainDate, tot: PlainDate): Promise<AfterDeathLine[]> {
  const r = await db.query<AfterDeathLine>(
    `SELECT r.declaratie_id, r.regelnr, d.budgethouder_id, h.clientnummer, d.zorgverlener_id, r.datum, h.overlijdensdatum, r.bedrag, d.status,
            ${FUNDERS} AS verstrekkers
       FROM declaratieregels r
       JOIN declaraties d ON d.declaratie_id = r.declaratie_id
       LEFT JOIN zorgovereenkomsten z ON z.zorgovereenkomst_id = d.zorgovereenkomst_id
       JOIN budgethouders h ON h.id = d.budgethouder_id
      WHERE h.overlijdensdatum IS NOT NULL AND r.datum > h.overlijdensdatum AND r.datum BETWEEN $1::date AND $2::date
        AND d.status NOT IN ('ter_goedkeuring', 'afgewezen')
      ORDER BY r.declaratie_id, r.regelnr`,
    [van, tot],
  );
  return r.rows;
}

/** Per provider, month of care and holder in [van, tot]: approved or paid claims, and hours claimed. */
export async function loadProviderMonths(db: Queryable, van: PlainDate, tot: PlainDate): Promise<ProviderMonthFact[]> {
  const r = await db.query<ProviderMonthFact>(
    `SELECT d.zorgverlener_id, p.soort AS zorgverlener_soort, to_char(r.datum, 'YYYY-MM') AS maand, d.budgethouder_id, h.clientnummer,
            ${FUNDERS} AS verstrekkers,
            count(DISTINCT d.declaratie_id) FILTER (WHERE d.status IN ('goedgekeurd', 'betaald'))::int AS goedgekeurd,
            COALESCE(sum(r.kwartieren) FILTER (WHERE z.eenheid = 'uur'), 0)::int AS kwartieren
       FROM declaratieregels r
       JOIN declaraties d ON d.declaratie_id = r.declaratie_id
       LEFT JOIN zorgovereenkomsten z ON z.zorgovereenkomst_id = d.zorgovereenkomst_id
       JOIN budgethouders h ON h.id = d.budgethouder_id
       JOIN zorgverleners p ON p.zorgverlener_id = d.zorgverlener_id
      WHERE r.datum BETWEEN $1::date AND $2::date AND ${CLAIMED}
      GROUP BY d.zorgverlener_id, p.soort, 3, d.budgethouder_id, h.clientnummer, z.wet`,
    [van, tot],
  );
  // one row per provider, month and holder (the grouping by law may have split a holder)
  const merged = new Map<string, ProviderMonthFact>();
  for (const f of r.rows) {
    const key = `${f.zorgverlener_id}|${f.maand}|${f.budgethouder_id}`;
    const e = merged.get(key);
    if (!e) merged.set(key, { ...f });
    else {
      e.goedgekeurd += f.goedgekeurd;
      e.kwartieren += f.kwartieren;
      e.verstrekkers = [...new Set([...e.verstrekkers, ...f.verstrekkers])].sort();
    }
  }
  return [...merged.values()];
}

export interface StoredSignal extends Signal {
  id: number;
  eerst_gezien_op: Date;
  laatst_gezien_op: Date;
}

/**
 * Stores signals by (kind, subject, period): a new one is inserted, a known one gets its current
 * evidence and description. Returns the new ones, with their ids.
 */
export async function upsertSignals(tx: Queryable, signals: readonly Signal[], now: Date): Promise<StoredSignal[]> {
  if (signals.length === 0) return [];
  const cols = [
    signals.map((s) => s.soort),
    signals.map((s) => s.onderwerp),
    signals.map((s) => s.periode),
    signals.map((s) => s.budgethouder_id),
    signals.map((s) => s.zorgverlener_id),
    signals.map((s) => JSON.stringify(s.verstrekkers)),
    signals.map((s) => s.omschrijving),
    signals.map((s) => JSON.stringify(s.bewijs)),
  ];
  const inserted = await tx.query<StoredSignal>(
    `INSERT INTO signalen (soort, onderwerp, periode, budgethouder_id, zorgverlener_id, verstrekkers, omschrijving, bewijs, eerst_gezien_op, laatst_gezien_op)
     SELECT s.soort, s.onderwerp, s.periode, s.houder, s.zv, ARRAY(SELECT jsonb_array_elements_text(s.vs::jsonb)), s.oms, s.bewijs::jsonb, $9, $9
       FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::text[], $7::text[], $8::text[]) WITH ORDINALITY
            AS s (soort, onderwerp, periode, houder, zv, vs, oms, bewijs, n)
      ORDER BY s.n
     ON CONFLICT (soort, onderwerp, periode) DO NOTHING
     RETURNING *`,
    [...cols, now],
  );
  await tx.query(
    `UPDATE signalen g SET omschrijving = s.oms, bewijs = s.bewijs::jsonb, verstrekkers = ARRAY(SELECT jsonb_array_elements_text(s.vs::jsonb)), laatst_gezien_op = $7
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS s (soort, onderwerp, periode, vs, oms, bewijs)
      WHERE g.soort = s.soort AND g.onderwerp = s.onderwerp AND g.periode = s.periode AND g.laatst_gezien_op < $7`,
    [cols[0], cols[1], cols[2], cols[5], cols[6], cols[7], now],
  );
  return inserted.rows;
}

export interface SignalFilter {
  /** `alles`, a funder (signals that concern it), or holders (their budget signals only) */
  scope: { kind: 'alles' } | { kind: 'verstrekker'; code: string } | { kind: 'budgethouders'; ids: number[] };
  soort?: SignalKind | null;
  budgethouderId?: number | null;
  vanaf?: string | null;
  limit?: number;
  offset?: number;
}

export async function listSignals(db: Queryable, f: SignalFilter): Promise<StoredSignal[]> {
  const scope = f.scope;
  const r = await db.query<StoredSignal>(
    `SELECT * FROM signalen
      WHERE ($1::text IS NULL OR verstrekkers @> ARRAY[$1::text])
        AND ($2::bigint[] IS NULL OR (soort = 'budget_uitputting' AND budgethouder_id = ANY($2::bigint[])))
        AND ($3::text IS NULL OR soort = $3)
        AND ($4::bigint IS NULL OR budgethouder_id = $4)
        AND ($5::text IS NULL OR periode >= $5)
      ORDER BY laatst_gezien_op DESC, id DESC
      LIMIT $6 OFFSET $7`,
    [
      scope.kind === 'verstrekker' ? scope.code : null,
      scope.kind === 'budgethouders' ? scope.ids : null,
      f.soort ?? null,
      f.budgethouderId ?? null,
      f.vanaf ?? null,
      f.limit ?? 200,
      f.offset ?? 0,
    ],
  );
  return r.rows;
}

/** E-mail addresses of holders and funders. */
export async function addresses(db: Queryable, holderIds: number[], funders: string[]): Promise<{ holders: Map<number, string>; funders: Map<string, string> }> {
  const h = await db.query<{ id: number; email: string }>(`SELECT id, email FROM budgethouders WHERE id = ANY($1::bigint[]) AND email IS NOT NULL`, [holderIds]);
  const v = await db.query<{ code: string; email: string }>(`SELECT code, email FROM verstrekkers WHERE code = ANY($1::text[]) AND email IS NOT NULL`, [funders]);
  return { holders: new Map(h.rows.map((x) => [x.id, x.email])), funders: new Map(v.rows.map((x) => [x.code, x.email])) };
}

/** Records the address signals are mailed to: a holder's (by BSN) or a funder's (by code). */
export async function setAddress(tx: Queryable, who: { budgethouderBsn: string } | { verstrekker: string }, email: string | null): Promise<boolean> {
  const r =
    'budgethouderBsn' in who
      ? await tx.query(`UPDATE budgethouders SET email = $2 WHERE bsn = $1`, [who.budgethouderBsn, email])
      : await tx.query(`UPDATE verstrekkers SET email = $2 WHERE code = $1`, [who.verstrekker, email]);
  return r.rowCount > 0;
}
