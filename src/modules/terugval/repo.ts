/** SQL of fallback allocations: provisional marks, and the facts of every candidate for extension. */
import type { Queryable } from '../../db/connection.ts';
import type { PlainDate } from '../../kernel/dates.ts';
import type { Wet } from '../../kernel/wet.ts';
import type { FallbackFacts } from './core/fallback.ts';

export async function versionsToMark(tx: Queryable, ids: string[]): Promise<{ toekenning_id: string; budget_id: string; verstrekker: string }[]> {
  const r = await tx.query<{ toekenning_id: string; budget_id: string; verstrekker: string }>(
    `SELECT toekenning_id, budget_id, verstrekker FROM toekenningen WHERE toekenning_id = ANY($1::text[]) ORDER BY toekenning_id`,
    [ids],
  );
  return r.rows;
}

export async function insertMarks(tx: Queryable, marks: { toekenningId: string; budgetId: string; run: string | null; reden: string }[], actor: string, now: Date): Promise<number> {
  if (marks.length === 0) return 0;
  const r = await tx.query(
    `INSERT INTO voorlopige_toekenningen (toekenning_id, budget_id, terugval_run, reden, actor, op)
     SELECT *, $5::text, $6::timestamptz FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
     ON CONFLICT (toekenning_id) DO NOTHING`,
    [marks.map((m) => m.toekenningId), marks.map((m) => m.budgetId), marks.map((m) => m.run), marks.map((m) => m.reden), actor, now],
  );
  return r.rowCount ?? 0;
}

/** The holders of a funder's provisional budgets (of a law) that end before the new end date. */
export async function candidateHolders(tx: Queryable, verstrekker: string, wet: Wet | null, until: PlainDate): Promise<number[]> {
  const r = await tx.query<{ id: number }>(
    `SELECT DISTINCT b.budgethouder_id AS id FROM budgetten b
      WHERE b.verstrekker = $1 AND ($2::text IS NULL OR b.wet = $2) AND b.einddatum < $3
        AND EXISTS (SELECT 1 FROM voorlopige_toekenningen v WHERE v.budget_id = b.budget_id) ORDER BY 1`,
    [verstrekker, wet, until],
  );
  return r.rows.map((x) => x.id);
}

/** Every candidate with the facts the rules need (read after the holder locks). */
export async function candidateFacts(tx: Queryable, verstrekker: string, wet: Wet | null, until: PlainDate): Promise<FallbackFacts[]> {
  const r = await tx.query<{
    budget_id: string; verstrekker: string; wet: Wet; budgethouder_id: number; bsn: string | null; geboortedatum: PlainDate | null; overlijdensdatum: PlainDate | null;
    p_id: string; p_van: PlainDate; p_tot: PlainDate; p_bedrag: number; l_id: string; l_van: PlainDate; l_tot: PlainDate; l_bedrag: number; later: string | null; stortingen: number;
  }>(
    `SELECT b.budget_id, b.verstrekker, b.wet, b.budgethouder_id, h.bsn, h.geboortedatum, h.overlijdensdatum,
            p.toekenning_id AS p_id, p.ingangsdatum AS p_van, p.einddatum AS p_tot, p.bedrag AS p_bedrag,
            b.laatste_versie AS l_id, b.ingangsdatum AS l_van, b.einddatum AS l_tot, b.toegekend AS l_bedrag,
            (SELECT o.budget_id FROM budgetten o WHERE o.budgethouder_id = b.budgethouder_id AND o.wet = b.wet AND o.budget_id <> b.budget_id
                AND o.einddatum > b.einddatum AND o.ingangsdatum <= $3 AND o.toegekend > 0 ORDER BY o.ingangsdatum, o.budget_id LIMIT 1) AS later,
            (SELECT count(*) FROM journaalposten j JOIN boekingen g ON g.journaalpost_id = j.id JOIN rekeningen r ON r.id = g.rekening_id
              WHERE j.soort = 'storting_budgethouder' AND r.soort = 'eigen_bijdrage' AND r.sleutel = b.budgethouder_id || ':' || b.wet)::int AS stortingen
       FROM budgetten b
       JOIN budgethouders h ON h.id = b.budgethouder_id
       JOIN LATERAL (SELECT t.* FROM voorlopige_toekenningen v JOIN toekenningen t ON t.toekenning_id = v.toekenning_id
                      WHERE v.budget_id = b.budget_id ORDER BY v.op DESC, t.ontvangen_op DESC LIMIT 1) p ON true
      WHERE b.verstrekker = $1 AND ($2::text IS NULL OR b.wet = $2) AND b.einddatum < $3
      ORDER BY b.budgethouder_id, b.budget_id`,
    [verstrekker, wet, until],
  );
  return r.rows.map((x) => ({
    budgetId: x.budget_id, verstrekker: x.verstrekker, wet: x.wet, holderId: x.budgethouder_id, bsn: x.bsn, geboortedatum: x.geboortedatum, overlijdensdatum: x.overlijdensdatum,
    provisional: { toekenningId: x.p_id, ingangsdatum: x.p_van, einddatum: x.p_tot, bedrag: x.p_bedrag },
    latest: { toekenningId: x.l_id, ingangsdatum: x.l_van, einddatum: x.l_tot, bedrag: x.l_bedrag },
    laterAllocation: x.later, deposits: x.stortingen,
  }));
}

/** The BSN of each holder (for the allocation rows the import handler takes). */
export async function bsnOf(tx: Queryable, holderIds: number[]): Promise<Map<number, string>> {
  const r = await tx.query<{ id: number; bsn: string }>(`SELECT id, bsn FROM budgethouders WHERE id = ANY($1::bigint[])`, [holderIds]);
  return new Map(r.rows.map((x) => [x.id, x.bsn]));
}
