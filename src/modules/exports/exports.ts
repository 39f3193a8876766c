/**
 * `pgb export declaraties|budgetten|betalingen`: CSV with fixed columns (the contract),
 * amounts in euros with two decimals, dates as YYYY-MM-DD.
 */
import { stringify } from 'csv-stringify/sync';
import type { Queryable } from '../../db/connection.ts';
import { formatEuros } from '../../kernel/money.ts';
import { formatMoment } from '../../kernel/dates.ts';

export const EXPORTS = {
  declaraties: {
    columns: ['declaratie_id', 'status', 'reden', 'bedrag', 'ontvangen_op', 'uiterste_betaaldatum', 'betaald_op'],
    sql: `SELECT declaratie_id, status, reden, bedrag, ontvangen_op, uiterste_betaaldatum, betaald_op FROM declaraties
           WHERE status NOT IN ('ter_goedkeuring', 'afgewezen')
           ORDER BY ontvangen_op, volgnummer`,
    money: ['bedrag'],
  },
  budgetten: {
    columns: ['toekenning_id', 'bsn', 'wet', 'ingangsdatum', 'einddatum', 'toegekend', 'besteed', 'beschikbaar'],
    sql: `SELECT b.budget_id AS toekenning_id, h.bsn, b.wet, b.ingangsdatum, b.einddatum, b.toegekend, b.toegekend + r.saldo AS besteed, -r.saldo AS beschikbaar
            FROM budgetten b JOIN budgethouders h ON h.id = b.budgethouder_id JOIN rekeningen r ON r.id = b.rekening_id
           WHERE ($1::text IS NULL OR b.verstrekker = $1)
           ORDER BY h.bsn, b.wet, b.ingangsdatum, b.budget_id`,
    money: ['toegekend', 'besteed', 'beschikbaar'],
  },
  betalingen: {
    columns: ['betaling_id', 'betaalrun', 'zorgverlener_id', 'iban', 'bedrag', 'status'],
    sql: `SELECT betaling_id, betaalrun_id AS betaalrun, zorgverlener_id, iban, bedrag, status FROM betalingen ORDER BY betaalrun_id, betaling_id`,
    money: ['bedrag'],
  },
} as const;

export type ExportName = keyof typeof EXPORTS;

/** `verstrekker` limits the budgets export to one funder's allocations (what that funder may see). */
export async function exportCsv(db: Queryable, name: ExportName, opts: { verstrekker?: string } = {}): Promise<string> {
  const spec = EXPORTS[name];
  const r = await db.query<Record<string, unknown>>(spec.sql, name === 'budgetten' ? [opts.verstrekker ?? null] : []);
  const money = new Set<string>(spec.money);
  const rows = r.rows.map((row) =>
    spec.columns.map((c) => {
      const v = row[c];
      if (v === null || v === undefined) return '';
      if (money.has(c)) return formatEuros(Number(v));
      if (v instanceof Date) return formatMoment(v);
      return String(v);
    }),
  );
  return stringify([spec.columns as unknown as string[], ...rows]);
}
