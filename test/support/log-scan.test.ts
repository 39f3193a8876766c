import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findSensitive } from './log-scan.ts';
import { syntheticBsn, syntheticIban } from '../../src/kernel/synthetic.ts';
import { createLogger } from '../../src/server/logger.ts';

const SCAN = fileURLToPath(new URL('./log-scan.ts', import.meta.url));

test('the log scan finds a planted BSN and IBAN, printed or electronic, and nothing masked', () => {
  const bsn = syntheticBsn(501);
  const iban = syntheticIban(9101);
  const text = [
    `{"level":30,"msg":"ok","url":"/api/x?bsn=*****${bsn.slice(-4)}"}`,
    `{"level":50,"msg":"fout voor ${bsn}"}`,
    `iban ${iban.replace(/(.{4})/g, '$1 ').trim()} in gedrukte vorm`,
    `{"iban":"${iban}"}`,
    'duur 1234567890 ms, tijd 1795498186774, bedrag 123456789.00, id imp_01J9ZZ1234567',
    'NL00ABNA0000000000 heeft een fout controlegetal; 123456789 haalt de elfproef niet',
  ].join('\n');
  const found = findSensitive('x.log', text);
  assert.deepEqual(
    found.map((f) => `${f.line}:${f.kind}`),
    ['2:BSN', '3:IBAN', '4:IBAN'],
  );
  assert.ok(found.every((f) => !f.value.includes(bsn) && !f.value.includes(iban)), 'the scan prints values masked');
});

test('run on files: exit 1 and where when a BSN is there, exit 0 on a masked log', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pgb-logscan-'));
  const clean = join(dir, 'schoon.log');
  const dirty = join(dir, 'lek.log');
  const lines: string[] = [];
  // what the server's logger writes for a line that names a BSN and an IBAN: masked, so clean
  createLogger({ destination: { write: (l: string) => void lines.push(l) } }).info({ url: `/api/x?bsn=${syntheticBsn(7)}`, tekst: `naar ${syntheticIban(7)}` }, 'verzoek');
  writeFileSync(clean, lines.join(''));
  writeFileSync(dirty, `${lines.join('')}console.log van een test: ${syntheticBsn(7)}\n`);
  const ok = spawnSync(process.execPath, [SCAN, clean], { encoding: 'utf8' });
  assert.equal(ok.status, 0, ok.stderr);
  const bad = spawnSync(process.execPath, [SCAN, clean, dirty], { encoding: 'utf8' });
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /lek\.log:2: BSN \*{5}\d{4}/);
});
