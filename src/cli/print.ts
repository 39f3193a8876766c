/** Readable output of a claim's trace for the terminal. */
import { formatEuros } from '../kernel/money.ts';
import { formatMoment } from '../kernel/dates.ts';
import type { ClaimTrace } from '../modules/declaraties/index.ts';

const time = (d: Date) => formatMoment(d).replace('T', ' ');

export function printTrace(t: ClaimTrace, out: (line: string) => void): void {
  const c = t.claim;
  out(`declaratie ${c.declaratie_id} (${c.soort}): ${c.status}${c.reden ? ` ${c.reden}` : ''}`);
  out(`  bedrag ${formatEuros(c.bedrag)}, ontvangen ${time(c.ontvangen_op)} via ${c.kanaal}, uiterste betaaldatum ${c.uiterste_betaaldatum}`);
  out(`  zorgverlener ${c.zorgverlener_id}, zorgovereenkomst ${c.zorgovereenkomst_id ?? '-'}, clientnummer ${c.clientnummer ?? '-'}`);
  if (c.betaling_id) out(`  betaling ${c.betaling_id}, betaald op ${c.betaald_op}`);
  out('regels:');
  for (const l of t.lines) out(`  ${l.regelnr}. ${l.datum} ${l.eenheden} × ${formatEuros(l.tarief)} = ${formatEuros(l.bedrag)}${l.omschrijving ? `  ${l.omschrijving}` : ''}`);
  out('verloop:');
  for (const e of t.events) {
    out(`  ${time(e.op)}  ${e.gebeurtenis}${e.reden ? ` ${e.reden}` : ''}  (${e.actor})`);
    if (e.toelichting) out(`      ${e.toelichting}`);
  }
  if (t.charges.length > 0) {
    out('ten laste van:');
    for (const ch of t.charges) out(`  regel ${ch.regelnr}: ${ch.bron === 'budget' ? `toekenning ${ch.budget_id}` : 'eigen storting'} ${formatEuros(ch.bedrag)}`);
  }
  if (t.payments.length > 0) {
    out('betalingen:');
    for (const p of t.payments) {
      out(`  ${p.betaling_id} in ${p.betaalrun_id}: ${formatEuros(p.bedrag)}${p.verrekend ? ` overgemaakt, ${formatEuros(p.verrekend)} verrekend` : ''} ${p.status}${p.bevestigd_op ? ` (bevestigd ${p.bevestigd_op})` : ''}${p.teruggeboekt_op ? ` (teruggeboekt ${p.teruggeboekt_op}: ${p.terugboekreden})` : ''}${p.actief ? '' : ' [vervallen]'}`);
    }
  }
  if (t.setOffs.length > 0) {
    out('verrekend in de betaling:');
    for (const s of t.setOffs) out(`  vordering ${s.vordering_id} ${formatEuros(s.bedrag)} in ${s.betaling_id}${s.actief ? '' : ' [teruggedraaid: betaling teruggeboekt]'}`);
  }
  if (t.recoveries.length > 0) {
    out('vorderingen:');
    for (const r of t.recoveries) out(`  ${r.vordering_id} ${r.reden} vastgesteld ${r.vastgesteld_op}: ${formatEuros(r.bedrag)}, open ${formatEuros(r.openstaand)}, ${r.status}  (${r.toelichting})`);
  }
  if (t.bookings.length > 0) {
    out('boekingen:');
    for (const b of t.bookings) out(`  #${b.journaalpost_id} ${b.soort}: ${b.rekening} ${b.bedrag > 0 ? 'D' : 'C'} ${formatEuros(Math.abs(b.bedrag))}`);
  }
}
