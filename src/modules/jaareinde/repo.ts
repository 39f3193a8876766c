/** SQL of the year end: the allocations to close with their figures, the closings, the deposits. */
import type { Queryable } from '../../db/connection.ts';
import type { PlainDate } from '../../kernel/dates.ts';
import type { Wet } from '../../kernel/wet.ts';
import type { BudgetFacts, ClosingFigures, DepositFacts } from './core/closing.ts';

/** The holders whose allocations end in the year and are not closed yet. */
export async function holdersToClose(tx: Queryable, jaar: number): Promise<number[]> {
  const r = await tx.query<{ id: number }>(
    `SELECT DISTINCT b.budgethouder_id AS id FROM budgetten b
      WHERE b.einddatum BETWEEN make_date($1, 1, 1) AND make_date($1, 12, 31)
        AND NOT EXISTS (SELECT 1 FROM budgetafsluitingen a WHERE a.budget_id = b.budget_id) ORDER BY 1`,
    [jaar],
  );
  return r.rows.map((x) => x.id);
}

/** Every allocation ending in the year, not closed yet, with what it was spent on (read after the holder locks). */
export async function budgetFacts(tx: Queryable, jaar: number): Promise<BudgetFacts[]> {
  const r = await tx.query<{
    budget_id: string; verstrekker: string; budgethouder_id: number; wet: Wet; ingangsdatum: PlainDate; einddatum: PlainDate; toegekend: number; beschikbaar: number;
    besteed_declaraties: number; besteed_eigen: number; uit_stortingen: number; open_declaraties: number;
  }>(
    `SELECT b.budget_id, b.verstrekker, b.budgethouder_id, b.wet, b.ingangsdatum, b.einddatum, b.toegekend, (-r.saldo)::bigint AS beschikbaar,
            (COALESCE((SELECT sum(l.bedrag) FROM declaratie_lasten l WHERE l.budget_id = b.budget_id), 0)
             + COALESCE((SELECT sum(ll.bedrag) FROM loon_lasten ll WHERE ll.budget_id = b.budget_id), 0)
             -- what recoveries brought back to the budget (set off or repaid) was not spent after all
             - COALESCE((SELECT sum(s.bedrag) FROM vordering_verrekeningen s JOIN vorderingen v ON v.vordering_id = s.vordering_id WHERE s.actief AND v.budget_id = b.budget_id), 0)
             - COALESCE((SELECT sum(t.bedrag) FROM vordering_terugbetalingen t JOIN vorderingen v ON v.vordering_id = t.vordering_id WHERE v.budget_id = b.budget_id), 0))::bigint AS besteed_declaraties,
            COALESCE((SELECT sum(e.bedrag) FROM eigen_bedrag_lasten e WHERE e.budget_id = b.budget_id), 0)::bigint AS besteed_eigen,
            COALESCE((SELECT sum(l.bedrag) FROM declaratie_lasten l
                        JOIN declaratieregels g ON g.declaratie_id = l.declaratie_id AND g.regelnr = l.regelnr
                        JOIN declaraties d ON d.declaratie_id = l.declaratie_id
                        JOIN zorgovereenkomsten z ON z.zorgovereenkomst_id = d.zorgovereenkomst_id
                       WHERE l.bron = 'eigen_bijdrage' AND d.budgethouder_id = b.budgethouder_id AND z.wet = b.wet
                         AND g.datum BETWEEN b.ingangsdatum AND b.einddatum), 0)::bigint AS uit_stortingen,
            (SELECT count(DISTINCT d.declaratie_id) FROM declaraties d
               JOIN declaratieregels g ON g.declaratie_id = d.declaratie_id
               LEFT JOIN zorgovereenkomsten z ON z.zorgovereenkomst_id = d.zorgovereenkomst_id
              WHERE d.status = 'geparkeerd' AND d.budgethouder_id = b.budgethouder_id AND (z.wet IS NULL OR z.wet = b.wet)
                AND g.datum BETWEEN b.ingangsdatum AND b.einddatum)::int AS open_declaraties
       FROM budgetten b JOIN rekeningen r ON r.id = b.rekening_id
      WHERE b.einddatum BETWEEN make_date($1, 1, 1) AND make_date($1, 12, 31)
        AND NOT EXISTS (SELECT 1 FROM budgetafsluitingen a WHERE a.budget_id = b.budget_id)
      ORDER BY b.verstrekker, b.budgethouder_id, b.budget_id`,
    [jaar],
  );
  return r.rows.map((x) => ({
    budgetId: x.budget_id, verstrekker: x.verstrekker, holderId: x.budgethouder_id, wet: x.wet, ingangsdatum: x.ingangsdatum, einddatum: x.einddatum, toegekend: x.toegekend,
    besteedDeclaraties: x.besteed_declaraties, besteedEigenBedragen: x.besteed_eigen, beschikbaar: x.beschikbaar, uitStortingen: x.uit_stortingen, openDeclaraties: x.open_declaraties,
  }));
}

export async function insertClosings(tx: Queryable, rows: readonly ClosingFigures[], actor: string, now: Date): Promise<void> {
  if (rows.length === 0) return;
  const col = <K extends keyof ClosingFigures>(k: K) => rows.map((r) => r[k]);
  await tx.query(
    `INSERT INTO budgetafsluitingen (budget_id, jaar, verstrekker, budgethouder_id, wet, ingangsdatum, einddatum, toegekend, besteed_declaraties, besteed_eigen_bedragen,
                                     uit_stortingen, terug_naar_verstrekker, open_declaraties, actor, afgesloten_op)
     SELECT *, $14::text, $15::timestamptz FROM unnest($1::text[], $2::int[], $3::text[], $4::bigint[], $5::text[], $6::date[], $7::date[], $8::bigint[], $9::bigint[], $10::bigint[], $11::bigint[], $12::bigint[], $13::int[])`,
    [col('budgetId'), col('jaar'), col('verstrekker'), col('holderId'), col('wet'), col('ingangsdatum'), col('einddatum'), col('toegekend'), col('besteedDeclaraties'),
     col('besteedEigenBedragen'), col('uitStortingen'), col('terugNaarVerstrekker'), col('openDeclaraties'), actor, now],
  );
}

/** The closings of a year (of one funder, or all). */
export async function closingsOfYear(tx: Queryable, jaar: number, verstrekker?: string): Promise<ClosingFigures[]> {
  const r = await tx.query<{
    budget_id: string; jaar: number; verstrekker: string; budgethouder_id: number; wet: Wet; ingangsdatum: PlainDate; einddatum: PlainDate; toegekend: number; besteed_declaraties: number;
    besteed_eigen_bedragen: number; uit_stortingen: number; terug_naar_verstrekker: number; open_declaraties: number;
  }>(
    `SELECT * FROM budgetafsluitingen WHERE jaar = $1 AND ($2::text IS NULL OR verstrekker = $2) ORDER BY verstrekker, budgethouder_id, budget_id`,
    [jaar, verstrekker ?? null],
  );
  return r.rows.map((x) => ({
    budgetId: x.budget_id, jaar: x.jaar, verstrekker: x.verstrekker, holderId: x.budgethouder_id, wet: x.wet, ingangsdatum: x.ingangsdatum, einddatum: x.einddatum, toegekend: x.toegekend,
    besteedDeclaraties: x.besteed_declaraties, besteedEigenBedragen: x.besteed_eigen_bedragen, beschikbaar: x.terug_naar_verstrekker, uitStortingen: x.uit_stortingen,
    terugNaarVerstrekker: x.terug_naar_verstrekker, openDeclaraties: x.open_declaraties,
  }));
}

/** The own deposits of every holder and law with an allocation closed for the year. */
export async function depositFacts(tx: Queryable, jaar: number): Promise<DepositFacts[]> {
  const r = await tx.query<{ budgethouder_id: number; wet: Wet; left: number; later: boolean; parked: number }>(
    `SELECT p.budgethouder_id, p.wet, (-r.saldo)::bigint AS left,
            EXISTS (SELECT 1 FROM budgetten b WHERE b.budgethouder_id = p.budgethouder_id AND b.wet = p.wet AND b.einddatum > make_date($1, 12, 31)) AS later,
            (SELECT count(*) FROM declaraties d JOIN zorgovereenkomsten z ON z.zorgovereenkomst_id = d.zorgovereenkomst_id
              WHERE d.status = 'geparkeerd' AND d.budgethouder_id = p.budgethouder_id AND z.wet = p.wet)::int AS parked
       FROM (SELECT DISTINCT budgethouder_id, wet FROM budgetafsluitingen WHERE jaar = $1) p
       JOIN rekeningen r ON r.soort = 'eigen_bijdrage' AND r.sleutel = p.budgethouder_id || ':' || p.wet
      WHERE r.saldo < 0
      ORDER BY p.budgethouder_id, p.wet`,
    [jaar],
  );
  return r.rows.map((x) => ({ holderId: x.budgethouder_id, wet: x.wet, left: x.left, laterBudget: x.later, parkedClaims: x.parked }));
}
