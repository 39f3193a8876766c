/** Read models of the parties for the API: budget holders a caller may see, providers by KvK or BSN. */
import type { Queryable } from '../../db/connection.ts';
import type { PlainDate } from '../../kernel/dates.ts';
import { holderFilter, type Scope } from '../../server/scope.ts';

export interface HolderView {
  id: number;
  clientnummer: number;
  naam: string;
  bsn: string;
  geboortedatum: PlainDate;
  overlijdensdatum: PlainDate | null;
  /** the funders that granted this holder a budget */
  verstrekkers: string[];
}

const HOLDER_SELECT = `
  SELECT h.id, h.clientnummer, h.naam, h.bsn, h.geboortedatum, h.overlijdensdatum,
         COALESCE((SELECT array_agg(DISTINCT b.verstrekker ORDER BY b.verstrekker) FROM budgetten b WHERE b.budgethouder_id = h.id), '{}') AS verstrekkers
    FROM budgethouders h`;

/** The holder if the scope may see it (a funder: a holder it granted a budget to), else undefined. */
export async function visibleHolder(db: Queryable, scope: Scope, id: number): Promise<HolderView | undefined> {
  const f = holderFilter(scope, 'h.id', 2);
  const r = await db.query<HolderView>(`${HOLDER_SELECT} WHERE h.id = $1 AND ${f.sql}`, [id, ...f.params]);
  return r.rows[0];
}

/** Escapes `%`, `_` and `\` for a LIKE pattern. */
function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Holders the scope may see, by exact BSN or by name prefix (case-insensitive), by name. */
export async function searchHolders(db: Queryable, scope: Scope, f: { bsn?: string | null; naam?: string | null; limit: number; offset: number }): Promise<HolderView[]> {
  const s = holderFilter(scope, 'h.id', 1);
  const n = s.params.length;
  const r = await db.query<HolderView>(
    `${HOLDER_SELECT}
      WHERE ${s.sql}
        AND ($${n + 1}::text IS NULL OR h.bsn = $${n + 1})
        AND ($${n + 2}::text IS NULL OR lower(h.naam) LIKE lower($${n + 2}) ESCAPE '\\')
      ORDER BY h.naam, h.clientnummer
      LIMIT $${n + 3} OFFSET $${n + 4}`,
    [...s.params, f.bsn ?? null, f.naam ? likePrefix(f.naam) : null, f.limit, f.offset],
  );
  return r.rows;
}

export interface ProviderView {
  zorgverlener_id: string;
  soort: string;
  naam: string;
  bsn: string | null;
  kvk: string | null;
  agb: string | null;
  iban: string;
  iban_geblokkeerd: string | null;
}

/** Providers with this KvK number or this BSN (a KvK number may be shared by several sender keys). */
export async function providersBy(db: Queryable, f: { kvk?: string | null; bsn?: string | null }): Promise<ProviderView[]> {
  const r = await db.query<ProviderView>(
    `SELECT zorgverlener_id, soort, naam, bsn, kvk, agb, iban, iban_geblokkeerd
       FROM zorgverleners
      WHERE ($1::text IS NOT NULL AND kvk = $1) OR ($2::text IS NOT NULL AND bsn = $2)
      ORDER BY zorgverlener_id`,
    [f.kvk ?? null, f.bsn ?? null],
  );
  return r.rows;
}

export interface BlockedIbanView {
  zorgverlener_id: string;
  naam: string;
  iban: string;
  /** why the IBAN is blocked: the bank's reason for returning a transfer */
  reden: string;
  /** approved claims held until the provider gives a new IBAN */
  aangehouden: number;
  aangehouden_bedrag: number;
}

/** Providers whose IBAN is blocked after a returned transfer, with the approved claims held for them. */
export async function blockedIbans(db: Queryable): Promise<BlockedIbanView[]> {
  const r = await db.query<BlockedIbanView>(
    `SELECT z.zorgverlener_id, z.naam, z.iban, z.iban_geblokkeerd AS reden,
            count(d.declaratie_id)::int AS aangehouden, COALESCE(sum(d.bedrag), 0)::bigint AS aangehouden_bedrag
       FROM zorgverleners z
       LEFT JOIN declaraties d ON d.zorgverlener_id = z.zorgverlener_id AND d.status = 'goedgekeurd'
      WHERE z.iban_geblokkeerd IS NOT NULL
      GROUP BY z.zorgverlener_id, z.naam, z.iban, z.iban_geblokkeerd
      ORDER BY z.zorgverlener_id`,
  );
  return r.rows.map((x) => ({ ...x, aangehouden_bedrag: Number(x.aangehouden_bedrag) }));
}
