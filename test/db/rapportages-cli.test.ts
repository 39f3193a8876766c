/**
 * The command line of reports, signals, e-mail, statements and the sample, on the March 2026 world
 * of test/support/report-world.ts (the figures are those of rapportages.test.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshTarget, STORE } from '../support/db.ts';
import { pgb } from '../support/cli.ts';
import { buildReportWorld } from '../support/report-world.ts';
import { HOLDER } from '../support/factories.ts';
import { migrate } from '../../src/db/migrate.ts';

test(`pgb rapport, overzicht, steekproef, signalen, mailadres and mail (${STORE})`, async () => {
  const target = await freshTarget();
  const dir = mkdtempSync(join(tmpdir(), 'pgb-rapport-'));
  try {
    const db = await target.open();
    await migrate(db);
    await buildReportWorld(db);
    await db.close();
    const t = target.target;

    const list = await pgb(t, 'rapport');
    assert.equal(list.code, 0);
    assert.match(list.out, /^werkvoorraad +Werkvoorraad, instroom en uitstroom/m);

    const csv = await pgb(t, 'rapport', 'werkvoorraad', '--van', '2026-03-02', '--tot', '2026-03-29');
    assert.equal(csv.code, 0, csv.err);
    assert.deepEqual(csv.out.split('\n').slice(0, 2), [
      'week,van,tot,voorraad_begin,instroom,uitstroom_betaald,uitstroom_afgekeurd,uitstroom,heropend,voorraad_eind',
      '2026-W10,2026-03-02,2026-03-08,1,5,2,1,3,0,3',
    ]);
    const funder = await pgb(t, 'rapport', 'werkvoorraad', '--van', '2026-03-02', '--tot', '2026-03-08', '--verstrekker', 'GM0001');
    assert.equal(funder.out.split('\n')[1], '2026-W10,2026-03-02,2026-03-08,1,3,1,1,2,0,2');

    const svg = await pgb(t, 'rapport', 'tijdigheid', '--van', '2026-03-02', '--tot', '2026-03-29', '--peildatum', '2026-03-27', '--uit', join(dir, 'tijdigheid.svg'));
    assert.equal(svg.code, 0, svg.err);
    assert.match(readFileSync(join(dir, 'tijdigheid.svg'), 'utf8'), /^<svg role="img"/);
    const xlsx = await pgb(t, 'rapport', 'verstrekkers', '--van', '2026-01-01', '--tot', '2026-12-31', '--uit', join(dir, 'verstrekkers.xlsx'));
    assert.equal(xlsx.code, 0, xlsx.err);
    assert.equal(readFileSync(join(dir, 'verstrekkers.xlsx')).subarray(0, 2).toString(), 'PK');
    assert.equal((await pgb(t, 'rapport', 'verstrekkers', '--formaat', 'xlsx')).code, 1); // binary needs --uit
    assert.equal((await pgb(t, 'rapport', 'bestaat-niet')).code, 1);
    assert.equal((await pgb(t, 'rapport', 'werkvoorraad', '--van', '2026-13-01')).code, 1);

    const pdf = await pgb(t, 'overzicht', '--bsn', HOLDER.b, '--kwartaal', '2026-Q1', '--uit', join(dir, 'b.pdf'));
    assert.equal(pdf.code, 0, pdf.err);
    assert.match(pdf.out, /kwartaaloverzicht 2026-Q1 van cliënt 1000002/);
    assert.equal(readFileSync(join(dir, 'b.pdf')).subarray(0, 8).toString(), '%PDF-1.7');

    const s1 = await pgb(t, 'steekproef', '--aantal', '3', '--zaad', 'audit-2026');
    const s2 = await pgb(t, 'steekproef', '--aantal', '3', '--zaad', 'audit-2026');
    assert.equal(s1.code, 0, s1.err);
    assert.equal(s1.out, s2.out);
    assert.equal(s1.out.split('\n').filter((l) => /^\d,/.test(l)).length, 3);
    const json = await pgb(t, 'steekproef', '--aantal', '5', '--zaad', 'audit-2026', '--uit', join(dir, 'steekproef.json'));
    assert.match(json.out, /steekproef van 5 uit 5 betaalde declaraties/);
    assert.equal(JSON.parse(readFileSync(join(dir, 'steekproef.json'), 'utf8')).trekking.length, 5);

    assert.equal((await pgb(t, 'mailadres', 'verstrekker', 'GM0001', 'signalen@gemeente-proef.example')).code, 0);
    assert.equal((await pgb(t, 'mailadres', 'verstrekker', 'XX9999', 'a@b.nl')).code, 1);
    assert.equal((await pgb(t, 'mailadres', 'budgethouder', HOLDER.a, 'geen-adres')).code, 1);
    const sig = await pgb(t, 'signalen', '--peildatum', '2026-03-27');
    assert.equal(sig.code, 0, sig.err);
    assert.match(sig.out, /signalen op 2026-03-27 \(zorg 2026-01-01 t\/m 2026-03-27\)/);
    const mail = await pgb(t, 'mail');
    assert.equal(mail.code, 0);
    assert.match(mail.out, /^wachtrij: \d+ wachtend/m);
    const send = await pgb(t, 'mail', '--verzend'); // no PGB_SMTP_HOST
    assert.equal(send.code, 1);
    assert.match(send.err, /PGB_SMTP_HOST ontbreekt/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await target.cleanup();
  }
});
