/**
 * The command line of the payroll (issue #9): `pgb loon afspraak`, `pgb loon run`, `pgb loon strook`,
 * `pgb loon jaaropgave`, `pgb loon overzicht`. It only parses, opens the database and calls a use case.
 */
import { Command } from 'commander';
import { renameSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Config } from '../config/index.ts';
import type { Db } from '../db/connection.ts';
import { AppError } from '../kernel/errors.ts';
import { formatEuros } from '../kernel/money.ts';
import { isValidBsn } from '../kernel/identifiers.ts';
import { renderReport, type Format } from '../modules/rapportages/index.ts';
import { jaaropgave, jaaropgavePdf, listLoonstroken, loonoverzicht, loonstrookDocument, loonstrookPdf, recordPayrollChoice, runPayroll } from '../modules/loonadministratie/index.ts';

interface Ctx {
  withDb: <T>(fn: (db: Db, config: Config) => Promise<T>) => Promise<T>;
  io: { out: (line: string) => void; err: (line: string) => void };
}

function writeAtomic(path: string, data: string | Buffer): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

function yesNo(value: string | undefined, name: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === 'ja') return true;
  if (value === 'nee') return false;
  throw new AppError('INVOER_ONGELDIG', `--${name} '${value}': kies ja of nee`);
}

async function holderId(db: Db, bsn: string): Promise<number> {
  if (!isValidBsn(bsn)) throw new AppError('INVOER_ONGELDIG', `'${bsn}' is geen geldig BSN`);
  const r = await db.query<{ id: number }>(`SELECT id FROM budgethouders WHERE bsn = $1`, [bsn]);
  if (!r.rows[0]) throw new AppError('NIET_GEVONDEN', 'geen budgethouder met dit BSN');
  return r.rows[0].id;
}

export function addPayrollCommands(program: Command, { withDb, io }: Ctx): void {
  const loon = program.command('loon').description('loonadministratie voor zorgverleners in loondienst: afspraken, loonrun, loonstroken, jaaropgaven, loonoverzicht');

  loon
    .command('afspraak')
    .description('legt op een zorgovereenkomst vast of het loon via de loonadministratie loopt (verplicht bij een arbeidsovereenkomst van 4 of meer dagen per week)')
    .requiredOption('--zorgovereenkomst <id>', 'de zorgovereenkomst')
    .requiredOption('--dagen <n>', 'dagen per week (1–7)')
    .requiredOption('--loonadministratie <ja|nee>', 'ja: netto uitbetalen via de loonadministratie; nee: bruto')
    .option('--heffingskorting <ja|nee>', 'de zorgverlener kiest de loonheffingskorting bij deze werkgever', 'nee')
    .option('--vast <ja|nee>', 'schriftelijk contract voor onbepaalde tijd, geen oproepcontract (lage WW-premie)', 'nee')
    .option('--geboortedatum <JJJJ-MM-DD>', 'de geboortedatum van de zorgverlener')
    .requiredOption('--reden <tekst>', 'waarom (voor de audittrail)')
    .action(async (o: { zorgovereenkomst: string; dagen: string; loonadministratie: string; heffingskorting: string; vast: string; geboortedatum?: string; reden: string }) => {
      const dagen = Number(o.dagen);
      await withDb(async (db, config) => {
        const r = await recordPayrollChoice(
          db,
          {
            zorgovereenkomstId: o.zorgovereenkomst,
            dagenPerWeek: dagen,
            loonadministratie: yesNo(o.loonadministratie, 'loonadministratie')!,
            heffingskorting: yesNo(o.heffingskorting, 'heffingskorting')!,
            vastContract: yesNo(o.vast, 'vast')!,
            ...(o.geboortedatum ? { geboortedatum: o.geboortedatum } : {}),
            reden: o.reden,
          },
          { actor: config.actor },
        );
        io.out(`loonafspraak ${o.zorgovereenkomst} vastgelegd (versie ${r.versie})`);
      });
    });

  loon
    .command('run')
    .description('maakt de loonstroken van een maand (en correcties van eerdere maanden) voor goedgekeurde declaraties van zorgverleners in loondienst')
    .requiredOption('--periode <JJJJ-MM>', 'de maand')
    .option('--herbereken <JJJJ-MM>', 'bereken ook alle eerdere maanden vanaf deze maand opnieuw (bijv. na een wijziging met terugwerkende kracht)')
    .option('--zorgovereenkomst <id...>', 'alleen deze zorgovereenkomst(en)')
    .action(async (o: { periode: string; herbereken?: string; zorgovereenkomst?: string[] }) => {
      await withDb(async (db, config) => {
        const r = await runPayroll(db, { periode: o.periode, ...(o.herbereken ? { herberekenVanaf: o.herbereken } : {}), ...(o.zorgovereenkomst ? { zorgovereenkomsten: o.zorgovereenkomst } : {}), actor: config.actor });
        if (r.loonrunId === null) io.out('geen nieuwe loonstroken');
        else {
          io.out(`loonrun ${r.loonrunId}: ${r.loonstroken.length} loonstrook/loonstroken, ingehouden loonheffing ${formatEuros(r.ingehouden)}, werkgeverspremies ${formatEuros(r.premies)}`);
          for (const s of r.loonstroken) {
            io.out(`  ${s.loonstrook_id}: bruto ${formatEuros(s.brutoloon)}, loonheffing ${formatEuros(s.loonheffing)}, netto ${formatEuros(s.nettoloon)}, premies ${formatEuros(s.werkgeverspremies)}${s.versie > 1 ? ` (correctie: loonheffing ${formatEuros(s.verschil_loonheffing)}, premies ${formatEuros(s.verschil_premies)})` : ''}`);
          }
        }
        for (const w of r.wachtend) io.out(`  wacht: ${w.zorgovereenkomst_id}: ${w.reden}`);
      });
    });

  loon
    .command('strook')
    .description('een loonstrook als toegankelijke PDF; zonder --id de lijst')
    .option('--id <loonstrook>', 'de loonstrook (lst:…)')
    .option('--periode <JJJJ-MM>', 'voor de lijst: alleen deze maand')
    .option('--zorgverlener <id>', 'voor de lijst: alleen deze zorgverlener')
    .option('--uit <bestand>', 'waar de PDF komt (verplicht met --id)')
    .action(async (o: { id?: string; periode?: string; zorgverlener?: string; uit?: string }) => {
      await withDb(async (db) => {
        if (!o.id) {
          for (const s of await listLoonstroken(db, { ...(o.periode ? { periode: o.periode } : {}), ...(o.zorgverlener ? { zorgverlenerId: o.zorgverlener } : {}) })) {
            io.out(`${s.loonstrook_id}\tbruto ${formatEuros(s.brutoloon)}\tloonheffing ${formatEuros(s.loonheffing)}\tnetto ${formatEuros(s.nettoloon)}\tpremies ${formatEuros(s.werkgeverspremies)}`);
          }
          return;
        }
        if (!o.uit) throw new AppError('INVOER_ONGELDIG', 'geef --uit BESTAND voor de PDF');
        const doc = await loonstrookDocument(db, o.id);
        writeAtomic(o.uit, await loonstrookPdf(doc));
        io.out(`loonstrook ${doc.loonstrook_id} → ${o.uit}`);
      });
    });

  loon
    .command('jaaropgave')
    .description('de jaaropgave van een zorgverlener bij één werkgever (budgethouder) als toegankelijke PDF')
    .requiredOption('--zorgverlener <id>', 'de zorgverlener')
    .requiredOption('--bsn <bsn>', 'de budgethouder (werkgever)')
    .requiredOption('--jaar <JJJJ>', 'het jaar')
    .requiredOption('--uit <bestand>', 'waar de PDF komt')
    .action(async (o: { zorgverlener: string; bsn: string; jaar: string; uit: string }) => {
      await withDb(async (db) => {
        const j = await jaaropgave(db, { zorgverlenerId: o.zorgverlener, budgethouderId: await holderId(db, o.bsn), jaar: Number(o.jaar) });
        writeAtomic(o.uit, await jaaropgavePdf(j));
        io.out(`jaaropgave ${j.jaar} van ${j.werknemer.zorgverlener_id}: fiscaal loon ${formatEuros(j.totaal.brutoloon)}, loonheffing ${formatEuros(j.totaal.loonheffing)} → ${o.uit}`);
      });
    });

  loon
    .command('overzicht')
    .description('het loonoverzicht van een maand (bruto, loonheffing, premies, netto): de grondslag voor de aangifte loonheffingen')
    .requiredOption('--periode <JJJJ-MM>', 'de maand')
    .option('--formaat <formaat>', 'csv, xlsx, html of json (standaard: uit de extensie van --uit, anders csv)')
    .option('--uit <bestand>', 'schrijf naar een bestand in plaats van naar de uitvoer')
    .action(async (o: { periode: string; formaat?: string; uit?: string }) => {
      const f = (o.formaat ?? (o.uit ? extname(o.uit).slice(1).toLowerCase() : '')) || 'csv';
      if (!['csv', 'xlsx', 'html', 'json'].includes(f)) throw new AppError('INVOER_ONGELDIG', `--formaat '${f}': kies uit csv, xlsx, html, json`);
      await withDb(async (db) => {
        const t = await loonoverzicht(db, { periode: o.periode });
        const { data } = await renderReport(t, f as Format);
        if (o.uit) {
          writeAtomic(o.uit, data);
          io.out(`loonoverzicht ${o.periode} (${t.rijen.length - 1} regel(s)) → ${o.uit}`);
        } else if (typeof data === 'string') io.out(data.trimEnd());
        else throw new AppError('INVOER_ONGELDIG', 'Excel is een binair bestand: geef --uit BESTAND');
      });
    });
}
