/**
 * One measured step of `npm run bench`, in a process of its own so that its peak memory (maxRSS,
 * which for PGlite includes the database itself) is its own. Prints one line
 * `BENCH {"ms":…,"maxRssMb":…,"summary":…}` at the end.
 *
 *   node bench/child.ts cli <pgb arguments…>            the real command line, as `npx pgb`
 *   node bench/child.ts step <target> <dir> <index>     step <index> of <dir>/manifest.json on its simulated clock
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../src/cli/main.ts';
import { openDb } from '../src/db/connection.ts';
import { migrate } from '../src/db/migrate.ts';
import { runStep, stepClock } from '../src/modules/synthetisch/run-steps.ts';
import type { Step } from '../src/modules/synthetisch/index.ts';

const DEBTOR = { name: 'PGB Trekkingsrecht Betaalbureau', iban: 'NL91ABNA0417164300' };
const [mode, ...rest] = process.argv.slice(2);
let summary = '';
const t0 = performance.now();
if (mode === 'cli') {
  const out: string[] = [];
  const code = await main(rest, { out: (l) => out.push(l), err: (l) => out.push(l) }, { ...process.env, PGB_DEBITEUR_IBAN: DEBTOR.iban, PGB_ACTOR: 'bench' });
  summary = out.join(' | ');
  if (code !== 0) {
    process.stderr.write(`${summary}\n`);
    process.exit(code);
  }
} else if (mode === 'step') {
  const [target, dir, index] = rest as [string, string, string];
  const steps = (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { stappen: Step[] }).stappen;
  const step = steps[Number(index)]!;
  const db = await openDb({ target });
  try {
    await migrate(db);
    const r = await runStep(db, step, { dir, actor: 'bench', debtor: DEBTOR, now: stepClock(steps, step), sepaDir: process.env.BENCH_SEPA_DIR ?? dir });
    summary = r.summary + (r.counts ? ` (${Object.entries(r.counts).map(([k, v]) => `${v} ${k}`).join(', ')})` : '');
  } finally {
    await db.close();
  }
} else {
  process.stderr.write('gebruik: child.ts cli … | step <doel> <map> <stap>\n');
  process.exit(2);
}
const ms = performance.now() - t0;
const maxRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`BENCH ${JSON.stringify({ ms, maxRssMb, summary })}\n`);
