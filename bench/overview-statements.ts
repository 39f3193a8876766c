/**
 * The budget overview's reads as two statements (listBudgets, ownDeposits) against one
 * (listBudgetsWithDeposits), on one connection, interleaved in 5 rounds of 2,000 overviews of the
 * signed-in holders of a loaded bench country: first checks that both give the same answer, then
 * prints wall time and the CPU of Node and of the PostgreSQL backend per overview.
 *
 *   node bench/overview-statements.ts <postgres url of a database bench/api.ts loaded>
 */
import { openDb } from '../src/db/connection.ts';
import { listBudgets, ownDeposits, listBudgetsWithDeposits } from '../src/modules/budgetten/queries.ts';
const db = await openDb({ target: process.argv[2]!, poolSize: 1 });
const { readFileSync } = await import('node:fs');
const backend = (await db.query<{ p: number }>('SELECT pg_backend_pid() AS p')).rows[0]!.p;
const pgCpu = () => { const f = readFileSync(`/proc/${backend}/stat`, 'utf8').split(') ')[1]!.split(' '); return (Number(f[11]) + Number(f[12])) * 10; };
const ids = (await db.query<{ budgethouder_id: number }>(`SELECT budgethouder_id FROM gebruiker_budgethouders LIMIT 200`)).rows.map((r) => Number(r.budgethouder_id));
const scope = (i: number) => ({ kind: 'budgethouders' as const, ids: [ids[i % ids.length]!] });
const f = { budgethouderId: null, wet: null, peildatum: null, limit: 200, offset: 0 };
// same answers
for (let i = 0; i < ids.length; i++) {
  const a = { budgets: await listBudgets(db, scope(i), f), deposits: await ownDeposits(db, scope(i).ids, null) };
  const b = await listBudgetsWithDeposits(db, scope(i), f, scope(i).ids);
  if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`differs for ${ids[i]}: ${JSON.stringify(a)} ${JSON.stringify(b)}`);
}
console.log(`same answer for ${ids.length} holders`);
const tot = { two: 0, one: 0, twoPg: 0, onePg: 0, twoWall: 0, oneWall: 0 };
for (let round = 0; round < 5; round++) {
  let t = performance.now(); let c = process.cpuUsage(); let g = pgCpu();
  for (let i = 0; i < 2000; i++) { await listBudgets(db, scope(i), f); await ownDeposits(db, scope(i).ids, null); }
  const two = performance.now() - t; const twoCpu = process.cpuUsage(c); const twoPg = pgCpu() - g;
  t = performance.now(); c = process.cpuUsage(); g = pgCpu();
  for (let i = 0; i < 2000; i++) await listBudgetsWithDeposits(db, scope(i), f, scope(i).ids);
  const one = performance.now() - t; const oneCpu = process.cpuUsage(c); const onePg = pgCpu() - g;
  tot.two += (twoCpu.user + twoCpu.system) / 1000; tot.one += (oneCpu.user + oneCpu.system) / 1000; tot.twoPg += twoPg; tot.onePg += onePg; tot.twoWall += two; tot.oneWall += one;
  console.log(`2000 overviews, one connection in turn: two statements ${two.toFixed(0)} ms (Node CPU ${((twoCpu.user + twoCpu.system) / 1000).toFixed(0)} ms), one statement ${one.toFixed(0)} ms (Node CPU ${((oneCpu.user + oneCpu.system) / 1000).toFixed(0)} ms)`);
}
console.log(`per overview over 10,000: two statements wall ${(tot.twoWall / 10000).toFixed(3)} ms, Node CPU ${(tot.two / 10000).toFixed(3)} ms, PostgreSQL CPU ${(tot.twoPg / 10000).toFixed(3)} ms; one statement wall ${(tot.oneWall / 10000).toFixed(3)} ms, Node CPU ${(tot.one / 10000).toFixed(3)} ms, PostgreSQL CPU ${(tot.onePg / 10000).toFixed(3)} ms`);
await db.close();
