/**
 * How the APPROXIMATE special-rate rows in parameters.ts were made, kept as code so that they can
 * be re-derived for a new year and so that a test can show the stored rows still match.
 *
 * This is NOT the official method: the payroll document says to load the official table
 * ("witte tabel bijzondere beloningen"), not to derive its row limits. Until that table is loaded,
 * the percentage for an annual wage W is the marginal rate of the annual tax at W:
 *
 * - without tax credits: the bracket rate;
 * - with tax credits: 0% while the credits still exceed the tax (below the first W at which the
 *   annual tax with credits is positive), above that the bracket rate + the phase-out rate of the
 *   general credit − the build-up rate (or + the taper rate) of the labour credit + the phase-out
 *   rate of the elderly credit.
 *
 * Row limits are the parameter boundaries (bracket starts, credit build-up and phase-out points).
 * The small jumps where a labour-credit segment reaches its maximum a few euros before the next
 * segment starts are ignored.
 */
import { inDuizendsteProcent, uitDuizendsteProcent } from './breuk.ts';
import { jaarbelasting } from './loonheffing.ts';
import type { BijzonderTariefKolom, BijzonderTariefRij, LoonheffingKolom } from './parameters.ts';

/** The smallest whole annual wage at which the annual tax with credits is positive. */
export function nulpuntMetHeffingskorting(kolom: LoonheffingKolom): number {
  let laag = 0;
  let hoog = 1_000_000;
  if (jaarbelasting(hoog, kolom, true).belasting <= 0) throw new Error('geen nulpunt gevonden');
  // The tax with credits never decreases with the wage (every marginal rate is positive).
  while (laag < hoog) {
    const midden = Math.floor((laag + hoog) / 2);
    if (jaarbelasting(midden, kolom, true).belasting > 0) hoog = midden;
    else laag = midden + 1;
  }
  return laag;
}

/** Marginal rate (in 0.001%) of the annual tax with credits on the interval that starts at x. */
function marginaalMetKorting(kolom: LoonheffingKolom, x: number): number {
  let schijf = kolom.schijven[0]!;
  for (const s of kolom.schijven) if (s.vanaf <= x) schijf = s;
  let tarief = inDuizendsteProcent(schijf.tarief);
  if (kolom.ahk.afbouwVanaf <= x && x < kolom.ahk.nulBoven) tarief += inDuizendsteProcent(kolom.ahk.afbouw);
  const ark = kolom.ark;
  if (x < ark.afbouw.vanaf) {
    let segment = ark.opbouw[0]!;
    for (const s of ark.opbouw) if (s.vanaf <= x) segment = s;
    tarief -= inDuizendsteProcent(segment.tarief);
  } else if (x < ark.afbouw.nulBoven) {
    tarief += inDuizendsteProcent(ark.afbouw.tarief);
  }
  const ouk = kolom.ouderenkorting;
  if (ouk && ouk.afbouwVanaf <= x && x < ouk.nulVanaf) tarief += inDuizendsteProcent(ouk.afbouw);
  return Math.max(0, tarief);
}

function samenvoegen(rijen: { vanaf: number; tarief: number }[]): BijzonderTariefRij[] {
  const uit: BijzonderTariefRij[] = [];
  let vorige: number | undefined;
  for (const r of rijen) {
    if (r.tarief === vorige) continue;
    uit.push({ vanaf: r.vanaf, tarief: uitDuizendsteProcent(r.tarief) });
    vorige = r.tarief;
  }
  return uit;
}

/** The approximate special-rate rows for one column of the tax method. */
export function afgeleideBijzonderTariefKolom(kolom: LoonheffingKolom): BijzonderTariefKolom {
  const zonder = samenvoegen(kolom.schijven.map((s) => ({ vanaf: s.vanaf, tarief: inDuizendsteProcent(s.tarief) })));

  const nulpunt = nulpuntMetHeffingskorting(kolom);
  const grenzen = new Set<number>([0, nulpunt]);
  for (const s of kolom.schijven) grenzen.add(s.vanaf);
  grenzen.add(kolom.ahk.afbouwVanaf);
  grenzen.add(kolom.ahk.nulBoven);
  for (const s of kolom.ark.opbouw) grenzen.add(s.vanaf);
  grenzen.add(kolom.ark.afbouw.vanaf);
  grenzen.add(kolom.ark.afbouw.nulBoven);
  if (kolom.ouderenkorting) {
    grenzen.add(kolom.ouderenkorting.afbouwVanaf);
    grenzen.add(kolom.ouderenkorting.nulVanaf);
  }
  const gesorteerd = [...grenzen].sort((a, b) => a - b);
  const met = samenvoegen(
    gesorteerd.map((g) => ({ vanaf: g, tarief: g < nulpunt ? 0 : marginaalMetKorting(kolom, g) })),
  );
  return { metHeffingskorting: met, zonderHeffingskorting: zonder };
}
