/**
 * `pgb vordering nieuw|lijst|toon|kwijtschelden`: recoveries (vorderingen, issue #8). Like the rest
 * of the command line it only parses, opens the database and calls a use case.
 */
import type { Command } from 'commander';
import type { Config } from '../config/index.ts';
import type { Db } from '../db/connection.ts';
import { AppError } from '../kernel/errors.ts';
import { formatMoment } from '../kernel/dates.ts';
import { formatEuros, parseEuros, type Cents } from '../kernel/money.ts';
import { createRecovery, recoveriesWithAge, REDEN_NAMEN, REDENEN, traceRecovery, writeOffRecovery, type RecoveryRow } from '../modules/vorderingen/index.ts';

interface Ctx {
  withDb: <T>(fn: (db: Db, config: Config) => Promise<T>) => Promise<T>;
  io: { out: (line: string) => void; err: (line: string) => void };
}

const debtorText = (r: RecoveryRow): string => (r.debiteur_soort === 'zorgverlener' ? `zorgverlener ${r.zorgverlener_id}` : `budgethouder ${r.budgethouder_id}`);

/** `pgb trace V-…`: a recovery's whole history. False when there is no such recovery. */
export async function printRecoveryTrace(db: Db, id: string, out: (line: string) => void): Promise<boolean> {
  const t = await traceRecovery(db, id);
  if (!t) return false;
  const r = t.row;
  out(`vordering ${r.vordering_id} op ${debtorText(r)}: ${r.status}`);
  out(`  ${REDEN_NAMEN[r.reden]} (${r.reden}), vastgesteld ${r.vastgesteld_op} door ${r.aangemaakt_door}: ${r.toelichting}`);
  out(`  bedrag ${formatEuros(r.bedrag)}, open ${formatEuros(r.openstaand)}${r.kwijtgescholden ? `, kwijtgescholden ${formatEuros(r.kwijtgescholden)} (${r.kwijtschelding_reden})` : ''}; terug naar toekenning ${r.budget_id}`);
  if (r.declaratie_id || r.betaling_id) out(`  betreft${r.declaratie_id ? ` declaratie ${r.declaratie_id}` : ''}${r.betaling_id ? ` betaling ${r.betaling_id}` : ''}`);
  if (t.setOffs.length > 0) {
    out('verrekend:');
    for (const s of t.setOffs) out(`  ${formatEuros(s.bedrag)} met betaling ${s.betaling_id} in ${s.betaalrun_id}${s.actief ? '' : ' [teruggedraaid: betaling teruggeboekt]'}`);
  }
  if (t.repayments.length > 0) {
    out('terugbetaald:');
    for (const p of t.repayments) out(`  ${formatEuros(p.bedrag)} op ${p.boekdatum ?? '-'} (afschrift ${p.afschrift_id}, post ${p.post_ref})`);
  }
  out('boekingen:');
  for (const b of t.bookings) out(`  #${b.journaalpost_id} ${b.soort}: ${b.rekening} ${b.bedrag > 0 ? 'D' : 'C'} ${formatEuros(Math.abs(b.bedrag))}`);
  for (const a of t.audit) out(`audit: ${formatMoment(a.op).replace('T', ' ')} ${a.actie} (${a.actor})${a.reden ? `: ${a.reden}` : ''}`);
  return true;
}

export function addRecoveryCommands(program: Command, { withDb, io }: Ctx): void {
  const vordering = program.command('vordering').description('vorderingen: een onjuiste betaling terugvorderen, verrekenen, terugbetalen of kwijtschelden');

  vordering
    .command('nieuw')
    .description('legt een vordering vast op een zorgverlener of budgethouder (verrekend in de volgende betaalrun of terugbetaald met kenmerk VORDERING V-…)')
    .option('--declaratie <id>', 'de betaalde declaratie waar het om gaat (zorgverlener, betaling en toekenning volgen eruit)')
    .option('--betaling <id>', 'de betaling waar het om gaat')
    .option('--zorgverlener <id>', 'debiteur: deze zorgverlener')
    .option('--budgethouder <bsn>', 'debiteur: deze budgethouder')
    .option('--budget <toekenning_id>', 'de toekenning waar het teruggevorderde naartoe gaat')
    .requiredOption('--reden <code>', REDENEN.join(', '))
    .requiredOption('--bedrag <euro>', "bedrag in euro's met punt")
    .requiredOption('--toelichting <tekst>', 'waarom de betaling onjuist was')
    .option('--bron <kenmerk>', 'eigen kenmerk: hetzelfde kenmerk nogmaals maakt geen tweede vordering')
    .option('--vastgesteld <JJJJ-MM-DD>', 'datum van vaststelling (standaard vandaag)')
    .action(async (o: { declaratie?: string; betaling?: string; zorgverlener?: string; budgethouder?: string; budget?: string; reden: string; bedrag: string; toelichting: string; bron?: string; vastgesteld?: string }) => {
      await withDb(async (db, config) => {
        if (o.zorgverlener && o.budgethouder) throw new AppError('INVOER_ONGELDIG', 'noem --zorgverlener of --budgethouder, niet beide');
        const bedrag = parseEuros(o.bedrag);
        if (bedrag === undefined) throw new AppError('INVOER_ONGELDIG', `--bedrag '${o.bedrag}' is geen bedrag in euro's (bijvoorbeeld 12.50)`);
        let debiteur: { soort: 'zorgverlener' | 'budgethouder'; id: string } | undefined;
        if (o.zorgverlener) debiteur = { soort: 'zorgverlener', id: o.zorgverlener };
        if (o.budgethouder) {
          const h = await db.query<{ id: number }>(`SELECT id FROM budgethouders WHERE bsn = $1`, [o.budgethouder]);
          if (h.rows.length === 0) throw new AppError('NIET_GEVONDEN', `er is geen budgethouder met BSN ${o.budgethouder.slice(0, 2)}…${o.budgethouder.slice(-2)}`);
          debiteur = { soort: 'budgethouder', id: String(h.rows[0]!.id) };
        }
        const r = await createRecovery(
          db,
          { bron: o.bron, debiteur, declaratieId: o.declaratie, betalingId: o.betaling, budgetId: o.budget, reden: o.reden, bedrag: bedrag as Cents, toelichting: o.toelichting, vastgesteldOp: o.vastgesteld },
          { actor: config.actor },
        );
        io.out(`vordering ${r.row.vordering_id} op ${debtorText(r.row)}: ${formatEuros(r.row.bedrag)} (${r.row.reden}), terug naar toekenning ${r.row.budget_id}${r.created ? '' : ' (bestond al met dit kenmerk)'}`);
        io.out(`  wordt verrekend met de volgende betaling${r.row.debiteur_soort === 'zorgverlener' ? '' : ' aan de budgethouder'}, of terugbetaald met kenmerk "VORDERING ${r.row.vordering_id}"`);
      });
    });

  vordering
    .command('lijst')
    .description('alle vorderingen met hun leeftijd in dagen (standaard alleen de open)')
    .option('--status <status>', 'open, voldaan, kwijtgescholden of alle', 'open')
    .option('--zorgverlener <id>', 'alleen van deze zorgverlener')
    .action(async (o: { status: string; zorgverlener?: string }) => {
      await withDb(async (db) => {
        if (!['open', 'voldaan', 'kwijtgescholden', 'alle'].includes(o.status)) throw new AppError('INVOER_ONGELDIG', `--status '${o.status}': kies uit open, voldaan, kwijtgescholden, alle`);
        const rows = await recoveriesWithAge(db, { ...(o.status === 'alle' ? {} : { status: o.status as RecoveryRow['status'] }), ...(o.zorgverlener ? { zorgverlenerId: o.zorgverlener } : {}) });
        if (rows.length === 0) {
          io.out(o.status === 'open' ? 'geen open vorderingen' : 'geen vorderingen');
          return;
        }
        for (const r of rows) {
          io.out(`${r.vordering_id.padEnd(7)} ${r.status.padEnd(15)} ${String(r.leeftijd_dagen).padStart(4)} dagen  ${debtorText(r).padEnd(22)} ${r.reden.padEnd(14)} bedrag ${formatEuros(r.bedrag)}  open ${formatEuros(r.openstaand)}  verrekend ${formatEuros(r.verrekend)}  terugbetaald ${formatEuros(r.terugbetaald)}${r.declaratie_id ? `  declaratie ${r.declaratie_id}` : ''}`);
        }
        const open = rows.reduce((s, r) => s + r.openstaand, 0);
        io.out(`${rows.length} vordering(en), samen open ${formatEuros(open)}`);
      });
    });

  vordering
    .command('toon')
    .description('de hele geschiedenis van een vordering')
    .argument('<vordering_id>')
    .action(async (id: string) => {
      await withDb(async (db) => {
        if (!(await printRecoveryTrace(db, id, io.out))) throw new AppError('NIET_GEVONDEN', `vordering '${id}' bestaat niet`);
      });
    });

  vordering
    .command('kwijtschelden')
    .description('scheldt wat van een vordering openstaat kwijt; het budget krijgt daarvan niets terug')
    .argument('<vordering_id>')
    .requiredOption('--reden <tekst>', 'waarom (voor de audittrail)')
    .action(async (id: string, o: { reden: string }) => {
      await withDb(async (db, config) => {
        const r = await writeOffRecovery(db, { vorderingId: id, reden: o.reden, actor: config.actor });
        io.out(`vordering ${r.vordering_id}: ${formatEuros(r.kwijtgescholden)} kwijtgescholden`);
      });
    });
}
