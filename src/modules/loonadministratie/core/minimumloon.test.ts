import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Cents } from '../../../kernel/money.ts';
import type { PlainDate } from '../../../kernel/dates.ts';
import { MinimumloonFout, controleerMinimumloon, leeftijdOp, minimumUurloon } from './minimumloon.ts';

const d = (s: string) => s as PlainDate;
const c = (n: number) => n as Cents;

test('age in whole years, with 29 February taken as 28 February in a common year', () => {
  assert.equal(leeftijdOp(d('2006-08-15'), d('2026-08-14')), 19);
  assert.equal(leeftijdOp(d('2006-08-15'), d('2026-08-15')), 20);
  assert.equal(leeftijdOp(d('2008-02-29'), d('2026-02-27')), 17);
  assert.equal(leeftijdOp(d('2008-02-29'), d('2026-02-28')), 18);
  assert.equal(leeftijdOp(d('2008-02-29'), d('2028-02-28')), 19);
  assert.equal(leeftijdOp(d('2008-02-29'), d('2028-02-29')), 20);
  assert.throws(() => leeftijdOp(d('2026-01-02'), d('2026-01-01')), MinimumloonFout);
});

test('minimum hourly wage by age and date (January and July amounts)', () => {
  assert.equal(minimumUurloon(d('2026-03-01'), 19), 883);
  assert.equal(minimumUurloon(d('2026-03-01'), 21), 1471);
  assert.equal(minimumUurloon(d('2026-03-01'), 45), 1471);
  assert.equal(minimumUurloon(d('2026-03-01'), 15), 441);
  assert.equal(minimumUurloon(d('2026-07-01'), 21), 1499);
  assert.equal(minimumUurloon(d('2025-06-30'), 21), 1406);
  assert.equal(minimumUurloon(d('2025-07-01'), 21), 1440);
  assert.throws(() => minimumUurloon(d('2026-03-01'), 14), MinimumloonFout);
});

test('the agreed wage incl. holiday pay is compared excluding holiday pay (agreed / 1.08)', () => {
  // 19 years in 2026-05: minimum 8.83 an hour excl. holiday pay → 8.83 × 1.08 = 9.5364 incl.
  // 9.54 / 1.08 = 8.8333 ≥ 8.83: accepted (exact check: 954 × 100 = 95,400 ≥ 883 × 108 = 95,364)
  const ok = controleerMinimumloon({ uurloonInclVakantiegeld: c(954), geboortedatum: d('2006-08-15'), datum: d('2026-05-31') });
  assert.equal(ok.ok, true);
  assert.equal(ok.leeftijd, 19);
  assert.equal(ok.minimumInclVakantiegeld, 954);
  // 9.53 / 1.08 = 8.824 < 8.83: rejected, even though 9.53 itself is above 8.83
  const nee = controleerMinimumloon({ uurloonInclVakantiegeld: c(953), geboortedatum: d('2006-08-15'), datum: d('2026-05-31') });
  assert.equal(nee.ok, false);
  if (!nee.ok) {
    assert.equal(
      nee.melding,
      'Het afgesproken uurloon van € 9,53 (inclusief 8% vakantiegeld) ligt onder het wettelijk minimumloon: voor een ' +
        'zorgverlener van 19 jaar is het minimum op 2026-05-31 € 8,83 per uur exclusief vakantiegeld, dus ten minste ' +
        '€ 9,54 per uur inclusief vakantiegeld.',
    );
  }
});

test('minimum-wage rejection for an adult: € 15.00 incl. holiday pay in 2026', () => {
  // 15.00 / 1.08 = 13.89 < 14.71; at least 14.71 × 1.08 = 15.8868 → 15.89 incl. holiday pay
  const r = controleerMinimumloon({ uurloonInclVakantiegeld: c(1500), geboortedatum: d('1980-01-01'), datum: d('2026-02-28') });
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.match(r.melding, /21 jaar of ouder/);
    assert.match(r.melding, /€ 14,71 per uur exclusief vakantiegeld/);
    assert.match(r.melding, /ten minste € 15,89 per uur inclusief vakantiegeld/);
  }
  // January 2025: 14.06 × 1.08 = 15.1848, so 15.19 incl. holiday pay is the lowest that passes
  assert.equal(controleerMinimumloon({ uurloonInclVakantiegeld: c(1519), geboortedatum: d('1980-01-01'), datum: d('2025-02-28') }).ok, true);
  assert.equal(controleerMinimumloon({ uurloonInclVakantiegeld: c(1518), geboortedatum: d('1980-01-01'), datum: d('2025-02-28') }).ok, false);
});

test('a birthday changes the minimum; under 15 is referred to a person', () => {
  // turns 20 on 2026-05-20: on 2026-05-31 the 20-year minimum 11.77 applies (× 1.08 = 12.7116 → 12.72)
  const r = controleerMinimumloon({ uurloonInclVakantiegeld: c(1271), geboortedatum: d('2006-05-20'), datum: d('2026-05-31') });
  assert.equal(r.ok, false);
  assert.equal(controleerMinimumloon({ uurloonInclVakantiegeld: c(1272), geboortedatum: d('2006-05-20'), datum: d('2026-05-31') }).ok, true);
  const jong = controleerMinimumloon({ uurloonInclVakantiegeld: c(2000), geboortedatum: d('2012-01-01'), datum: d('2026-05-31') });
  assert.equal(jong.ok, false);
  if (!jong.ok) assert.match(jong.melding, /jonger dan 15 jaar/);
});
