/**
 * Reads a generated country into a database, step by step in the order of its manifest, through
 * the same use cases as `pgb import`, `pgb bank`, `pgb maandloon` and `pgb betaalrun`, on a
 * simulated clock: each month's steps run on the morning of that month's payment run, so that a
 * past or future year can be played whatever today is.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../db/connection.ts';
import { runImport } from '../import/run-import.ts';
import { readBankStatement } from '../bank/index.ts';
import { runMonthlyPay } from '../maandloon/index.ts';
import { runPayments, writeFileAtomic } from '../betalingen/index.ts';
import type { Step } from './core/files.ts';
import { IMPORTS } from '../../app/imports.ts';


export interface StepOptions {
  dir: string;
  actor: string;
  debtor: { name: string; iban: string };
  /** The simulated clock of the step; default the morning of the step's payment run (see stepClock). */
  now?: Date;
  /** Where the payment run's SEPA file goes; default beside the other files. */
  sepaDir?: string;
}

/** The simulated moment of a step: 07:00 UTC on the day of its month's payment run (or of the first month). */
export function stepClock(steps: Step[], step: Step): Date {
  const month = Math.max(1, step.month);
  const run = steps.find((s) => s.kind === 'betaalrun' && s.month === month);
  const day = run ? run.args[run.args.indexOf('--datum') + 1]! : '2000-01-01';
  return new Date(`${day}T07:00:00Z`);
}

/** Runs one step; returns a line saying what it did. */
export async function runStep(db: Db, step: Step, opts: StepOptions): Promise<{ summary: string; counts?: Record<string, number> }> {
  const now = opts.now ?? new Date();
  const file = (name: string) => join(opts.dir, name);
  if (step.kind === 'import') {
    const [, kind, name] = step.args as [string, string, string];
    const s = await runImport(db, IMPORTS[kind]!, { path: file(name), content: readFileSync(file(name)), actor: opts.actor, now });
    return { summary: `${s.file}: ${s.rows} rijen, ${s.created} nieuw`, ...(s.claims ? { counts: s.claims } : {}) };
  }
  if (step.kind === 'bank') {
    const name = step.args[1]!;
    const r = await readBankStatement(db, { path: file(name), content: readFileSync(file(name)), actor: opts.actor, now });
    return { summary: `${name}: ${r.statements.map((s) => `${s.lines} posten`).join(', ')}`, counts: r.recheckedClaims };
  }
  if (step.kind === 'maandloon') {
    const r = await runMonthlyPay(db, { month: step.args[2]!, actor: opts.actor, now });
    return { summary: `maandloon ${r.month}: ${r.created} nieuw`, counts: r.outcomes };
  }
  const date = step.args[step.args.indexOf('--datum') + 1]!;
  const sepa = step.args[step.args.indexOf('--sepa') + 1]!;
  const r = await runPayments(db, { date, actor: opts.actor, debtor: opts.debtor, now });
  if (r.sepa) writeFileAtomic(join(opts.sepaDir ?? opts.dir, sepa), r.sepa);
  return { summary: `betaalrun ${date}: ${r.payments} overboekingen, ${r.claims} declaraties` };
}
