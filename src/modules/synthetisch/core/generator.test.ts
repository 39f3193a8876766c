import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { Rng } from './prng.ts';
import { buildCountry, SHARES, NATIONAL, LAW_WEIGHTS } from './country.ts';
import { ClaimStream, dutchMoment } from './claims.ts';
import { generateFiles } from '../generate.ts';
import { isValidBsn } from '../../../kernel/identifiers.ts';

test('the generator is a pure function of its seed', () => {
  const a = new Rng('x');
  const b = new Rng('x');
  const c = new Rng('y');
  const sa = Array.from({ length: 5 }, () => a.next32());
  assert.deepEqual(sa, Array.from({ length: 5 }, () => b.next32()));
  assert.notDeepEqual(sa, Array.from({ length: 5 }, () => c.next32()));
  assert.deepEqual(new Rng('s').sample(10, 10), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
});

test('summer time decides the offset of a Dutch moment', () => {
  assert.equal(dutchMoment('2026-03-28' as never, 9, 0, 0).text, '2026-03-28T09:00:00+01:00');
  assert.equal(dutchMoment('2026-03-29' as never, 9, 0, 0).text, '2026-03-29T09:00:00+02:00');
  assert.equal(dutchMoment('2026-10-24' as never, 9, 0, 0).text, '2026-10-24T09:00:00+02:00');
  assert.equal(dutchMoment('2026-10-25' as never, 9, 0, 0).text, '2026-10-25T09:00:00+01:00');
  assert.equal(new Date(dutchMoment('2026-07-01' as never, 9, 30, 0).at).toISOString(), '2026-07-01T07:30:00.000Z');
});

function digest(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));
}

test('the same seed writes identical files, another seed other files', async () => {
  const dirs = [0, 1, 2].map(() => mkdtempSync(join(tmpdir(), 'pgb-gen-')));
  try {
    for (const [i, dir] of dirs.entries()) await generateFiles({ holders: 300, seed: i === 2 ? 'ander' : 'vast', year: 2026, months: 3, dir, expectations: true });
    const [a, b, c] = dirs.map(digest);
    assert.deepEqual(a, b);
    assert.ok(Object.keys(a!).includes('declaraties-2026-03.csv'));
    assert.notEqual(a!['declaraties-2026-01.csv'], c!['declaraties-2026-01.csv']);
  } finally {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
});

test('the country has the national proportions and the defects of 2015 in their shares', () => {
  const country = buildCountry({ holders: 6000, seed: 'aandelen', year: 2026, months: 12 });
  const { holders, agreements } = country;
  // agreements per holder 250,000 / 160,000; a third with monthly pay
  const perHolder = agreements.length / holders.length;
  assert.ok(Math.abs(perHolder - NATIONAL.agreements / NATIONAL.holders) < 0.1, `zorgovereenkomsten per budgethouder ${perHolder}`);
  const monthly = agreements.filter((a) => a.maandbedrag !== null).length / agreements.length;
  assert.ok(monthly > 0.27 && monthly < 0.36, `maandloners ${monthly}`);
  // holders per law as the claims per law of seed 001 §1.2.2
  const total = Object.values(LAW_WEIGHTS).reduce((s, x) => s + x, 0);
  for (const [wet, w] of Object.entries(LAW_WEIGHTS)) {
    const share = holders.filter((h) => h.laws[0] === wet).length / holders.length;
    assert.ok(Math.abs(share - w / total) < 0.03, `${wet}: ${share} tegen ${w / total}`);
  }
  assert.ok(holders.every((h) => isValidBsn(h.bsn)));
  assert.equal(new Set(holders.map((h) => h.bsn)).size, holders.length);

  const stream = new ClaimStream(country);
  const counts: Record<string, number> = {};
  let claims = 0;
  let lines = 0;
  const ids = new Set<string>();
  for (let m = 1; m <= 12; m++) {
    const { claims: month, stats } = stream.month(m);
    claims += stats.claims;
    lines += stats.lines;
    for (const c of month) {
      assert.ok(!ids.has(c.id), `id ${c.id} twee keer`);
      ids.add(c.id);
      counts[c.expected] = (counts[c.expected] ?? 0) + 1;
    }
    for (let i = 1; i < month.length; i++) assert.ok(month[i - 1]!.at <= month[i]!.at, 'in volgorde van ontvangst');
  }
  assert.equal(claims, Math.round((6000 * NATIONAL.claimsPerYear) / NATIONAL.holders));
  assert.ok(lines / claims > 2 && lines / claims < 4.5, `regels per declaratie ${lines / claims}`);
  const targets: Record<string, number> = { ...SHARES.expected, ...SHARES.claim };
  for (const [code, target] of Object.entries(targets)) {
    // care dated before an agreement's start is INDIENTERMIJN_VERSTREKEN when its year's claim deadline passed (issue #8)
    const share = ((counts[code] ?? 0) + (code === 'BUITEN_LOOPTIJD' ? (counts.INDIENTERMIJN_VERSTREKEN ?? 0) : 0)) / claims;
    assert.ok(share > target * 0.5 && share < target * 1.6, `${code}: ${(share * 100).toFixed(2)}% tegen ${(target * 100).toFixed(2)}%`);
  }
  assert.ok((counts.goedgekeurd ?? 0) / claims > 0.95);
});
