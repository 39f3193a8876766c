/**
 * The `pgb` command line: batch work on the same modules as the server. It only parses, opens the
 * database and calls a use case; the rules live in the modules.
 */
import { Command, CommanderError, Option } from 'commander';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadConfig, type Config } from '../config/index.ts';
import { dbTarget, openAppDb } from '../app/context.ts';
import { backupDatabase, restoreDatabase } from '../db/backup.ts';
import type { Db } from '../db/connection.ts';
import { AppError, formatProblem } from '../kernel/errors.ts';
import { formatEuros } from '../kernel/money.ts';
import { runImport } from '../modules/import/run-import.ts';
import { changeProviderIban } from '../modules/partijen/index.ts';
import { traceClaim } from '../modules/declaraties/index.ts';
import { runMonthlyPay } from '../modules/maandloon/index.ts';
import { listRuns, paymentRunFile, runPayments, writeFileAtomic } from '../modules/betalingen/index.ts';
import { openItems, readBankStatement } from '../modules/bank/index.ts';
import { runLedgerCheck } from '../modules/ledger/index.ts';
import { exportCsv, EXPORTS, type ExportName } from '../modules/exports/index.ts';
import { printTrace } from './print.ts';
import { runDemo } from './demo.ts';
import { openDb } from '../db/connection.ts';
import { join, resolve } from 'node:path';
import { createApiClient, createDemoAccounts, createUser, DEFAULT_DEMO_PASSWORD, deactivateUser, revokeApiClient, setPassword, USER_ROLES, type UserRole } from '../modules/toegang/index.ts';
import { buildApp } from '../server/app.ts';
import { DEFAULT_PORTAL_DIR } from '../server/portal.ts';
import { ROUTES } from '../server/routes.ts';
import { createLogger } from '../server/logger.ts';
import { announceListening, isWorker, runPrimary } from '../server/cluster.ts';
import { randomBytes } from 'node:crypto';

export { IMPORTS } from '../app/imports.ts';
import { IMPORTS } from '../app/imports.ts';

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

const defaultIo: Io = { out: (l) => process.stdout.write(`${l}\n`), err: (l) => process.stderr.write(`${l}\n`) };

export async function main(argv: string[], io: Io = defaultIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let exitCode = 0;
  const program = new Command('pgb')
    .description('Het pgb-trekkingsrecht vanaf de opdrachtregel: imports, maandloon, betaalruns, bankafschriften, controle.')
    .option('--db <doel>', 'postgres://… of een map voor PGlite (overschrijft DATABASE_URL)')
    .option('--actor <naam>', 'wie deze opdracht geeft, voor de audittrail')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });

  const configOf = (): Config => {
    const g = program.opts<{ db?: string; actor?: string }>();
    const overrides: Partial<Config> = {};
    if (g.actor) overrides.actor = g.actor;
    return loadConfig(
      g.db ? { ...env, DATABASE_URL: /^postgres/.test(g.db) ? g.db : '', PGB_DATA_DIR: /^postgres/.test(g.db) ? env.PGB_DATA_DIR : g.db } : env,
      overrides,
    );
  };
  const withDb = async <T>(fn: (db: Db, config: Config) => Promise<T>): Promise<T> => {
    const config = configOf();
    const db = await openAppDb(config);
    try {
      return await fn(db, config);
    } finally {
      await db.close();
    }
  };

  program
    .command('import')
    .description('leest een CSV-bestand in (geheel of niet; tweemaal inlezen verandert niets)')
    .addArgument(new (await import('commander')).Argument('<soort>', 'soort bestand').choices(Object.keys(IMPORTS)))
    .argument('<bestand>', 'pad naar het CSV-bestand')
    .action(async (soort: string, bestand: string) => {
      await withDb(async (db, config) => {
        const s = await runImport(db, IMPORTS[soort]!, { path: bestand, actor: config.actor }); // the import reads the file (declaraties in pieces)
        io.out(`${s.file}: ${s.rows} ${soort === 'declaraties' ? 'regels' : 'rijen'}, ${s.created} nieuw${s.skipped ? `, ${s.skipped} al bekend` : ''} (import ${s.importId})`);
        if (s.claims) io.out(`declaraties gecontroleerd: ${formatCounts(s.claims)}`);
      });
    });

  program
    .command('maandloon')
    .description('boekt het maandloon van een maand voor elke geaccordeerde zorgovereenkomst met een maandbedrag')
    .requiredOption('--maand <JJJJ-MM>', 'de maand')
    .action(async (o: { maand: string }) => {
      await withDb(async (db, config) => {
        const r = await runMonthlyPay(db, { month: o.maand, actor: config.actor });
        io.out(`maandloon ${r.month}: ${r.created} nieuwe maandbetaling(en), samen ${formatEuros(r.total)}`);
        if (r.created > 0) io.out(`uitkomst: ${formatCounts(r.outcomes)}`);
      });
    });

  program
    .command('betaalrun')
    .description('betaalt alle goedgekeurde, onbetaalde declaraties in één SEPA-bestand (pain.001.001.09)')
    .option('--datum <JJJJ-MM-DD>', 'gewenste uitvoeringsdatum')
    .requiredOption('--sepa <bestand>', 'waar het SEPA-bestand komt')
    .option('--opnieuw <betaalrun_id>', 'schrijf het bestand van een eerdere betaalrun opnieuw uit de database')
    .action(async (o: { datum?: string; sepa: string; opnieuw?: string }) => {
      await withDb(async (db, config) => {
        if (o.opnieuw) {
          writeFileAtomic(o.sepa, await paymentRunFile(db, o.opnieuw));
          io.out(`betaalrun ${o.opnieuw}: bestand opnieuw geschreven naar ${o.sepa}`);
          return;
        }
        if (!o.datum) throw new AppError('INVOER_ONGELDIG', '--datum is verplicht');
        if (!config.debtorIban) throw new AppError('CONFIGURATIE', 'PGB_DEBITEUR_IBAN ontbreekt: de rekening waarvan betaald wordt moet zijn ingesteld');
        const r = await runPayments(db, {
          date: o.datum,
          actor: config.actor,
          debtor: { name: config.debtorName, iban: config.debtorIban, ...(config.debtorBic ? { bic: config.debtorBic } : {}) },
        });
        if (r.betaalrunId && !r.sepa) {
          io.out(`betaalrun ${r.betaalrunId}: ${r.claims} declaratie(s) geheel verrekend met vorderingen; niets over te maken, geen bestand geschreven`);
        } else if (!r.betaalrunId || !r.sepa) {
          io.out('niets te betalen: er zijn geen goedgekeurde, onbetaalde declaraties; geen bestand geschreven');
        } else {
          writeFileAtomic(o.sepa, r.sepa!);
          io.out(`betaalrun ${r.betaalrunId}: ${r.payments} overboeking(en) voor ${r.claims} declaratie(s), samen ${formatEuros(r.total)} → ${o.sepa}`);
        }
        if (r.betaalrunId && r.verrekend > 0) {
          io.out(`verrekend met vorderingen: ${formatEuros(r.verrekend)}${r.volledigVerrekend ? `; ${r.volledigVerrekend} betaling(en) geheel verrekend, zonder overboeking` : ''}`);
        }
        for (const h of r.held) {
          io.out(`aangehouden: ${h.aantal} declaratie(s) van ${h.zorgverlener_id} (${formatEuros(h.bedrag)}): IBAN geblokkeerd na ${h.reden}; wacht op 'pgb iban ${h.zorgverlener_id} NIEUW_IBAN --reden …'`);
        }
      });
    });

  program
    .command('betaalruns')
    .description('toont alle betaalruns met hun bestandskenmerk (sha256), om een bestand te controleren of opnieuw te schrijven')
    .action(async () => {
      await withDb(async (db) => {
        const runs = await listRuns(db);
        if (runs.length === 0) io.out('nog geen betaalruns');
        for (const r of runs) io.out(`${r.betaalrun_id}  ${r.datum}  ${r.aantal} overboeking(en)  ${formatEuros(r.totaal)}  sha256 ${r.sha256}`);
      });
    });

  program
    .command('bank')
    .description('leest een bankafschrift (camt.053 001.02 of 001.08) in, of toont met --open wat op een mens wacht')
    .argument('[bestand]', 'het afschrift')
    .option('--open', 'toon de posten die niet automatisch konden worden verwerkt')
    .action(async (bestand: string | undefined, o: { open?: boolean }) => {
      await withDb(async (db, config) => {
        if (bestand) {
          const r = await readBankStatement(db, { path: bestand, content: readFileSync(bestand), actor: config.actor });
          for (const s of r.statements) {
            io.out(s.alreadyRead ? `afschrift ${s.id}: al eerder ingelezen, niets veranderd` : `afschrift ${s.id}: ${s.lines} post(en): ${formatCounts(s.counts)}`);
          }
          if (Object.keys(r.recheckedClaims).length > 0) io.out(`geparkeerde declaraties opnieuw gecontroleerd: ${formatCounts(r.recheckedClaims)}`);
        }
        if (o.open || !bestand) {
          const items = await openItems(db);
          io.out(items.length === 0 ? 'geen open bankposten' : `${items.length} open bankpost(en):`);
          for (const i of items) {
            io.out(`  #${i.id} ${i.afschrift_id}/${i.post_ref} ${i.boekdatum ?? ''} ${i.richting === 'CRDT' ? '+' : '-'}${formatEuros(i.bedrag)} ${i.tegen_naam ?? ''} "${i.omschrijving ?? ''}": ${i.toelichting ?? ''}`);
          }
        }
      });
    });

  program
    .command('iban')
    .description('legt een nieuw IBAN van een zorgverlener vast (heft een blokkade na een terugboeking op)')
    .argument('<zorgverlener_id>')
    .argument('<iban>')
    .requiredOption('--reden <tekst>', 'waarom het IBAN verandert (voor de audittrail)')
    .action(async (id: string, iban: string, o: { reden: string }) => {
      await withDb(async (db, config) => {
        const r = await changeProviderIban(db, { zorgverlenerId: id, iban, reason: o.reden, actor: config.actor });
        io.out(`zorgverlener ${id}: nieuw IBAN vastgelegd${r.unblocked ? '; blokkade opgeheven, aangehouden declaraties gaan mee in de volgende betaalrun' : ''}`);
      });
    });

  program
    .command('trace')
    .description('de hele geschiedenis van een declaratie, van ontvangst tot betaling')
    .argument('<declaratie_id>')
    .action(async (id: string) => {
      await withDb(async (db) => {
        const t = await traceClaim(db, id);
        // an own amount paid to the holder (issue #8) has its trace too
        if (!t && (await (await import('./jaareinde.ts')).printOwnAmountTrace(db, id, io.out))) return;
        // and so has a recovery (vordering V-…)
        if (!t && (await (await import('./vorderingen.ts')).printRecoveryTrace(db, id, io.out))) return;
        // so has an urgent payment (spoedbetaling): its payment and the claim it was matched to
        if (!t && (await (await import('./spoed.ts')).printUrgentTrace(db, id, io.out))) return;
        if (!t) throw new AppError('NIET_GEVONDEN', `declaratie '${id}' bestaat niet`);
        printTrace(t, io.out);
      });
    });

  program
    .command('controle')
    .description('controleert het grootboek; eindigt met een foutcode bij elke afwijking')
    .action(async () => {
      await withDb(async (db) => {
        const r = await runLedgerCheck(db);
        for (const c of r.results) {
          io.out(`${c.breaches.length === 0 ? 'OK  ' : 'FOUT'} ${c.name}`);
          for (const b of c.breaches) io.out(`       ${b}`);
        }
        io.out(`${r.totals.entries} journaalposten, ${r.totals.postings} boekingen, ${r.totals.accounts} rekeningen: ${r.ok ? 'alles klopt' : 'AFWIJKINGEN GEVONDEN'}`);
        if (!r.ok) exitCode = 3;
      });
    });

  program
    .command('backup')
    .description('schrijft een back-up van de hele database naar één bestand (PGlite: tarball van de map; PostgreSQL: pg_dump, custom format)')
    .argument('<bestand>')
    .action(async (bestand: string) => {
      const config = configOf();
      const r = await backupDatabase(dbTarget(config), bestand);
      io.out(`back-up (${r.kind === 'postgres' ? 'PostgreSQL, pg_dump custom format' : 'PGlite, tarball'}) geschreven naar ${r.file}: ${r.bytes} bytes`);
    });

  program
    .command('restore')
    .description('zet een back-up terug in de database van --db; weigert een database die niet leeg is, tenzij --force')
    .argument('<bestand>')
    .option('--force', 'vervang een bestaande database')
    .action(async (bestand: string, o: { force?: boolean }) => {
      const config = configOf();
      const r = await restoreDatabase(dbTarget(config), bestand, { force: o.force === true });
      io.out(`back-up ${bestand} teruggezet in ${r.kind === 'postgres' ? 'PostgreSQL' : `PGlite ${r.target}`}; controleer met pgb controle`);
    });

  program
    .command('export')
    .description('schrijft declaraties, budgetten of betalingen als CSV')
    .addArgument(new (await import('commander')).Argument('<wat>').choices(Object.keys(EXPORTS)))
    .option('--uit <bestand>', 'schrijf naar een bestand in plaats van naar de uitvoer')
    .option('--verstrekker <code>', 'alleen de budgetten van deze verstrekker (bij budgetten)')
    .action(async (wat: ExportName, o: { uit?: string; verstrekker?: string }) => {
      await withDb(async (db) => {
        if (o.verstrekker && wat !== 'budgetten') throw new AppError('INVOER_ONGELDIG', '--verstrekker hoort bij export budgetten');
        const csv = await exportCsv(db, wat, o.verstrekker ? { verstrekker: o.verstrekker } : {});
        if (o.uit) writeFileSync(o.uit, csv);
        else io.out(csv.trimEnd());
      });
    });

  program
    .command('demo')
    .description('bouwt een demodatabase (PGlite in ./data/demo, of --db) en laat zien wat er gebeurde')
    .option('--map <map>', 'waar de demobestanden komen', 'data/demo-bestanden')
    .option('--serve', 'maak daarna demo-accounts voor elke rol en start de server (wat npm start doet)')
    .action(async (o: { map: string; serve?: boolean }) => {
      const g = program.opts<{ db?: string }>();
      // the demo pays from a demo account unless one is configured
      const demoEnv = { PGB_DEBITEUR_NAAM: 'PGB Demo Betaalbureau', PGB_DEBITEUR_IBAN: 'NL91ABNA0417164300', ...env };
      const config = loadConfig(env);
      const target = g.db ?? config.databaseUrl ?? 'data/demo';
      exitCode = await runDemo({ db: target, dir: o.map, io, main: (args) => main(args, io, demoEnv) });
      if (exitCode !== 0 || !o.serve) return;
      const password = config.demoPassword ?? DEFAULT_DEMO_PASSWORD;
      const db = await openDb({ target: /^postgres/.test(target) ? target : resolve(target) });
      try {
        const accounts = await createDemoAccounts(db, { password, actor: 'demo' });
        io.out('\n== 7. Demo-accounts (wachtwoord voor allemaal: ' + password + ') ==');
        for (const a of accounts.accounts.filter((x) => x.rol !== 'verstrekker_systeem')) io.out(`  ${a.gebruikersnaam.padEnd(26)} ${a.rol.padEnd(18)} ${a.naam}`);
        io.out(`  systeem van ${accounts.apiClient.verstrekker}: Authorization: Bearer ${accounts.apiClient.clientId}.${accounts.apiClient.secret}`);
      } finally {
        await db.close();
      }
      exitCode = await main(['--db', target, 'serve'], io, demoEnv);
    });

  program
    .command('genereer')
    .description('schrijft een synthetisch land als CSV-bestanden en bankafschriften, reproduceerbaar uit een zaad')
    .requiredOption('--schaal <aantal>', 'aantal budgethouders (landelijk: 160000)')
    .requiredOption('--uit <map>', 'waar de bestanden komen')
    .option('--zaad <zaad>', 'het zaad: hetzelfde zaad geeft dezelfde bestanden', '1')
    .option('--maanden <n>', 'maanden met declaraties (1-12)', '12')
    .option('--jaar <JJJJ>', 'het jaar', '2026')
    .option('--declaraties <aantal>', 'aantal declaraties over alle maanden (standaard de landelijke verhouding)')
    .option('--maandloners <aandeel>', 'aandeel zorgovereenkomsten met een vast maandbedrag (standaard 1/3)')
    .option('--verwachting', 'schrijf ook per maand de verwachte uitkomst van elke declaratie')
    .action(async (o: { schaal: string; uit: string; zaad: string; maanden: string; jaar: string; declaraties?: string; maandloners?: string; verwachting?: boolean }) => {
      const { generateFiles, terminalProgress } = await import('../modules/synthetisch/index.ts');
      const m = await generateFiles({
        holders: Number(o.schaal), seed: o.zaad, months: Number(o.maanden), year: Number(o.jaar), dir: o.uit, expectations: o.verwachting === true,
        ...(o.declaraties ? { claims: Number(o.declaraties) } : {}), ...(o.maandloners ? { monthlyShare: Number(o.maandloners) } : {}),
        progress: await terminalProgress(),
      });
      io.out(`${o.uit}: ${Object.entries(m.aantallen).map(([k, v]) => `${v} ${k}`).join(', ')}; volgorde van inlezen in manifest.json`);
    });

  program
    .command('serve')
    .description('start de HTTP-API op de ingestelde database (documentatie op /api/docs); stopt netjes op SIGINT of SIGTERM')
    .option('--port <poort>', 'de poort (standaard PORT of 3000; 0 kiest een vrije)')
    .option('--host <adres>', 'het adres om op te luisteren (standaard PGB_HOST of 127.0.0.1)')
    .option('--werkers <aantal>', 'serverprocessen die de poort delen, bijvoorbeeld één per processorkern (meer dan 1 alleen op PostgreSQL)', '1')
    .action(async (o: { port?: string; host?: string; werkers: string }) => {
      const workers = Number(o.werkers);
      if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new AppError('INVOER_ONGELDIG', '--werkers moet een getal van 1 tot 64 zijn');
      if (workers > 1 && !isWorker()) {
        exitCode = await servePrimary(workers, o);
        return;
      }
      await withDb(async (db, loaded) => {
        const port = o.port === undefined ? loaded.port : Number(o.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new AppError('INVOER_ONGELDIG', '--port moet een getal van 0 tot 65535 zijn');
        const config: Config = { ...loaded, port, host: o.host ?? loaded.host };
        // the signal handlers come first, so a signal during start-up also ends in a clean stop
        let requestStop!: () => void;
        const stopRequested = new Promise<void>((resolve) => (requestStop = resolve));
        const onSignal = () => requestStop();
        process.on('SIGINT', onSignal);
        process.on('SIGTERM', onSignal);
        try {
          const app = await buildApp({ db, config, routes: ROUTES, logger: createLogger({ level: config.logLevel }) });
          const address = await app.listen({ port: config.port, host: config.host });
          // a worker of `--werkers N` is quiet: the primary prints the address once for all
          if (isWorker()) announceListening(address);
          else announce(address, db.description);
          await stopRequested;
          if (!isWorker()) io.out('pgb serve: gestopt met luisteren, lopende verzoeken worden afgemaakt');
          await app.close();
        } finally {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
        }
      });
      // a worker's channel to the primary would keep it alive
      if (isWorker()) process.disconnect?.();
    });

  const announce = (address: string, where: string, workers = 1) => {
    io.out(`pgb serve: ${address} op ${where}${workers > 1 ? ` met ${workers} werkers` : ''}; documentatie op ${address}/api/docs`);
    io.out(existsSync(join(DEFAULT_PORTAL_DIR, 'index.html')) ? `pgb serve: de portalen op ${address}/ (log in met een account hierboven)` : `pgb serve: het portaal is niet gebouwd; npm run build:portal maakt het (${address}/ zegt hetzelfde)`);
  };

  /** `pgb serve --werkers N` (N > 1): the schema brought up to date once, then N workers on one port (src/server/cluster.ts). */
  const servePrimary = async (workers: number, o: { port?: string; host?: string }): Promise<number> => {
    const loaded = configOf();
    if (!loaded.databaseUrl) throw new AppError('INVOER_ONGELDIG', '--werkers meer dan 1 kan alleen op PostgreSQL: PGlite is één proces');
    const port = o.port === undefined ? loaded.port : Number(o.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new AppError('INVOER_ONGELDIG', '--port moet een getal van 0 tot 65535 zijn');
    const description = await withDb(async (db) => db.description); // migrates
    const g = program.opts<{ actor?: string }>();
    return runPrimary({
      workers,
      args: ['--db', loaded.databaseUrl, ...(g.actor ? ['--actor', g.actor] : []), 'serve', '--port', String(port), '--host', o.host ?? loaded.host],
      // one secret for all workers: the OpenID Connect state cookie one signs, another checks
      env: { ...env, PGB_SESSIE_GEHEIM: loaded.sessionSecret ?? randomBytes(32).toString('base64url') },
      onListening: (address) => announce(address, description, workers),
      report: io.err,
    }).then((code) => {
      io.out('pgb serve: gestopt met luisteren, lopende verzoeken zijn afgemaakt');
      return code;
    });
  };

  const gebruiker = program.command('gebruiker').description('accounts voor mensen: toevoegen, wachtwoord, deactiveren');
  gebruiker
    .command('toevoegen')
    .description('maakt een account; zonder --wachtwoord-stdin of OpenID Connect krijgt het een tijdelijk wachtwoord dat eenmaal getoond wordt')
    .argument('<gebruikersnaam>')
    .requiredOption('--naam <naam>', 'de naam zoals het platform die toont')
    .addOption(new Option('--rol <rol>', 'de rol').choices(USER_ROLES as string[]).makeOptionMandatory())
    .option('--verstrekker <code>', 'bij de rol verstrekker: de gemeente of het zorgkantoor')
    .option('--zorgverlener <id>', 'bij de rol zorgverlener: de zorgverlener')
    .option('--budgethouder <bsn...>', 'bij budgethouder (één) of vertegenwoordiger (één of meer): BSN van de budgethouder')
    .option('--oidc-issuer <url>', 'OpenID Connect: de issuer zoals in het ID-token (iss)')
    .option('--oidc-sub <sub>', 'OpenID Connect: het onderwerp zoals in het ID-token (sub)')
    .option('--wachtwoord-stdin', 'lees het wachtwoord van de standaardinvoer (eerste regel)')
    .action(async (naam: string, o: { naam: string; rol: UserRole; verstrekker?: string; zorgverlener?: string; budgethouder?: string[]; oidcIssuer?: string; oidcSub?: string; wachtwoordStdin?: boolean }) => {
      if (Boolean(o.oidcIssuer) !== Boolean(o.oidcSub)) throw new AppError('INVOER_ONGELDIG', '--oidc-issuer en --oidc-sub horen samen');
      const oidc = o.oidcIssuer && o.oidcSub ? { issuer: o.oidcIssuer, sub: o.oidcSub } : undefined;
      const generated = !o.wachtwoordStdin && !oidc ? temporaryPassword() : undefined;
      const wachtwoord = o.wachtwoordStdin ? readPasswordFromStdin() : generated;
      await withDb(async (db, config) => {
        const r = await createUser(db, { gebruikersnaam: naam, naam: o.naam, rol: o.rol, wachtwoord, oidc, verstrekker: o.verstrekker, zorgverlener: o.zorgverlener, budgethouders: o.budgethouder, actor: config.actor });
        io.out(`gebruiker ${naam.toLowerCase()} aangemaakt (id ${r.id}, rol ${o.rol})`);
        if (generated) io.out(`tijdelijk wachtwoord (wordt niet opnieuw getoond): ${generated}`);
      });
    });
  gebruiker
    .command('wachtwoord')
    .description('geeft een gebruiker een nieuw wachtwoord en beëindigt zijn sessies')
    .argument('<gebruikersnaam>')
    .option('--wachtwoord-stdin', 'lees het wachtwoord van de standaardinvoer (eerste regel); anders een tijdelijk wachtwoord')
    .action(async (naam: string, o: { wachtwoordStdin?: boolean }) => {
      const generated = o.wachtwoordStdin ? undefined : temporaryPassword();
      const wachtwoord = generated ?? readPasswordFromStdin();
      await withDb(async (db, config) => {
        await setPassword(db, { gebruikersnaam: naam, wachtwoord, actor: config.actor });
        io.out(`gebruiker ${naam.toLowerCase()}: nieuw wachtwoord vastgelegd, sessies beëindigd`);
        if (generated) io.out(`tijdelijk wachtwoord (wordt niet opnieuw getoond): ${generated}`);
      });
    });
  gebruiker
    .command('deactiveren')
    .description('blokkeert het inloggen van een gebruiker en beëindigt zijn sessies direct')
    .argument('<gebruikersnaam>')
    .action(async (naam: string) => {
      await withDb(async (db, config) => {
        const r = await deactivateUser(db, { gebruikersnaam: naam, actor: config.actor });
        io.out(`gebruiker ${naam.toLowerCase()} gedeactiveerd; ${r.sessions} sessie(s) beëindigd`);
      });
    });

  const apiClient = program.command('api-client').description('API-sleutels voor systemen van verstrekkers (rol verstrekker_systeem)');
  apiClient
    .command('toevoegen')
    .description('maakt een API-client voor een verstrekker en toont het geheim eenmaal; met --client-id van een bestaande client: een nieuw geheim')
    .requiredOption('--naam <naam>', 'welk systeem het is')
    .requiredOption('--verstrekker <code>', 'de verstrekker namens wie het systeem werkt')
    .option('--client-id <id>', 'een eigen client_id, of die van een bestaande client om het geheim te vervangen')
    .action(async (o: { naam: string; verstrekker: string; clientId?: string }) => {
      await withDb(async (db, config) => {
        const r = await createApiClient(db, { naam: o.naam, verstrekker: o.verstrekker, actor: config.actor, ...(o.clientId ? { clientId: o.clientId } : {}) });
        io.out(`API-client ${r.clientId} voor ${o.verstrekker}`);
        io.out(`geheim (wordt niet opnieuw getoond): ${r.secret}`);
        io.out(`gebruik: Authorization: Bearer ${r.clientId}.${r.secret}`);
      });
    });
  apiClient
    .command('intrekken')
    .description('trekt een API-client in: zijn sleutel werkt direct niet meer')
    .argument('<client_id>')
    .action(async (clientId: string) => {
      await withDb(async (db, config) => {
        await revokeApiClient(db, { clientId, actor: config.actor });
        io.out(`API-client ${clientId} ingetrokken`);
      });
    });

  // reports, signals, e-mail, quarterly statements and the audit sample: src/cli/rapportages.ts
  (await import('./rapportages.ts')).addReportCommands(program, { withDb, io });
  // maximum tariffs, own amounts, year end, fallback allocations (issue #8): src/cli/jaareinde.ts
  (await import('./jaareinde.ts')).addYearEndCommands(program, { withDb, io });
  (await import('./loon.ts')).addPayrollCommands(program, { withDb, io }); // payroll: src/cli/loon.ts
  (await import('./vorderingen.ts')).addRecoveryCommands(program, { withDb, io }); // recoveries (issue #8): src/cli/vorderingen.ts
  (await import('./spoed.ts')).addUrgentCommands(program, { withDb, io }); // urgent payments: src/cli/spoed.ts

  program.addOption(new Option('--versie').hideHelp());

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    return reportError(e, io);
  }
  return exitCode;
}

/** A password for a new account, shown once: 20 random characters. */
function temporaryPassword(): string {
  return randomBytes(15).toString('base64url');
}

function readPasswordFromStdin(): string {
  const line = readFileSync(0, 'utf8').split(/\r?\n/)[0] ?? '';
  if (!line) throw new AppError('INVOER_ONGELDIG', 'geen wachtwoord op de standaardinvoer');
  return line;
}

function formatCounts(counts: Record<string, number>): string {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  return entries.length === 0 ? 'geen' : entries.map(([k, v]) => `${v} ${k}`).join(', ');
}

function reportError(e: unknown, io: Io): number {
  if (e instanceof AppError) {
    io.err(`fout (${e.code}): ${e.message}`);
    for (const p of e.problems) io.err(formatProblem(p));
    return 1;
  }
  const err = e as { code?: string; message?: string };
  if (err.code === 'ENOENT') {
    io.err(`fout: ${err.message}`);
    return 1;
  }
  io.err(`onverwachte fout: ${err.message ?? String(e)}`);
  return 4;
}
