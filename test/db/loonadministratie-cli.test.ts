/**
 * `pgb loon …` from the command line: payroll choice, payroll run, payslip and annual statement as
 * tagged PDFs, the payroll summary as CSV and Excel, and `pgb controle` with payroll in it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshTarget, STORE } from '../support/db.ts';
import { pgb } from '../support/cli.ts';
import { AGREEMENT_HEADER, ALLOCATION_HEADER, CLAIM_HEADER, HOLDER, agreement, allocation, claimLine, csv, parties } from '../support/factories.ts';

async function payrollWorld(target: string, dir: string): Promise<void> {
  const file = (name: string, content: string) => {
    writeFileSync(join(dir, name), content);
    return join(dir, name);
  };
  for (const [kind, content] of Object.entries(parties)) assert.equal((await pgb(target, 'import', kind, file(`${kind}.csv`, content))).code, 0);
  assert.equal((await pgb(target, 'import', 'toekenningen', file('t.csv', csv(ALLOCATION_HEADER, [allocation('T-B', HOLDER.b, 'WLZ', '2026-01-01', '2026-12-31', '10000.00', '', 'ZK0001')])))).code, 0);
  assert.equal((await pgb(target, 'import', 'zorgovereenkomsten', file('z.csv', csv(AGREEMENT_HEADER, [
    agreement('Z-U', HOLDER.b, 'ZV2', 'WLZ', { kind: 'arbeidsovereenkomst', from: '2026-01-01', unit: 'uur', rate: '17.28' }),
  ])))).code, 0);
  const afspraak = await pgb(target, 'loon', 'afspraak', '--zorgovereenkomst', 'Z-U', '--dagen', '3', '--loonadministratie', 'ja', '--geboortedatum', '1990-04-10', '--reden', 'keuze budgethouder: netto');
  assert.equal(afspraak.code, 0, afspraak.err);
  // April: 60 hours × 17.28; a later claim adds 10 hours to April (a correction)
  const april = Array.from({ length: 10 }, (_, i) => claimLine('U-APR', HOLDER.b, 'ZV2', `2026-04-${String(i + 1).padStart(2, '0')}`, '6', '17.28', { received: '2026-05-04T09:00:00+02:00' }));
  assert.equal((await pgb(target, 'import', 'declaraties', file('d1.csv', csv(CLAIM_HEADER, april)))).code, 0);
  const run = await pgb(target, 'loon', 'run', '--periode', '2026-04');
  assert.equal(run.code, 0, run.err);
  assert.match(run.out, /lst:Z-U:2026-04:1: bruto 1036\.80, loonheffing 370\.04, netto 666\.76, premies 229\.44/);
  const late = Array.from({ length: 5 }, (_, i) => claimLine('U-APR-2', HOLDER.b, 'ZV2', `2026-04-${String(i + 20)}`, '2', '17.28', { received: '2026-05-20T09:00:00+02:00' }));
  assert.equal((await pgb(target, 'import', 'declaraties', file('d2.csv', csv(CLAIM_HEADER, late)))).code, 0);
  const corr = await pgb(target, 'loon', 'run', '--periode', '2026-05');
  assert.match(corr.out, /lst:Z-U:2026-04:2: bruto 1209\.60, loonheffing 430\.95, netto 778\.65, premies 267\.69 \(correctie: loonheffing 60\.91, premies 38\.25\)/);
}

test(`pgb loon: payslips, annual statement, payroll summary (${STORE})`, async () => {
  const t = await freshTarget();
  const dir = mkdtempSync(join(tmpdir(), 'pgb-loon-'));
  try {
    const refused = await pgb(t.target, 'loon', 'run', '--periode', '2026-13');
    assert.equal(refused.code, 1);
    assert.match(refused.err, /geen maand/);
    await payrollWorld(t.target, dir);

    const list = await pgb(t.target, 'loon', 'strook', '--periode', '2026-04');
    assert.match(list.out, /lst:Z-U:2026-04:2\tbruto 1209\.60/);
    assert.match(list.out, /lst:Z-U:2026-04:1\tbruto 1036\.80/);
    for (const id of ['lst:Z-U:2026-04:1', 'lst:Z-U:2026-04:2']) {
      const out = join(dir, `${id.replaceAll(':', '_')}.pdf`);
      const s = await pgb(t.target, 'loon', 'strook', '--id', id, '--uit', out);
      assert.equal(s.code, 0, s.err);
      const pdf = readFileSync(out).toString('latin1');
      assert.ok(pdf.startsWith('%PDF-1.7'));
      assert.match(pdf, /\/StructTreeRoot/);
      assert.match(pdf, /\/Lang \(nl-NL\)/);
      assert.match(pdf, /\/MarkInfo/);
    }
    const jo = await pgb(t.target, 'loon', 'jaaropgave', '--zorgverlener', 'ZV2', '--bsn', HOLDER.b, '--jaar', '2026', '--uit', join(dir, 'jaaropgave.pdf'));
    assert.equal(jo.code, 0, jo.err);
    // the latest version of April only: fiscal wage 1,209.60, wage tax 430.95
    assert.match(jo.out, /fiscaal loon 1209\.60, loonheffing 430\.95/);

    // Summary of May: no payslip of May itself, the correction of April with its difference.
    const may = await pgb(t.target, 'loon', 'overzicht', '--periode', '2026-05');
    assert.equal(may.code, 0, may.err);
    const lines = may.out.split('\n');
    assert.equal(lines[0], 'clientnummer,zorgovereenkomst,zorgverlener,tijdvak,versie,soort,bruto,loonheffing,premies,zvw,netto,af_te_dragen');
    assert.equal(lines[1], '1000002,Z-U,ZV2,2026-04,2,correctie,172.80,60.91,38.25,,111.89,99.16');
    assert.equal(lines[2], ',Totaal,,2026-05,,totaal,172.80,60.91,38.25,,111.89,99.16');
    // Summary of April: the latest version of the month, whole: 1,209.60 gross, 430.95 + 267.69 = 698.64 payable
    const apr = await pgb(t.target, 'loon', 'overzicht', '--periode', '2026-04');
    assert.match(apr.out, /1000002,Z-U,ZV2,2026-04,2,tijdvak,1209\.60,430\.95,267\.69,73\.79,778\.65,698\.64/);
    const xlsx = await pgb(t.target, 'loon', 'overzicht', '--periode', '2026-04', '--uit', join(dir, 'overzicht.xlsx'));
    assert.equal(xlsx.code, 0, xlsx.err);
    assert.equal(readFileSync(join(dir, 'overzicht.xlsx')).subarray(0, 2).toString(), 'PK');

    const check = await pgb(t.target, 'controle');
    assert.equal(check.code, 0, check.out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await t.cleanup();
  }
});
