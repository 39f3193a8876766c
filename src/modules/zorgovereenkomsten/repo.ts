/** SQL of care agreements and their versions. */
import { slices, type Queryable } from '../../db/connection.ts';
import type { ZorgovereenkomstRow } from './core/csv.ts';

export async function storedAgreements(tx: Queryable, ids: string[]): Promise<Map<string, { inhoud: string; status: string; budgethouder_id: number; versie: number; besluit_inhoud: string | null }>> {
  const r = await tx.query<{ zorgovereenkomst_id: string; inhoud: string; status: string; budgethouder_id: number; versie: number; besluit_inhoud: string | null }>(
    `SELECT z.zorgovereenkomst_id, z.inhoud, z.status, z.budgethouder_id, z.versie,
            (SELECT v.inhoud FROM zorgovereenkomst_versies v
              WHERE v.zorgovereenkomst_id = z.zorgovereenkomst_id AND v.bron LIKE 'accordering%' ORDER BY v.versie DESC LIMIT 1) AS besluit_inhoud
       FROM zorgovereenkomsten z WHERE z.zorgovereenkomst_id = ANY($1::text[])
       FOR UPDATE OF z`,
    [ids],
  );
  return new Map(r.rows.map((x) => [x.zorgovereenkomst_id, x]));
}

export async function insertAgreements(
  tx: Queryable,
  rows: { row: ZorgovereenkomstRow; holderId: number; content: string }[],
  importId: string | null,
  actor: string,
): Promise<void> {
  for (const part of slices(rows)) await insertAgreementSlice(tx, part, importId, actor);
}

async function insertAgreementSlice(
  tx: Queryable,
  rows: { row: ZorgovereenkomstRow; holderId: number; content: string }[],
  importId: string | null,
  actor: string,
): Promise<void> {
  const col = <K extends keyof ZorgovereenkomstRow>(k: K) => rows.map((r) => r.row[k]);
  await tx.query(
    `INSERT INTO zorgovereenkomsten (zorgovereenkomst_id, budgethouder_id, zorgverlener_id, wet, soort, ingangsdatum, einddatum, eenheid,
                                     tarief, maandbedrag, inhoud, versie, status, maximumtarief, import_id)
     SELECT z.id, z.houder, z.zorgverlener, z.wet, z.soort, z.ingang, z.eind, z.eenheid, z.tarief, z.maandbedrag, z.inhoud, 1, z.status, z.maximumtarief, $13
       FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::date[], $7::date[], $8::text[], $9::bigint[], $10::bigint[], $11::text[], $12::text[], $14::bigint[])
            AS z (id, houder, zorgverlener, wet, soort, ingang, eind, eenheid, tarief, maandbedrag, inhoud, status, maximumtarief)`,
    [
      col('zorgovereenkomst_id'),
      rows.map((r) => r.holderId),
      col('zorgverlener_id'),
      col('wet'),
      col('soort'),
      col('ingangsdatum'),
      col('einddatum'),
      col('eenheid'),
      col('tarief'),
      col('maandbedrag'),
      rows.map((r) => r.content),
      col('status'),
      importId,
      col('maximumtarief'),
    ],
  );
  await insertVersions(
    tx,
    rows.map((r) => ({ id: r.row.zorgovereenkomst_id, versie: 1, status: r.row.status, maximumtarief: r.row.maximumtarief, datum: r.row.ingangsdatum, reden: null, inhoud: null })),
    importId ? `import ${importId}` : 'portaal',
    actor,
  );
}

export async function agreementState(tx: Queryable, id: string): Promise<{ status: string; versie: number; budgethouder_id: number; wet: string; zorgverlener_id: string } | undefined> {
  const r = await tx.query<{ status: string; versie: number; budgethouder_id: number; wet: string; zorgverlener_id: string }>(
    `SELECT status, versie, budgethouder_id, wet, zorgverlener_id FROM zorgovereenkomsten WHERE zorgovereenkomst_id = $1 FOR UPDATE`,
    [id],
  );
  return r.rows[0];
}

export interface VersionRow {
  id: string;
  versie: number;
  status: string;
  maximumtarief: number | null;
  datum: string;
  reden: string | null;
  inhoud: string | null;
}

export async function insertVersions(tx: Queryable, all: VersionRow[], bron: string, actor: string): Promise<void> {
  for (const rows of slices(all)) await tx.query(
    `INSERT INTO zorgovereenkomst_versies (zorgovereenkomst_id, versie, status, maximumtarief, datum, reden, inhoud, bron, actor)
     SELECT *, $8, $9 FROM unnest($1::text[], $2::int[], $3::text[], $4::bigint[], $5::date[], $6::text[], $7::text[])`,
    [rows.map((r) => r.id), rows.map((r) => r.versie), rows.map((r) => r.status), rows.map((r) => r.maximumtarief), rows.map((r) => r.datum), rows.map((r) => r.reden), rows.map((r) => r.inhoud), bron, actor],
  );
}

/** Sets the current version of agreements (the version rows hold the history). */
export async function setCurrentVersions(tx: Queryable, all: VersionRow[]): Promise<void> {
  for (const rows of slices(all)) await tx.query(
    `UPDATE zorgovereenkomsten z SET versie = u.versie, status = u.status, maximumtarief = COALESCE(u.maximumtarief, z.maximumtarief)
       FROM unnest($1::text[], $2::int[], $3::text[], $4::bigint[]) AS u (id, versie, status, maximumtarief)
      WHERE z.zorgovereenkomst_id = u.id`,
    [rows.map((r) => r.id), rows.map((r) => r.versie), rows.map((r) => r.status), rows.map((r) => r.maximumtarief)],
  );
}

export interface AgreementView {
  zorgovereenkomst_id: string;
  clientnummer: number;
  budgethouder: string;
  zorgverlener_id: string;
  zorgverlener: string;
  wet: string;
  soort: string;
  ingangsdatum: string;
  einddatum: string | null;
  eenheid: string;
  tarief: number;
  maandbedrag: number | null;
  maximumtarief: number | null;
  status: string;
  versie: number;
  sinds: Date;
}

/** Agreements the scope may see (a filter built by server/scope.ts `holderFilter`), newest first. */
export async function listAgreements(
  tx: Queryable,
  filter: { sql: string; params: unknown[] },
  opts: { status?: string; zorgverlener?: string; hideDrafts: boolean; limit: number; offset: number },
): Promise<AgreementView[]> {
  const n = filter.params.length;
  const r = await tx.query<AgreementView>(
    `SELECT z.zorgovereenkomst_id, h.clientnummer, h.naam AS budgethouder, z.zorgverlener_id, p.naam AS zorgverlener, z.wet, z.soort,
            z.ingangsdatum, z.einddatum, z.eenheid, z.tarief, z.maandbedrag, z.maximumtarief, z.status, z.versie,
            (SELECT max(v.op) FROM zorgovereenkomst_versies v WHERE v.zorgovereenkomst_id = z.zorgovereenkomst_id) AS sinds
       FROM zorgovereenkomsten z
       JOIN budgethouders h ON h.id = z.budgethouder_id
       JOIN zorgverleners p ON p.zorgverlener_id = z.zorgverlener_id
      WHERE ${filter.sql}
        AND ($${n + 1}::text IS NULL OR z.status = $${n + 1})
        AND ($${n + 2}::text IS NULL OR z.zorgverlener_id = $${n + 2})
        AND (NOT $${n + 3}::boolean OR z.status NOT IN ('concept', 'gedeeld'))
      ORDER BY sinds DESC, z.zorgovereenkomst_id
      LIMIT $${n + 4} OFFSET $${n + 5}`,
    [...filter.params, opts.status ?? null, opts.zorgverlener ?? null, opts.hideDrafts, opts.limit, opts.offset],
  );
  return r.rows;
}

export async function agreementVersions(tx: Queryable, id: string) {
  const r = await tx.query<{ versie: number; status: string; maximumtarief: number | null; datum: string; reden: string | null; bron: string; actor: string; op: Date }>(
    `SELECT versie, status, maximumtarief, datum, reden, bron, actor, op FROM zorgovereenkomst_versies WHERE zorgovereenkomst_id = $1 ORDER BY versie`,
    [id],
  );
  return r.rows;
}
