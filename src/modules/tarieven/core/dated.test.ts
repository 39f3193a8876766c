import { test } from 'node:test';
import assert from 'node:assert/strict';
import { date } from '../../../kernel/dates.ts';
import { cents } from '../../../kernel/money.ts';
import { applicable, categoryOf, overlapping, type OwnAmountRule } from './dated.ts';

test('the category of a rate: day part; per hour formal only for a KvK-registered organisation or self-employed who is not family', () => {
  assert.equal(categoryOf('opdracht', 'dagdeel', 'particulier'), 'dagdeel');
  assert.equal(categoryOf('opdracht', 'uur', 'zzp'), 'formeel_uur');
  assert.equal(categoryOf('instelling', 'uur', 'instelling'), 'formeel_uur');
  assert.equal(categoryOf('familie', 'uur', 'zzp'), 'informeel_uur');
  assert.equal(categoryOf('arbeidsovereenkomst', 'uur', 'particulier'), 'informeel_uur');
  assert.equal(categoryOf('opdracht', 'etmaal', 'zzp'), null);
  assert.equal(categoryOf('arbeidsovereenkomst', 'maand', 'particulier'), null);
});

const rule = (over: Partial<OwnAmountRule>): OwnAmountRule => ({
  verstrekker: null, wet: 'WMO_HH', soort: 'verantwoordingsvrij', geldigVan: date('2025-01-01'), geldigTot: null, percentage: 150, minimum: cents(0), maximum: cents(50000), bron: 'x', ...over,
});

test("the funder's own row goes before the law's; within a level the latest start; only rows covering the date", () => {
  const rows = [rule({}), rule({ geldigVan: date('2026-01-01'), maximum: cents(60000) }), rule({ verstrekker: 'GM0001', geldigVan: date('2025-06-01'), geldigTot: date('2025-12-31'), maximum: cents(70000) })];
  rows[0]!.geldigTot = date('2025-12-31');
  assert.equal(applicable(rows, { verstrekker: 'GM0001', wet: 'WMO_HH', datum: date('2025-07-01') })?.maximum, 70000);
  assert.equal(applicable(rows, { verstrekker: 'GM0001', wet: 'WMO_HH', datum: date('2025-03-01') })?.maximum, 50000);
  assert.equal(applicable(rows, { verstrekker: 'GM0002', wet: 'WMO_HH', datum: date('2025-07-01') })?.maximum, 50000);
  assert.equal(applicable(rows, { verstrekker: 'GM0001', wet: 'WMO_HH', datum: date('2026-07-01') })?.maximum, 60000);
  assert.equal(applicable(rows, { verstrekker: 'GM0001', wet: 'JW', datum: date('2026-07-01') }), undefined);
  assert.equal(applicable(rows, { verstrekker: null, wet: 'WMO_HH', datum: date('2024-12-31') }), undefined);
});

test('overlap: same funder, law and kind with touching periods; an open end overlaps everything later', () => {
  const same = (a: OwnAmountRule, b: OwnAmountRule) => a.soort === b.soort;
  const rows = [rule({ geldigTot: date('2025-12-31') })];
  assert.ok(overlapping(rows, rule({ geldigVan: date('2025-12-31') }), same));
  assert.equal(overlapping(rows, rule({ geldigVan: date('2026-01-01') }), same), undefined);
  assert.equal(overlapping(rows, rule({ verstrekker: 'GM0001' }), same), undefined);
  assert.equal(overlapping(rows, rule({ soort: 'reiskosten' }), same), undefined);
  assert.ok(overlapping([rule({})], rule({ geldigVan: date('2030-01-01') }), same));
});
