/** Import of `zorgovereenkomsten.csv` and of the funders' decisions in `accorderingen.csv`. */
import type { ImportHandler } from '../import/run-import.ts';
import { contentOf, newRows } from '../import/known-rows.ts';
import { holdersByBsn, knownProviders } from '../partijen/index.ts';
import { ACCORDERINGEN_SPEC, parseAccordering, parseZorgovereenkomst, ZORGOVEREENKOMSTEN_SPEC, type AccorderingRow, type ZorgovereenkomstRow } from './core/csv.ts';
import { insertAgreements, insertVersions, setCurrentVersions, storedAgreements, type VersionRow } from './repo.ts';

export const zorgovereenkomstenImport: ImportHandler<ZorgovereenkomstRow> = {
  kind: 'zorgovereenkomsten',
  spec: ZORGOVEREENKOMSTEN_SPEC,
  idColumn: 'zorgovereenkomst_id',
  parse(r) {
    const row = parseZorgovereenkomst(r);
    return (
      row && {
        id: row.zorgovereenkomst_id,
        row,
        content: contentOf([row.zorgovereenkomst_id, row.bsn, row.zorgverlener_id, row.wet, row.soort, row.ingangsdatum, row.einddatum, row.eenheid, row.tarief, row.maximumtarief, row.maandbedrag, row.status]),
      }
    );
  },
  async apply(tx, rows, ctx) {
    const stored = await storedAgreements(tx, rows.map((r) => r.id));
    const fresh = newRows(rows, new Map([...stored].map(([k, v]) => [k, v.inhoud])), ctx, 'zorgovereenkomst_id');
    const holders = await holdersByBsn(tx, [...new Set(fresh.map((r) => r.row.bsn))]);
    const providers = await knownProviders(tx, [...new Set(fresh.map((r) => r.row.zorgverlener_id))]);
    const inserts: { row: ZorgovereenkomstRow; holderId: number; content: string }[] = [];
    for (const r of fresh) {
      const holder = holders.get(r.row.bsn);
      if (!holder) ctx.problems.push({ file: ctx.file, line: r.line, column: 'bsn', message: 'geen budgethouder met dit BSN; importeer eerst budgethouders.csv' });
      if (!providers.has(r.row.zorgverlener_id)) ctx.problems.push({ file: ctx.file, line: r.line, column: 'zorgverlener_id', message: `zorgverlener '${r.row.zorgverlener_id}' is onbekend; importeer eerst zorgverleners.csv` });
      if (holder && holder.overlijdensdatum !== null && r.row.ingangsdatum > holder.overlijdensdatum) {
        ctx.problems.push({ file: ctx.file, line: r.line, column: 'ingangsdatum', message: `de budgethouder is overleden op ${holder.overlijdensdatum}` });
      }
      if (holder) inserts.push({ row: r.row, holderId: holder.id, content: r.content });
    }
    if (ctx.problems.length > 0 || inserts.length === 0) return { created: 0 };
    await insertAgreements(tx, inserts, ctx.importId, ctx.actor);
    return { created: inserts.length, recheckHolders: [...new Set(inserts.map((i) => i.holderId))] };
  },
};

export const accorderingenImport: ImportHandler<AccorderingRow> = {
  kind: 'accorderingen',
  spec: ACCORDERINGEN_SPEC,
  idColumn: 'zorgovereenkomst_id',
  parse(r) {
    const row = parseAccordering(r);
    return row && { id: row.zorgovereenkomst_id, row, content: contentOf([row.zorgovereenkomst_id, row.besluit, row.datum, row.maximumtarief, row.reden]) };
  },
  async apply(tx, rows, ctx) {
    const stored = await storedAgreements(tx, rows.map((r) => r.id));
    const versions: VersionRow[] = [];
    const holders = new Set<number>();
    for (const r of rows) {
      const z = stored.get(r.id);
      if (!z) {
        ctx.problems.push({ file: ctx.file, line: r.line, column: 'zorgovereenkomst_id', message: `zorgovereenkomst '${r.id}' is onbekend` });
        continue;
      }
      if (z.besluit_inhoud === r.content) continue; // this decision was read before
      if (z.status !== 'ingediend') {
        ctx.problems.push({ file: ctx.file, line: r.line, column: 'besluit', message: `zorgovereenkomst '${r.id}' is al ${z.status}; alleen een ingediende zorgovereenkomst kan worden beoordeeld` });
        continue;
      }
      versions.push({ id: r.id, versie: z.versie + 1, status: r.row.besluit, maximumtarief: r.row.maximumtarief, datum: r.row.datum, reden: r.row.reden, inhoud: r.content });
      holders.add(z.budgethouder_id);
    }
    if (ctx.problems.length > 0 || versions.length === 0) return { created: 0 };
    await insertVersions(tx, versions, `accordering ${ctx.importId}`, ctx.actor);
    await setCurrentVersions(tx, versions);
    return { created: versions.length, recheckHolders: [...holders] };
  },
};
