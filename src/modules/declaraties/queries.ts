/**
 * The read model of claims for the API: scoped lists, one claim with who it waits for, and the
 * back office's work queues. Read only; the scope arrives as a SQL condition built from
 * `server/scope.ts` by the routes, over the aliases `d` (declaraties), `h` (the holder, by BSN) and
 * `z` (the claim's agreement: the one the checks matched, else the one the claim named if it is
 * that holder's).
 */
import type { Queryable } from '../../db/connection.ts';
import type { PlainDate } from '../../kernel/dates.ts';

export interface ClaimRow {
  declaratie_id: string;
  soort: string;
  status: string;
  reden: string | null;
  bedrag: number;
  ontvangen_op: Date;
  ontvangstdatum: PlainDate;
  uiterste_betaaldatum: PlainDate;
  kanaal: string;
  bsn: string;
  budgethouder_id: number | null;
  budgethouder_naam: string | null;
  clientnummer: number | null;
  zorgverlener_id: string;
  zorgverlener_naam: string | null;
  zorgovereenkomst_id: string | null;
  wet: string | null;
  ingediend_door: string | null;
  betaling_id: string | null;
  betaald_op: PlainDate | null;
  /** the Dutch sentence of the latest trace event */
  melding: string | null;
  laatste_gebeurtenis_op: Date | null;
}

export interface ClaimFilter {
  status?: string | undefined;
  reden?: string | undefined;
  zorgverlenerId?: string | undefined;
  budgethouderId?: number | undefined;
}

const FROM = `
       FROM declaraties d
       LEFT JOIN budgethouders h ON h.bsn = d.bsn
       LEFT JOIN zorgverleners p ON p.zorgverlener_id = d.zorgverlener_id
       LEFT JOIN zorgovereenkomsten z ON z.zorgovereenkomst_id = COALESCE(d.zorgovereenkomst_id, d.gevraagde_zorgovereenkomst) AND z.budgethouder_id = h.id`;

const COLUMNS = `d.declaratie_id, d.soort, d.status, d.reden, d.bedrag, d.ontvangen_op, d.ontvangstdatum, d.uiterste_betaaldatum, d.kanaal, d.bsn,
            h.id AS budgethouder_id, h.naam AS budgethouder_naam, h.clientnummer, d.zorgverlener_id, p.naam AS zorgverlener_naam,
            COALESCE(d.zorgovereenkomst_id, d.gevraagde_zorgovereenkomst) AS zorgovereenkomst_id, z.wet, d.ingediend_door, d.betaling_id, d.betaald_op,
            (SELECT g.toelichting FROM declaratie_gebeurtenissen g WHERE g.declaratie_id = d.declaratie_id ORDER BY g.id DESC LIMIT 1) AS melding,
            (SELECT max(g.op) FROM declaratie_gebeurtenissen g WHERE g.declaratie_id = d.declaratie_id) AS laatste_gebeurtenis_op`;

/** Claims the scope may see, newest receipt first, with the total that matches the filters. */
export async function listClaims(
  db: Queryable,
  scope: { sql: string; params: unknown[] },
  filter: ClaimFilter,
  page: { limit: number; offset: number },
): Promise<{ items: ClaimRow[]; totaal: number }> {
  const n = scope.params.length;
  const where = `${scope.sql}
        AND ($${n + 1}::text IS NULL OR d.status = $${n + 1})
        AND ($${n + 2}::text IS NULL OR d.reden = $${n + 2})
        AND ($${n + 3}::text IS NULL OR d.zorgverlener_id = $${n + 3})
        AND ($${n + 4}::bigint IS NULL OR h.id = $${n + 4})`;
  const params = [...scope.params, filter.status ?? null, filter.reden ?? null, filter.zorgverlenerId ?? null, filter.budgethouderId ?? null];
  const [items, total] = await Promise.all([
    db.query<ClaimRow>(
      `SELECT ${COLUMNS} ${FROM}
        WHERE ${where}
        ORDER BY d.ontvangen_op DESC, d.volgnummer DESC
        LIMIT $${n + 5} OFFSET $${n + 6}`,
      [...params, page.limit, page.offset],
    ),
    db.query<{ n: number }>(`SELECT count(*)::int AS n ${FROM} WHERE ${where}`, params),
  ]);
  return { items: items.rows, totaal: total.rows[0]?.n ?? 0 };
}

export interface ClaimDetailRow extends ClaimRow {
  /** the funder of the holder for the agreement's law (latest budget), to name whom to contact */
  verstrekker_naam: string | null;
  verstrekker_soort: string | null;
  zorgovereenkomst_status: string | null;
  iban_geblokkeerd: string | null;
  betaling_status: string | null;
  betaalrun_datum: PlainDate | null;
}

/** One claim if the scope may see it. */
export async function findClaim(db: Queryable, id: string, scope: { sql: string; params: unknown[] }): Promise<ClaimDetailRow | undefined> {
  const n = scope.params.length;
  const r = await db.query<ClaimDetailRow>(
    `SELECT ${COLUMNS}, z.status AS zorgovereenkomst_status, p.iban_geblokkeerd,
            v.naam AS verstrekker_naam, v.soort AS verstrekker_soort, b.status AS betaling_status, br.datum AS betaalrun_datum
       ${FROM}
       LEFT JOIN LATERAL (SELECT vv.naam, vv.soort FROM budgetten bb JOIN verstrekkers vv ON vv.code = bb.verstrekker
                           WHERE bb.budgethouder_id = h.id AND bb.wet = z.wet ORDER BY bb.einddatum DESC LIMIT 1) v ON true
       LEFT JOIN betalingen b ON b.betaling_id = d.betaling_id
       LEFT JOIN betaalruns br ON br.betaalrun_id = b.betaalrun_id
      WHERE d.declaratie_id = $${n + 1} AND ${scope.sql}`,
    [...scope.params, id],
  );
  return r.rows[0];
}

/** The stored receipt moment of a claim as it was first submitted (from its content), for idempotent resubmission. */
export async function submittedMoment(db: Queryable, id: string): Promise<string | undefined> {
  const r = await db.query<{ inhoud: string }>(`SELECT inhoud FROM declaraties WHERE declaratie_id = $1`, [id]);
  const inhoud = r.rows[0]?.inhoud;
  if (inhoud === undefined) return undefined;
  try {
    const first = (JSON.parse(inhoud) as unknown[])[0];
    return typeof first === 'string' ? first : undefined;
  } catch {
    return undefined;
  }
}

export const OPEN_STATUSES = ['ter_goedkeuring', 'ontvangen', 'geparkeerd', 'goedgekeurd'] as const;

/** Open claims counted by status, reason and day of receipt (the use case turns days into age bands). */
export async function openClaimsByDay(db: Queryable): Promise<{ status: string; reden: string | null; ontvangstdatum: PlainDate; aantal: number; bedrag: number }[]> {
  const r = await db.query<{ status: string; reden: string | null; ontvangstdatum: PlainDate; aantal: number; bedrag: number }>(
    `SELECT d.status, d.reden, d.ontvangstdatum, count(*)::int AS aantal, sum(d.bedrag)::bigint AS bedrag
       FROM declaraties d
      WHERE d.status = ANY($1::text[])
      GROUP BY d.status, d.reden, d.ontvangstdatum`,
    [[...OPEN_STATUSES]],
  );
  return r.rows;
}

export interface QueueClaimRow {
  status: string;
  reden: string | null;
  declaratie_id: string;
  ontvangen_op: Date;
  ontvangstdatum: PlainDate;
  uiterste_betaaldatum: PlainDate;
  bedrag: number;
  kanaal: string;
  bsn: string;
  zorgverlener_id: string;
}

/** The oldest `per` open claims of every queue (status × reason), oldest first. */
export async function oldestPerQueue(db: Queryable, per: number): Promise<QueueClaimRow[]> {
  const r = await db.query<QueueClaimRow>(
    `SELECT status, reden, declaratie_id, ontvangen_op, ontvangstdatum, uiterste_betaaldatum, bedrag, kanaal, bsn, zorgverlener_id
       FROM (SELECT d.*, row_number() OVER (PARTITION BY d.status, d.reden ORDER BY d.ontvangen_op, d.volgnummer) AS rang
               FROM declaraties d WHERE d.status = ANY($1::text[])) q
      WHERE rang <= $2
      ORDER BY status, reden NULLS FIRST, rang`,
    [[...OPEN_STATUSES], per],
  );
  return r.rows;
}

/** A holder by id (the BSN of a claim a holder submits comes from here, never from the request). */
export async function holderById(db: Queryable, id: number): Promise<{ id: number; bsn: string; naam: string } | undefined> {
  const r = await db.query<{ id: number; bsn: string; naam: string }>(`SELECT id, bsn, naam FROM budgethouders WHERE id = $1`, [id]);
  return r.rows[0];
}

/** An agreement of this provider (not a draft the holder has not shared), with its holder. */
export async function providerAgreement(
  db: Queryable,
  agreementId: string,
  providerId: string,
): Promise<{ budgethouder_id: number; bsn: string; status: string; zorgverlener_naam: string } | undefined> {
  const r = await db.query<{ budgethouder_id: number; bsn: string; status: string; zorgverlener_naam: string }>(
    `SELECT z.budgethouder_id, h.bsn, z.status, p.naam AS zorgverlener_naam
       FROM zorgovereenkomsten z JOIN budgethouders h ON h.id = z.budgethouder_id JOIN zorgverleners p ON p.zorgverlener_id = z.zorgverlener_id
      WHERE z.zorgovereenkomst_id = $1 AND z.zorgverlener_id = $2 AND z.status <> 'concept'`,
    [agreementId, providerId],
  );
  return r.rows[0];
}
