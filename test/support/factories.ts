/**
 * Small builders for CSV files and a standard cast, shared by the database tests. Each returns
 * the text of a file in the formats of formats.md.
 */
import { syntheticBsn, syntheticIban } from '../../src/kernel/synthetic.ts';
import type { Db } from '../../src/db/connection.ts';
import { runImport, type ImportHandler } from '../../src/modules/import/run-import.ts';
import { IMPORTS } from '../../src/cli/main.ts';

export const HOLDER = { a: syntheticBsn(501), b: syntheticBsn(502), c: syntheticBsn(503) };
export const FUNDER_IBAN = syntheticIban(9001, 'BNGH');

export function csv(header: string, rows: string[]): string {
  return `${header}\n${rows.join('\n')}\n`;
}

export const parties = {
  verstrekkers: csv('code,naam,soort,iban', [`GM0001,Gemeente Proef,gemeente,${FUNDER_IBAN}`, `ZK0001,Zorgkantoor Proef,zorgkantoor,${syntheticIban(9002, 'INGB')}`]),
  budgethouders: csv('bsn,naam,geboortedatum', [`${HOLDER.a},Houder A,1950-01-01`, `${HOLDER.b},Houder B,1960-02-02`, `${HOLDER.c},Houder C,2010-03-03`]),
  zorgverleners: csv('zorgverlener_id,soort,naam,bsn,kvk,agb,iban', [
    `ZV1,zzp,Zorg Een,,10000001,,${syntheticIban(9101)}`,
    `ZV2,particulier,Zorg Twee,${syntheticBsn(601)},,,${syntheticIban(9102)}`,
    `ZV3,instelling,Zorg Drie B.V.,,10000003,12345678,${syntheticIban(9103)}`,
  ]),
};

export function allocation(id: string, bsn: string, wet: string, from: string, to: string, amount: string, replaces = '', funder = 'GM0001'): string {
  return `${id},${funder},${bsn},${wet},${from},${to},${amount},${replaces}`;
}
export const ALLOCATION_HEADER = 'toekenning_id,verstrekker,bsn,wet,ingangsdatum,einddatum,bedrag,vervangt';

export function agreement(id: string, bsn: string, provider: string, wet: string, opts: { from?: string; to?: string; unit?: string; rate?: string; max?: string; monthly?: string; status?: string; kind?: string } = {}): string {
  return [id, bsn, provider, wet, opts.kind ?? 'opdracht', opts.from ?? '2026-01-01', opts.to ?? '', opts.unit ?? 'uur', opts.rate ?? '30.00', opts.max ?? '', opts.monthly ?? '', opts.status ?? 'geaccordeerd'].join(',');
}
export const AGREEMENT_HEADER = 'zorgovereenkomst_id,bsn,zorgverlener_id,wet,soort,ingangsdatum,einddatum,eenheid,tarief,maximumtarief,maandbedrag,status';

export function claimLine(id: string, bsn: string, provider: string, date: string, units: string, rate: string, opts: { received?: string; channel?: string; agreement?: string } = {}): string {
  return [id, opts.received ?? '2026-11-02T09:00:00+01:00', opts.channel ?? 'portaal', bsn, provider, opts.agreement ?? '', date, units, rate, ''].join(',');
}
export const CLAIM_HEADER = 'declaratie_id,ontvangen_op,kanaal,bsn,zorgverlener_id,zorgovereenkomst_id,datum,eenheden,tarief,omschrijving';

export async function load(db: Db, kind: keyof typeof IMPORTS | string, content: string, name = `${kind}.csv`) {
  return runImport(db, IMPORTS[kind] as ImportHandler<never>, { path: name, content, actor: 'test' });
}

/** The standard cast: two funders, three holders, three providers. */
export async function loadParties(db: Db): Promise<void> {
  await load(db, 'verstrekkers', parties.verstrekkers);
  await load(db, 'budgethouders', parties.budgethouders);
  await load(db, 'zorgverleners', parties.zorgverleners);
}

export async function claimStatus(db: Db): Promise<Record<string, string>> {
  const r = await db.query<{ declaratie_id: string; status: string; reden: string | null }>(`SELECT declaratie_id, status, reden FROM declaraties ORDER BY volgnummer`);
  return Object.fromEntries(r.rows.map((x) => [x.declaratie_id, x.reden ? `${x.status}:${x.reden}` : x.status]));
}

export async function available(db: Db, budgetId: string): Promise<number> {
  const r = await db.query<{ saldo: number }>(`SELECT r.saldo FROM budgetten b JOIN rekeningen r ON r.id = b.rekening_id WHERE b.budget_id = $1`, [budgetId]);
  return 0 - r.rows[0]!.saldo;
}
