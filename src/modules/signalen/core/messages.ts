/**
 * The e-mails a new signal sends: a budget signal to the holder and to the funder, a misuse signal
 * to each funder it concerns. A mail names the client number, never a BSN, and points to the
 * portal for the evidence. Pure.
 */
import type { OutgoingMessage } from '../../berichten/index.ts';
import { SIGNAL_NAMES, type Signal } from './rules.ts';

export interface NewSignal extends Signal {
  id: number;
}

export function signalMessages(signals: readonly NewSignal[], to: { holders: ReadonlyMap<number, string>; funders: ReadonlyMap<string, string> }): { messages: OutgoingMessage[]; zonderAdres: number } {
  const messages: OutgoingMessage[] = [];
  let zonderAdres = 0;
  for (const s of signals) {
    if (s.soort === 'budget_uitputting' && s.budgethouder_id !== null) {
      const holder = to.holders.get(s.budgethouder_id);
      if (holder) {
        messages.push({
          sleutel: `signaal:${s.id}:budgethouder:${s.budgethouder_id}`,
          aan: holder,
          onderwerp: 'Uw pgb-budget raakt op',
          tekst: [
            'Beste budgethouder,',
            '',
            s.omschrijving,
            '',
            'Wat u kunt doen: vraag uw gemeente of zorgkantoor om een aanvullende toekenning, maak een eigen storting, of spreek met uw zorgverleners minder zorg af. Declaraties die niet uit het budget betaald kunnen worden, wachten tot er weer geld is.',
            '',
            'U ziet uw budgetten en wat er nog over is in Mijn PGB.',
            '',
            'Dit bericht is automatisch verstuurd door het PGB-platform.',
          ].join('\n'),
        });
      } else zonderAdres++;
    }
    for (const code of s.verstrekkers) {
      const funder = to.funders.get(code);
      if (!funder) {
        zonderAdres++;
        continue;
      }
      messages.push({
        sleutel: `signaal:${s.id}:verstrekker:${code}`,
        aan: funder,
        onderwerp: `Signaal: ${SIGNAL_NAMES[s.soort]} (${s.periode})`,
        tekst: [
          `Signaal ${s.id}: ${SIGNAL_NAMES[s.soort]}`,
          '',
          s.omschrijving,
          '',
          s.soort === 'budget_uitputting'
            ? 'De budgethouder heeft ook een bericht gekregen.'
            : 'Dit is een signaal, geen oordeel: de beoordeling is aan u. Het signaal houdt geen betaling tegen. Het bewijs (declaraties, regels, uren) staat bij het signaal in het portaal.',
          '',
          'Dit bericht is automatisch verstuurd door het PGB-platform.',
        ].join('\n'),
      });
    }
  }
  return { messages, zonderAdres };
}
