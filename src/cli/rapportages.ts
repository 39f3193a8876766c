/**
 * The command line of reports, signals, e-mail, statements and the audit sample:
 * `pgb rapport`, `pgb signalen`, `pgb mail`, `pgb mailadres`, `pgb overzicht`, `pgb steekproef`.
 * Like the rest of the command line it only parses, opens the database and calls a use case.
 */
import type { Command } from 'commander';
import { renameSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Config } from '../config/index.ts';
import type { Db } from '../db/connection.ts';
import { dateInNetherlands, parseDate, type PlainDate } from '../kernel/dates.ts';
import { AppError } from '../kernel/errors.ts';
import { isValidBsn } from '../kernel/identifiers.ts';
import {
  budgetStatement, budgetStatementPdf, defaultPeriod, drawAuditSample, FORMATS, renderReport, reportList, runReport, sampleCsv, sampleJson, type Format,
} from '../modules/rapportages/index.ts';
import { computeSignals, listSignals, setAddress, SIGNAL_NAMES } from '../modules/signalen/index.ts';
import { queueSummary, sendOutbox, smtpTransport, waitingMessages } from '../modules/berichten/index.ts';

interface Ctx {
  withDb: <T>(fn: (db: Db, config: Config) => Promise<T>) => Promise<T>;
  io: { out: (line: string) => void; err: (line: string) => void };
}

function dateOption(value: string | undefined, name: string): PlainDate | undefined {
  if (value === undefined) return undefined;
  const d = parseDate(value);
  if (!d) throw new AppError('INVOER_ONGELDIG', `--${name} '${value}' is geen datum (JJJJ-MM-DD)`);
  return d;
}

function formatOf(formaat: string | undefined, uit: string | undefined, allowed: readonly string[], fallback: string): string {
  const f = formaat ?? (uit ? extname(uit).slice(1).toLowerCase() : '') ?? '';
  const chosen = f || fallback;
  if (!allowed.includes(chosen)) throw new AppError('INVOER_ONGELDIG', `--formaat '${chosen}': kies uit ${allowed.join(', ')}`);
  return chosen;
}

/** Written beside the target, then renamed: the file is whole or absent. */
function writeAtomic(path: string, data: string | Buffer): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

function write(io: Ctx['io'], uit: string | undefined, data: string | Buffer, what: string): void {
  if (uit) {
    writeAtomic(uit, data);
    io.out(`${what} → ${uit}`);
  } else if (typeof data === 'string') io.out(data.trimEnd());
  else throw new AppError('INVOER_ONGELDIG', `${what} is een binair bestand: geef --uit BESTAND`);
}

export function addReportCommands(program: Command, { withDb, io }: Ctx): void {
  program
    .command('rapport')
    .description('een rapport (werkvoorraad, tijdigheid, afkeuringen, …) als CSV, Excel, SVG-grafiek, HTML of JSON; zonder naam: de lijst')
    .argument('[naam]', 'het rapport')
    .option('--van <JJJJ-MM-DD>', 'begin van de periode (standaard: de eerste van de maand, twee maanden voor --tot)')
    .option('--tot <JJJJ-MM-DD>', 'eind van de periode (standaard: vandaag)')
    .option('--peildatum <JJJJ-MM-DD>', 'de dag van een stand (aard-voorraad, accorderingen) en tot wanneer uitkomsten tellen (standaard: vandaag)')
    .option('--verstrekker <code>', 'alleen de budgethouders van deze verstrekker')
    .option('--formaat <formaat>', `${FORMATS.join(', ')} (standaard: uit de extensie van --uit, anders csv)`)
    .option('--uit <bestand>', 'schrijf naar een bestand in plaats van naar de uitvoer')
    .action(async (naam: string | undefined, o: { van?: string; tot?: string; peildatum?: string; verstrekker?: string; formaat?: string; uit?: string }) => {
      if (!naam) {
        for (const r of reportList()) io.out(`${r.naam.padEnd(26)} ${r.titel} (${r.bron})`);
        return;
      }
      const format = formatOf(o.formaat, o.uit, FORMATS, 'csv') as Format;
      const today = dateInNetherlands(new Date());
      const { van, tot } = defaultPeriod(today, dateOption(o.van, 'van'), dateOption(o.tot, 'tot'));
      await withDb(async (db) => {
        const table = await runReport(db, naam, {
          van,
          tot,
          peildatum: dateOption(o.peildatum, 'peildatum') ?? today,
          scope: o.verstrekker ? { kind: 'verstrekker', code: o.verstrekker } : { kind: 'alles' },
        });
        const { data } = await renderReport(table, format);
        write(io, o.uit, data, `${table.titel} (${table.rijen.length} rijen, ${format})`);
      });
    });

  program
    .command('signalen')
    .description('berekent de signalen (budget raakt op; mogelijk misbruik) en zet de e-mails ervan in de wachtrij; tweemaal rekenen voegt niets toe')
    .option('--peildatum <JJJJ-MM-DD>', 'de dag waarop budgetten worden beoordeeld (standaard: vandaag)')
    .option('--van <JJJJ-MM-DD>', 'begin van de zorg die de misbruikregels bekijken (standaard: de eerste van de maand, twee maanden terug)')
    .option('--tot <JJJJ-MM-DD>', 'eind daarvan (standaard: de peildatum)')
    .option('--toon', 'toon daarna alle signalen van de periode')
    .action(async (o: { peildatum?: string; van?: string; tot?: string; toon?: boolean }) => {
      await withDb(async (db, config) => {
        const r = await computeSignals(db, {
          actor: config.actor,
          restantProcent: config.signalRemainingPercent,
          ...(o.peildatum ? { peildatum: dateOption(o.peildatum, 'peildatum')! } : {}),
          ...(o.van ? { van: dateOption(o.van, 'van')! } : {}),
          ...(o.tot ? { tot: dateOption(o.tot, 'tot')! } : {}),
        });
        io.out(`signalen op ${r.peildatum} (zorg ${r.van} t/m ${r.tot}):`);
        for (const k of Object.keys(r.gevonden) as (keyof typeof r.gevonden)[]) io.out(`  ${SIGNAL_NAMES[k]}: ${r.gevonden[k]} (${r.nieuw[k]} nieuw)`);
        io.out(`${r.berichten} e-mail(s) in de wachtrij${r.zonderAdres ? `; ${r.zonderAdres} ontvanger(s) zonder e-mailadres (zie pgb mailadres)` : ''}; verstuur met pgb mail --verzend`);
        if (o.toon) {
          for (const s of await listSignals(db, { scope: { kind: 'alles' }, vanaf: r.van.slice(0, 7) })) io.out(`  #${s.id} ${s.soort} ${s.onderwerp} ${s.periode}: ${s.omschrijving}`);
        }
      });
    });

  program
    .command('mail')
    .description('toont de e-mailwachtrij; met --verzend verstuurt het wat aan de beurt is via SMTP (PGB_SMTP_HOST …)')
    .option('--verzend', 'verstuur de berichten die aan de beurt zijn')
    .option('--alles', 'met --verzend: ook wat pas later opnieuw geprobeerd zou worden')
    .action(async (o: { verzend?: boolean; alles?: boolean }) => {
      await withDb(async (db, config) => {
        if (o.verzend) {
          const transport = await smtpTransport(config);
          try {
            const r = await sendOutbox(db, { transport, from: config.smtpFrom, all: o.alles === true });
            io.out(`${r.verzonden} verzonden, ${r.mislukt} mislukt${r.onbereikbaar ? ` (mailserver ${config.smtpHost}:${config.smtpPort} onbereikbaar: de rest wacht op de volgende keer)` : ''}`);
            for (const f of r.fouten) io.out(`  bericht ${f.id} aan ${f.aan}: ${f.fout}`);
          } finally {
            transport.close();
          }
        }
        const q = await queueSummary(db);
        io.out(`wachtrij: ${q.wachtend} wachtend (${q.met_fout} met een mislukte poging), ${q.verzonden} verzonden`);
        for (const m of (await waitingMessages(db, 20)).filter((x) => x.pogingen > 0)) {
          io.out(`  bericht ${m.id} aan ${m.aan}: ${m.pogingen} poging(en), volgende ${m.volgende_poging_op.toISOString()}: ${m.laatste_fout ?? ''}`);
        }
      });
    });

  program
    .command('mailadres')
    .description('legt het e-mailadres vast waar signalen heen gaan: van een budgethouder (BSN) of van een verstrekker (code); "-" wist het')
    .argument('<wie>', 'budgethouder of verstrekker')
    .argument('<sleutel>', 'het BSN of de code')
    .argument('<adres>', 'het e-mailadres, of - om het te wissen')
    .action(async (wie: string, sleutel: string, adres: string) => {
      if (wie !== 'budgethouder' && wie !== 'verstrekker') throw new AppError('INVOER_ONGELDIG', `'${wie}': kies budgethouder of verstrekker`);
      if (wie === 'budgethouder' && !isValidBsn(sleutel)) throw new AppError('INVOER_ONGELDIG', `'${sleutel}' is geen geldig BSN`);
      if (adres !== '-' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(adres)) throw new AppError('INVOER_ONGELDIG', `'${adres}' is geen e-mailadres`);
      await withDb(async (db) => {
        const found = await db.transaction((tx) => setAddress(tx, wie === 'budgethouder' ? { budgethouderBsn: sleutel } : { verstrekker: sleutel }, adres === '-' ? null : adres));
        if (!found) throw new AppError('NIET_GEVONDEN', `${wie} ${wie === 'budgethouder' ? 'met dit BSN' : sleutel} bestaat niet`);
        io.out(`${wie}: e-mailadres ${adres === '-' ? 'gewist' : 'vastgelegd'}`);
      });
    });

  program
    .command('overzicht')
    .description('het kwartaaloverzicht van een budgethouder als toegankelijke PDF')
    .requiredOption('--bsn <bsn>', 'de budgethouder')
    .requiredOption('--kwartaal <JJJJ-Qn>', 'het kwartaal, bijvoorbeeld 2026-Q3')
    .requiredOption('--uit <bestand>', 'waar de PDF komt')
    .action(async (o: { bsn: string; kwartaal: string; uit: string }) => {
      if (!isValidBsn(o.bsn)) throw new AppError('INVOER_ONGELDIG', `'${o.bsn}' is geen geldig BSN`);
      await withDb(async (db) => {
        const s = await budgetStatement(db, { holder: { bsn: o.bsn }, kwartaal: o.kwartaal });
        write(io, o.uit, await budgetStatementPdf(s), `kwartaaloverzicht ${s.kwartaal} van cliënt ${s.holder.clientnummer} (${s.wetten.length} wet(ten))`);
      });
    });

  program
    .command('steekproef')
    .description('een reproduceerbare steekproef van betaalde declaraties met hun spoor en de werkdagen van ontvangst tot betaling, voor de auditdienst')
    .requiredOption('--aantal <n>', 'hoeveel declaraties')
    .requiredOption('--zaad <zaad>', 'het zaad: hetzelfde zaad geeft dezelfde steekproef')
    .option('--van <JJJJ-MM-DD>', 'alleen betalingen met een uitvoeringsdatum vanaf')
    .option('--tot <JJJJ-MM-DD>', 'alleen betalingen met een uitvoeringsdatum tot en met')
    .option('--formaat <formaat>', 'csv of json (standaard: uit de extensie van --uit, anders csv)')
    .option('--uit <bestand>', 'schrijf naar een bestand in plaats van naar de uitvoer')
    .action(async (o: { aantal: string; zaad: string; van?: string; tot?: string; formaat?: string; uit?: string }) => {
      const format = formatOf(o.formaat, o.uit, ['csv', 'json'], 'csv');
      await withDb(async (db) => {
        const s = await drawAuditSample(db, { aantal: Number(o.aantal), zaad: o.zaad, van: dateOption(o.van, 'van') ?? null, tot: dateOption(o.tot, 'tot') ?? null });
        write(io, o.uit, format === 'json' ? sampleJson(s) : sampleCsv(s), `steekproef van ${s.trekking.length} uit ${s.populatie} betaalde declaraties (zaad ${s.zaad})`);
      });
    });
}
