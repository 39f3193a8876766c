/** Import of `toekenningen.csv`: allocations, corrections and withdrawals, booked in the ledger. */
import type { ImportHandler } from '../import/run-import.ts';
import { contentOf, newRows } from '../import/known-rows.ts';
import { holdersByBsn, knownFunders } from '../partijen/index.ts';
import { lockHolders } from '../declaraties/index.ts';
import { accountIds, booking, budgetAccount, funderAccount, postEntries, type JournalEntry } from '../ledger/index.ts';
import { formatEuros } from '../../kernel/money.ts';
import { parseToekenning, TOEKENNINGEN_SPEC, type ToekenningRow } from './core/csv.ts';
import { applyAllocation, type BudgetState } from './core/corrections.ts';
import { budgetsOfVersions, insertAllocations, saveBudgets, storedAllocations } from './repo.ts';

export const toekenningenImport: ImportHandler<ToekenningRow> = {
  kind: 'toekenningen',
  spec: TOEKENNINGEN_SPEC,
  idColumn: 'toekenning_id',
  parse(r) {
    const row = parseToekenning(r);
    return (
      row && {
        id: row.toekenning_id,
        row,
        content: contentOf([row.toekenning_id, row.verstrekker, row.bsn, row.wet, row.ingangsdatum, row.einddatum, row.bedrag, row.vervangt]),
      }
    );
  },
  async apply(tx, rows, ctx) {
    const fresh = newRows(rows, await storedAllocations(tx, rows.map((r) => r.id)), ctx, 'toekenning_id');
    const holders = await holdersByBsn(tx, [...new Set(fresh.map((r) => r.row.bsn))]);
    const funders = await knownFunders(tx, [...new Set(fresh.map((r) => r.row.verstrekker))]);
    const lawsOf = (code: string): readonly string[] => (code.startsWith('ZK') ? ['WLZ'] : ['WMO_HH', 'WMO_BG', 'JW']);
    await lockHolders(tx, [...holders.values()].map((h) => h.id));
    const { budgets, versionToBudget } = await budgetsOfVersions(
      tx,
      fresh.flatMap((r) => (r.row.vervangt ? [r.row.vervangt] : [])),
    );
    const touched = new Map<string, BudgetState>();
    const entries: JournalEntry[] = [];
    const inserts: { row: ToekenningRow; holderId: number; budgetId: string; content: string }[] = [];
    for (const r of fresh) {
      const holder = holders.get(r.row.bsn);
      if (!funders.has(r.row.verstrekker)) ctx.problems.push({ file: ctx.file, line: r.line, column: 'verstrekker', message: `verstrekker '${r.row.verstrekker}' is onbekend; importeer eerst verstrekkers.csv` });
      if (!lawsOf(r.row.verstrekker).includes(r.row.wet)) {
        ctx.problems.push({ file: ctx.file, line: r.line, column: 'wet', message: `een ${r.row.verstrekker.startsWith('ZK') ? 'zorgkantoor' : 'gemeente'} kent geen budget toe voor wet ${r.row.wet}` });
      }
      if (!holder) {
        ctx.problems.push({ file: ctx.file, line: r.line, column: 'bsn', message: 'geen budgethouder met dit BSN; importeer eerst budgethouders.csv' });
        continue;
      }
      const step = applyAllocation(r.row, holder.id, budgets, versionToBudget);
      if ('message' in step) {
        ctx.problems.push({ file: ctx.file, line: r.line, column: step.column, message: step.message });
        continue;
      }
      touched.set(step.budget.budgetId, step.budget);
      inserts.push({ row: r.row, holderId: holder.id, budgetId: step.budget.budgetId, content: r.content });
      const account = budgetAccount(step.budget.budgetId);
      const funder = funderAccount(step.budget.verstrekker);
      if (step.kind === 'nieuw' && step.amount > 0) {
        entries.push(booking('toekenning', r.row.toekenning_id, `toekenning ${r.row.wet} ${r.row.ingangsdatum} t/m ${r.row.einddatum}: ${formatEuros(step.amount)}`, funder, account, step.amount));
      } else if (step.kind === 'correctie' && step.difference > 0) {
        entries.push(booking('correctie_toekenning', r.row.toekenning_id, `correctie van ${r.row.vervangt}: +${formatEuros(step.difference)}`, funder, account, step.difference));
      } else if (step.kind === 'correctie' && step.difference < 0) {
        const label = r.row.bedrag === 0 ? `intrekking van ${r.row.vervangt}` : `correctie van ${r.row.vervangt}`;
        entries.push(booking('correctie_toekenning', r.row.toekenning_id, `${label}: ${formatEuros(step.difference)}`, account, funder, -step.difference));
      }
    }
    if (ctx.problems.length > 0) return { created: 0 };
    const ids = await accountIds(tx, [...touched.values()].map((b) => budgetAccount(b.budgetId)));
    // the versions in file order (a correction points at the version before it), then the budgets' current state
    await insertAllocations(tx, inserts, ctx.importId, ctx.now);
    await saveBudgets(tx, [...touched.values()], ids);
    await postEntries(tx, entries, ctx.actor);
    return { created: fresh.length, recheckHolders: [...new Set(inserts.map((i) => i.holderId))] };
  },
};
