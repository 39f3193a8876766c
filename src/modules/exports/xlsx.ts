/**
 * Excel downloads for funders and the back office: budgets, agreements (with how long they have
 * waited) and claims, each scoped like the API (a funder sees only its own holders). Dutch column
 * headers; euros are numbers formatted `€ #,##0.00`; dates are real dates (Dutch local time for
 * moments), so that a funder can sort, filter and add them up.
 */
import type { Queryable } from '../../db/connection.ts';
import { formatMoment, toEpochDay, dateInNetherlands, type PlainDate } from '../../kernel/dates.ts';
import { holderFilter, type Scope } from '../../server/scope.ts';
import { listBudgets } from '../budgetten/index.ts';
import { listAgreements } from '../zorgovereenkomsten/index.ts';

export const EURO_FORMAT = '€ #,##0.00';
export const DATE_FORMAT = 'dd-mm-yyyy';
export const MOMENT_FORMAT = 'dd-mm-yyyy hh:mm';

type Kind = 'text' | 'int' | 'euro' | 'date' | 'moment';

export interface SheetColumn {
  header: string;
  kind: Kind;
  width?: number;
}

export interface Sheet {
  name: string;
  columns: SheetColumn[];
  /** one array per row, in column order; euros in cents, dates as `YYYY-MM-DD`, moments as Date */
  rows: unknown[][];
}

/** A plain date as an Excel date (midnight, no time zone). */
function excelDate(d: string): Date {
  return new Date(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))));
}

/** A moment as the wall-clock time in the Netherlands (Excel dates have no time zone). */
function excelMoment(m: Date): Date {
  const s = formatMoment(m); // 2026-03-02T09:15:00+01:00
  return new Date(Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)), Number(s.slice(11, 13)), Number(s.slice(14, 16)), Number(s.slice(17, 19))));
}

function cell(kind: Kind, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  switch (kind) {
    case 'euro':
      return Number(v) / 100;
    case 'int':
      return Number(v);
    case 'date':
      return excelDate(String(v));
    case 'moment':
      return excelMoment(v instanceof Date ? v : new Date(String(v)));
    case 'text':
      return String(v);
  }
}

const FORMATS: Partial<Record<Kind, string>> = { euro: EURO_FORMAT, date: DATE_FORMAT, moment: MOMENT_FORMAT };

export async function buildWorkbook(sheet: Sheet): Promise<Buffer> {
  // loaded on first use: exceljs takes most of a second to load, which the command line need not pay
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'PGB-platform';
  const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = sheet.columns.map((c, i) => ({
    header: c.header,
    key: `c${i}`,
    width: c.width ?? (c.kind === 'text' ? 22 : c.kind === 'moment' ? 18 : 14),
    ...(FORMATS[c.kind] ? { style: { numFmt: FORMATS[c.kind]! } } : {}),
  }));
  ws.getRow(1).font = { bold: true };
  for (const r of sheet.rows) ws.addRow(sheet.columns.map((c, i) => cell(c.kind, r[i])));
  if (sheet.rows.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The BSN column only for the back office; everyone else sees the client number. */
function showBsn(scope: Scope, backoffice: boolean): boolean {
  return scope.kind === 'alles' && backoffice;
}

export async function budgetsSheet(db: Queryable, scope: Scope, opts: { backoffice: boolean; wet?: string | null }): Promise<Sheet> {
  const budgets = await listBudgets(db, scope, { wet: opts.wet ?? null });
  const bsn = showBsn(scope, opts.backoffice);
  return {
    name: 'Budgetten',
    columns: [
      { header: 'Toekenning', kind: 'text' },
      { header: 'Laatste versie', kind: 'text' },
      { header: 'Verstrekker', kind: 'text', width: 12 },
      { header: 'Cliëntnummer', kind: 'int' },
      { header: 'Budgethouder', kind: 'text', width: 28 },
      ...(bsn ? [{ header: 'BSN', kind: 'text' as const, width: 12 }] : []),
      { header: 'Wet', kind: 'text', width: 10 },
      { header: 'Ingangsdatum', kind: 'date' },
      { header: 'Einddatum', kind: 'date' },
      { header: 'Toegekend', kind: 'euro' },
      { header: 'Besteed', kind: 'euro' },
      { header: 'Betaald', kind: 'euro' },
      { header: 'Nog te betalen', kind: 'euro' },
      { header: 'Beschikbaar', kind: 'euro' },
    ],
    rows: budgets.map((b) => [
      b.budget_id,
      b.laatste_versie,
      b.verstrekker,
      b.clientnummer,
      b.budgethouder,
      ...(bsn ? [b.bsn] : []),
      b.wet,
      b.ingangsdatum,
      b.einddatum,
      b.toegekend,
      b.besteed,
      b.betaald,
      b.nog_te_betalen,
      b.beschikbaar,
    ]),
  };
}

/** Agreements (never drafts) with the days since they reached their current status. */
export async function agreementsSheet(db: Queryable, scope: Scope, opts: { status?: string | null; now: Date }): Promise<Sheet> {
  const filter = scope.kind === 'alles' ? { sql: 'true', params: [] } : holderFilter(scope, 'z.budgethouder_id', 1, 'z.wet');
  const items = await listAgreements(db, filter, { ...(opts.status ? { status: opts.status } : {}), hideDrafts: true, limit: 1_000_000, offset: 0 });
  const today = toEpochDay(dateInNetherlands(opts.now));
  // oldest first: what has waited longest is at the top
  items.sort((a, b) => a.sinds.getTime() - b.sinds.getTime() || a.zorgovereenkomst_id.localeCompare(b.zorgovereenkomst_id));
  return {
    name: 'Zorgovereenkomsten',
    columns: [
      { header: 'Zorgovereenkomst', kind: 'text' },
      { header: 'Cliëntnummer', kind: 'int' },
      { header: 'Budgethouder', kind: 'text', width: 28 },
      { header: 'Zorgverlener', kind: 'text', width: 28 },
      { header: 'Zorgverlener-id', kind: 'text' },
      { header: 'Wet', kind: 'text', width: 10 },
      { header: 'Soort', kind: 'text', width: 18 },
      { header: 'Ingangsdatum', kind: 'date' },
      { header: 'Einddatum', kind: 'date' },
      { header: 'Eenheid', kind: 'text', width: 10 },
      { header: 'Tarief', kind: 'euro' },
      { header: 'Maandbedrag', kind: 'euro' },
      { header: 'Maximumtarief', kind: 'euro' },
      { header: 'Status', kind: 'text', width: 14 },
      { header: 'Status sinds', kind: 'moment' },
      { header: 'Leeftijd (dagen)', kind: 'int' },
    ],
    rows: items.map((a) => [
      a.zorgovereenkomst_id,
      a.clientnummer,
      a.budgethouder,
      a.zorgverlener,
      a.zorgverlener_id,
      a.wet,
      a.soort,
      a.ingangsdatum,
      a.einddatum,
      a.eenheid,
      a.tarief,
      a.maandbedrag,
      a.maximumtarief,
      a.status,
      a.sinds,
      today - toEpochDay(dateInNetherlands(a.sinds)),
    ]),
  };
}

interface ClaimRow {
  declaratie_id: string;
  soort: string;
  kanaal: string;
  ontvangen_op: Date;
  clientnummer: number | null;
  budgethouder: string | null;
  bsn: string;
  zorgverlener_id: string;
  zorgverlener: string | null;
  zorgovereenkomst_id: string | null;
  wet: string | null;
  bedrag: number;
  status: string;
  reden: string | null;
  uiterste_betaaldatum: PlainDate;
  betaald_op: PlainDate | null;
}

/**
 * Claims in order of receipt. A funder sees the claims of its own holders under the laws it funds,
 * once they reached the checks (not those still awaiting the holder's approval).
 */
export async function claimsSheet(
  db: Queryable,
  scope: Scope,
  opts: { backoffice: boolean; status?: string | null; van?: string | null; tot?: string | null },
): Promise<Sheet> {
  const f = scope.kind === 'alles' ? { sql: 'true', params: [] as unknown[] } : holderFilter(scope, 'd.budgethouder_id', 1, 'z.wet');
  const n = f.params.length;
  const hidden = scope.kind === 'alles' ? [] : ['ter_goedkeuring', 'afgewezen'];
  const r = await db.query<ClaimRow>(
    `SELECT d.declaratie_id, d.soort, d.kanaal, d.ontvangen_op, h.clientnummer, h.naam AS budgethouder, d.bsn, d.zorgverlener_id,
            p.naam AS zorgverlener, d.zorgovereenkomst_id, z.wet, d.bedrag, d.status, d.reden, d.uiterste_betaaldatum, d.betaald_op
       FROM declaraties d
       LEFT JOIN budgethouders h ON h.id = d.budgethouder_id
       LEFT JOIN zorgverleners p ON p.zorgverlener_id = d.zorgverlener_id
       LEFT JOIN zorgovereenkomsten z ON z.zorgovereenkomst_id = d.zorgovereenkomst_id
      WHERE ${f.sql}
        AND NOT (d.status = ANY($${n + 1}::text[]))
        AND ($${n + 2}::text IS NULL OR d.status = $${n + 2})
        AND ($${n + 3}::date IS NULL OR d.ontvangstdatum >= $${n + 3})
        AND ($${n + 4}::date IS NULL OR d.ontvangstdatum <= $${n + 4})
      ORDER BY d.ontvangen_op, d.volgnummer`,
    [...f.params, hidden, opts.status ?? null, opts.van ?? null, opts.tot ?? null],
  );
  const bsn = showBsn(scope, opts.backoffice);
  return {
    name: 'Declaraties',
    columns: [
      { header: 'Declaratie', kind: 'text' },
      { header: 'Soort', kind: 'text', width: 12 },
      { header: 'Kanaal', kind: 'text', width: 10 },
      { header: 'Ontvangen op', kind: 'moment' },
      { header: 'Cliëntnummer', kind: 'int' },
      { header: 'Budgethouder', kind: 'text', width: 28 },
      ...(bsn ? [{ header: 'BSN', kind: 'text' as const, width: 12 }] : []),
      { header: 'Zorgverlener-id', kind: 'text' },
      { header: 'Zorgverlener', kind: 'text', width: 28 },
      { header: 'Zorgovereenkomst', kind: 'text' },
      { header: 'Wet', kind: 'text', width: 10 },
      { header: 'Bedrag', kind: 'euro' },
      { header: 'Status', kind: 'text', width: 14 },
      { header: 'Reden', kind: 'text', width: 30 },
      { header: 'Uiterste betaaldatum', kind: 'date' },
      { header: 'Betaald op', kind: 'date' },
    ],
    rows: r.rows.map((c) => [
      c.declaratie_id,
      c.soort,
      c.kanaal,
      c.ontvangen_op,
      c.clientnummer,
      c.budgethouder,
      ...(bsn ? [c.bsn] : []),
      c.zorgverlener_id,
      c.zorgverlener,
      c.zorgovereenkomst_id,
      c.wet,
      c.bedrag,
      c.status,
      c.reden,
      c.uiterste_betaaldatum,
      c.betaald_op,
    ]),
  };
}
