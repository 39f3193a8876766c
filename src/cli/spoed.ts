/**
 * `pgb spoed …`: urgent payments (spoedbetalingen, issue #8). Records a request, a second person
 * approves or rejects it, the urgent run pays the approved ones with their own SEPA file, a person
 * resolves the matching queue, and the open advances are listed with their age. Like the rest of
 * the command line it only parses, opens the database and calls a use case.
 */
import type { Command } from 'commander';
import type { Config } from '../config/index.ts';
import type { Db } from '../db/connection.ts';
import { AppError } from '../kernel/errors.ts';
import { formatMoment } from '../kernel/dates.ts';
import { formatEuros } from '../kernel/money.ts';
import { writeFileAtomic } from '../modules/betalingen/index.ts';
import {
  approveUrgentRequest, listRequests, matchingQueue, openAdvanceList, recordUrgentRequest, rejectUrgentRequest, resolveMatch, runUrgentPayments,
  SPOED_KANALEN, SPOED_OORZAKEN, traceUrgent,
} from '../modules/spoed/index.ts';

interface Ctx {
  withDb: <T>(fn: (db: Db, config: Config) => Promise<T>) => Promise<T>;
  io: { out: (line: string) => void; err: (line: string) => void };
}

const moment = (d: Date | null) => (d ? formatMoment(d).replace('T', ' ') : '-');

/** `pgb trace SPOEDAANVRAAG_ID`: the request, its payment, the claim it was matched to, its bookings. */
export async function printUrgentTrace(db: Db, id: string, out: (line: string) => void): Promise<boolean> {
  const t = await traceUrgent(db, id);
  if (!t) return false;
  const r = t.row;
  out(`spoedbetaling ${r.aanvraag_id}: ${r.status}${r.te_vorderen > 0 ? ` (te vorderen ${formatEuros(r.te_vorderen)})` : ''}`);
  out(`  ${formatEuros(r.bedrag)} aan ${r.zorgverlener_id} voor cliënt ${r.clientnummer}, periode ${r.periode_van} t/m ${r.periode_tot}, ten laste van budget ${r.budget_id}`);
  out(`  oorzaak ${r.oorzaak} (${SPOED_OORZAKEN[r.oorzaak as keyof typeof SPOED_OORZAKEN] ?? '?'}), kanaal ${r.kanaal}${r.toelichting ? `: ${r.toelichting}` : ''}`);
  out(`  aangevraagd ${moment(r.aangevraagd_op)} door ${r.aangevraagd_door}; ${r.beoordeeld_door ? `${r.status === 'afgewezen' ? 'afgewezen' : 'goedgekeurd'} ${moment(r.beoordeeld_op)} door ${r.beoordeeld_door}` : 'nog niet beoordeeld'}${r.afwijsreden ? `: ${r.afwijsreden}` : ''}`);
  if (t.payment) out(`betaling: ${t.payment.betaling_id} in spoedrun ${t.payment.betaalrun_id} op ${moment(r.betaald_op)} aan ${t.payment.iban}: ${formatEuros(t.payment.bedrag)} ${t.payment.status}${t.payment.bevestigd_op ? ` (bevestigd ${t.payment.bevestigd_op})` : ''}`);
  if (r.teruggeboekte_betalingen.length > 0) out(`teruggeboekte betalingen: ${r.teruggeboekte_betalingen.join(', ')} (de aanvraag wacht op de volgende spoedrun)`);
  if (t.match) out(`gekoppeld aan declaratie ${t.match.declaratie_id} (${formatEuros(t.match.declaratie_bedrag)}, ${t.match.declaratie_status}): ${formatEuros(t.match.verrekend)} verrekend, ${formatEuros(t.match.te_vorderen)} te vorderen; ${t.match.wijze} door ${t.match.actor} op ${moment(t.match.op)}`);
  else if (r.betaling_id) out('nog niet gekoppeld aan een declaratie');
  if (t.recovery) out(`rest te vorderen: vordering ${t.recovery.vordering_id} van ${formatEuros(t.recovery.bedrag)}, openstaand ${formatEuros(t.recovery.openstaand)} (${t.recovery.status}); pgb trace ${t.recovery.vordering_id}`);
  for (const q of t.queued) out(`koppelwachtrij: declaratie ${q.declaratie_id} ${q.opgelost_op ? `opgelost (${q.keuze})` : 'wacht op een medewerker'}`);
  out('boekingen:');
  for (const b of t.bookings) out(`  #${b.journaalpost_id} ${b.soort}: ${b.rekening} ${b.bedrag > 0 ? 'D' : 'C'} ${formatEuros(Math.abs(b.bedrag))}`);
  for (const a of t.audit) out(`audit: ${moment(a.op)} ${a.actie} (${a.actor})${a.reden ? `: ${a.reden}` : ''}`);
  return true;
}

async function holderByBsn(db: Db, bsn: string): Promise<number> {
  const r = await db.query<{ id: number }>(`SELECT id FROM budgethouders WHERE bsn = $1`, [bsn]);
  if (r.rows.length === 0) throw new AppError('NIET_GEVONDEN', `er is geen budgethouder met BSN ${bsn.slice(0, 2)}…${bsn.slice(-2)}`);
  return r.rows[0]!.id;
}

export function addUrgentCommands(program: Command, { withDb, io }: Ctx): void {
  const spoed = program.command('spoed').description('spoedbetalingen: aanvraag, goedkeuring door een tweede medewerker, spoedrun, koppeling aan latere declaraties');
  spoed.command('aanvraag')
    .description('legt een spoedaanvraag vast (een tweede medewerker keurt haar goed)')
    .requiredOption('--bsn <bsn>', 'de budgethouder')
    .requiredOption('--zorgverlener <id>', 'de zorgverlener die het voorschot krijgt')
    .requiredOption('--toekenning <budget_id>', 'het budget waar het voorschot ten laste van komt')
    .requiredOption('--bedrag <euro>', 'bijvoorbeeld 1250.00')
    .requiredOption('--van <JJJJ-MM-DD>', 'eerste dag van de zorgperiode')
    .requiredOption('--tot <JJJJ-MM-DD>', 'laatste dag van de zorgperiode')
    .requiredOption('--oorzaak <code>', Object.keys(SPOED_OORZAKEN).join(', '))
    .requiredOption('--kanaal <kanaal>', SPOED_KANALEN.join(', '))
    .option('--toelichting <tekst>')
    .option('--id <aanvraag_id>', 'eigen id: dezelfde aanvraag nogmaals verandert niets')
    .action(async (o: { bsn: string; zorgverlener: string; toekenning: string; bedrag: string; van: string; tot: string; oorzaak: string; kanaal: string; toelichting?: string; id?: string }) => {
      await withDb(async (db, config) => {
        const holderId = await holderByBsn(db, o.bsn);
        const r = await recordUrgentRequest(db, { aanvraagId: o.id, holderId, zorgverlenerId: o.zorgverlener, budgetId: o.toekenning, bedrag: o.bedrag, van: o.van, tot: o.tot, oorzaak: o.oorzaak, kanaal: o.kanaal, toelichting: o.toelichting }, { actor: config.actor });
        io.out(`spoedaanvraag ${r.row.aanvraag_id}: ${formatEuros(r.row.bedrag)} aan ${r.row.zorgverlener_id}, ${r.created ? 'vastgelegd; wacht op goedkeuring door een tweede medewerker' : `al vastgelegd (${r.row.status})`}`);
      });
    });
  spoed.command('goedkeuren')
    .description('keurt een spoedaanvraag goed (niet door wie haar vastlegde)')
    .argument('<aanvraag_id>')
    .option('--reden <tekst>')
    .action(async (id: string, o: { reden?: string }) => {
      await withDb(async (db, config) => {
        const r = await approveUrgentRequest(db, { aanvraagId: id, actor: config.actor, reden: o.reden });
        io.out(`spoedaanvraag ${r.aanvraag_id}: goedgekeurd door ${r.beoordeeld_door}; gaat mee in de volgende spoedrun`);
      });
    });
  spoed.command('afwijzen')
    .description('wijst een spoedaanvraag af (niet door wie haar vastlegde)')
    .argument('<aanvraag_id>')
    .requiredOption('--reden <tekst>')
    .action(async (id: string, o: { reden: string }) => {
      await withDb(async (db, config) => {
        const r = await rejectUrgentRequest(db, { aanvraagId: id, actor: config.actor, reden: o.reden });
        io.out(`spoedaanvraag ${r.aanvraag_id}: afgewezen door ${r.beoordeeld_door}: ${r.afwijsreden}`);
      });
    });
  spoed.command('run')
    .description('de spoedrun: betaalt elke goedgekeurde spoedaanvraag, met een eigen SEPA-bestand (pain.001.001.09)')
    .requiredOption('--datum <JJJJ-MM-DD>', 'uitvoeringsdatum (vandaag)')
    .requiredOption('--sepa <bestand>', 'waar het SEPA-bestand komt')
    .action(async (o: { datum: string; sepa: string }) => {
      await withDb(async (db, config) => {
        if (!config.debtorIban) throw new AppError('CONFIGURATIE', 'PGB_DEBITEUR_IBAN ontbreekt: de rekening waarvan betaald wordt moet zijn ingesteld');
        const r = await runUrgentPayments(db, { date: o.datum, actor: config.actor, debtor: { name: config.debtorName, iban: config.debtorIban, ...(config.debtorBic ? { bic: config.debtorBic } : {}) } });
        if (!r.betaalrunId || !r.xml) io.out('niets te betalen: er zijn geen goedgekeurde spoedaanvragen; geen bestand geschreven');
        else {
          writeFileAtomic(o.sepa, r.xml);
          io.out(`spoedrun ${r.betaalrunId}: ${r.payments} overboeking(en), samen ${formatEuros(r.total)} → ${o.sepa}`);
        }
        for (const h of r.held) io.out(`aangehouden: ${h.aanvraag_id}: ${h.reden}`);
      });
    });
  spoed.command('koppel')
    .description('zonder argument: de koppelwachtrij; met een declaratie: koppelt haar aan een van haar spoedbetalingen (--aanvraag) of aan geen (--geen)')
    .argument('[declaratie_id]')
    .option('--aanvraag <aanvraag_id>')
    .option('--geen', 'de declaratie hoort bij geen van de spoedbetalingen: zij gaat mee in de volgende betaalrun')
    .option('--reden <tekst>')
    .action(async (declaratieId: string | undefined, o: { aanvraag?: string; geen?: boolean; reden?: string }) => {
      await withDb(async (db, config) => {
        if (!declaratieId) {
          const q = await matchingQueue(db, { open: true });
          if (q.length === 0) io.out('de koppelwachtrij is leeg');
          for (const x of q) io.out(`${x.declaratie_id}\tkandidaten ${x.aanvragen.join(', ')}\tsinds ${moment(x.op)}`);
          return;
        }
        if (!o.aanvraag === !o.geen) throw new AppError('INVOER_ONGELDIG', 'kies --aanvraag AANVRAAG_ID of --geen');
        const r = await resolveMatch(db, { declaratieId, aanvraagId: o.aanvraag ?? null, actor: config.actor, reden: o.reden });
        io.out(r.gekoppeld ? `declaratie ${declaratieId}: gekoppeld aan spoedbetaling ${o.aanvraag}` : `declaratie ${declaratieId}: aan geen spoedbetaling gekoppeld; gaat mee in de volgende betaalrun`);
      });
    });
  spoed.command('open')
    .description('voorschotten die nog niet (helemaal) met een declaratie zijn verrekend, met hun leeftijd in werkdagen')
    .option('--peildatum <JJJJ-MM-DD>')
    .action(async (o: { peildatum?: string }) => {
      await withDb(async (db) => {
        const rows = await openAdvanceList(db, { peildatum: o.peildatum });
        if (rows.length === 0) io.out('geen open voorschotten');
        for (const a of rows) io.out(`${a.aanvraag_id}\t${a.status}\t${a.zorgverlener_id}\tcliënt ${a.clientnummer}\t${a.periode_van} t/m ${a.periode_tot}\topen ${formatEuros(a.open)} van ${formatEuros(a.bedrag)}\tbetaald ${a.betaald_op}\t${a.werkdagen} werkdag(en)`);
      });
    });
  spoed.command('lijst')
    .description('alle spoedaanvragen (of met één status)')
    .option('--status <status>', 'aangevraagd, goedgekeurd, afgewezen, betaald, verrekend of te_vorderen')
    .action(async (o: { status?: string }) => {
      await withDb(async (db) => {
        const rows = await listRequests(db, { status: o.status });
        if (rows.length === 0) io.out('geen spoedaanvragen');
        for (const r of rows) io.out(`${r.aanvraag_id}\t${r.status}\t${formatEuros(r.bedrag)}\t${r.zorgverlener_id}\tcliënt ${r.clientnummer}\t${r.oorzaak}\taangevraagd ${moment(r.aangevraagd_op)} door ${r.aangevraagd_door}`);
      });
    });
}
