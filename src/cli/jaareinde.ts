/**
 * The command line of issue #8 (without urgent payments and recoveries): maximum tariffs and the
 * rules of the holder's own amounts as dated tables, own amounts paid to the holder, the year-end
 * closing and fallback allocations. Like the rest of the command line it only parses, opens the
 * database and calls a use case.
 */
import type { Command } from 'commander';
import type { Config } from '../config/index.ts';
import type { Db } from '../db/connection.ts';
import { formatEuros } from '../kernel/money.ts';
import { AppError } from '../kernel/errors.ts';
import { loadMaxTariffs, loadOwnAmountRules, setMaxTariff, setOwnAmountRule } from '../modules/tarieven/index.ts';
import { listOwnAmounts, requestOwnAmount, traceOwnAmount } from '../modules/eigenbedragen/index.ts';
import { formatMoment, parseDate } from '../kernel/dates.ts';
import { renameSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { closeYear, yearEndTables } from '../modules/jaareinde/index.ts';
import { extendFallback, markProvisional } from '../modules/terugval/index.ts';
import { renderReport, type Format, type ReportTable } from '../modules/rapportages/index.ts';

const TABLE_FORMATS = ['csv', 'xlsx', 'html', 'json'] as const;

/** A table to a file, its format from --formaat or the extension; written beside it, then renamed. */
async function writeTable(t: ReportTable, path: string, formaat: string | undefined): Promise<void> {
  const f = (formaat ?? extname(path).slice(1).toLowerCase()) || 'csv';
  if (!(TABLE_FORMATS as readonly string[]).includes(f)) throw new AppError('INVOER_ONGELDIG', `--formaat '${f}': kies uit ${TABLE_FORMATS.join(', ')}`);
  const { data } = await renderReport(t, f as Format);
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

/** `pgb trace` of an own amount (when the id is not a claim's): request, charges, payment, bookings. */
export async function printOwnAmountTrace(db: Db, id: string, out: (line: string) => void): Promise<boolean> {
  const t = await traceOwnAmount(db, id);
  if (!t) return false;
  const r = t.row;
  out(`eigen bedrag ${r.aanvraag_id} (${r.soort} ${r.jaar}, ${r.wet}): ${r.status}`);
  out(`  bedrag ${formatEuros(r.bedrag)}, budgethouder ${r.budgethouder_id}, aangevraagd ${formatMoment(r.aangevraagd_op).replace('T', ' ')} door ${r.aangevraagd_door}: ${r.omschrijving}`);
  out('ten laste van:');
  for (const c of t.charges) out(`  ${c.bron === 'budget' ? `toekenning ${c.budget_id}` : 'eigen storting'} ${formatEuros(c.bedrag)}`);
  if (r.teruggeboekte_betalingen && r.teruggeboekte_betalingen.length > 0) out(`teruggeboekte betalingen: ${r.teruggeboekte_betalingen.join(', ')}`);
  if (t.payment) out(`betaling: ${t.payment.betaling_id} in ${t.payment.betaalrun_id} aan ${t.payment.iban}: ${formatEuros(t.payment.bedrag)} ${t.payment.status}${t.payment.bevestigd_op ? ` (bevestigd ${t.payment.bevestigd_op})` : ''}`);
  out('boekingen:');
  for (const b of t.bookings) out(`  #${b.journaalpost_id} ${b.soort}: ${b.rekening} ${b.bedrag > 0 ? 'D' : 'C'} ${formatEuros(Math.abs(b.bedrag))}`);
  for (const a of t.audit) out(`audit: ${formatMoment(a.op).replace('T', ' ')} ${a.actie} (${a.actor})${a.reden ? `: ${a.reden}` : ''}`);
  return true;
}

async function holderByBsn(db: Db, bsn: string): Promise<number> {
  const r = await db.query<{ id: number }>(`SELECT id FROM budgethouders WHERE bsn = $1`, [bsn]);
  if (r.rows.length === 0) throw new AppError('NIET_GEVONDEN', `er is geen budgethouder met BSN ${bsn.slice(0, 2)}…${bsn.slice(-2)}`);
  return r.rows[0]!.id;
}

interface Ctx {
  withDb: <T>(fn: (db: Db, config: Config) => Promise<T>) => Promise<T>;
  io: { out: (line: string) => void; err: (line: string) => void };
}

export function addYearEndCommands(program: Command, { withDb, io }: Ctx): void {
  const mt = program.command('maximumtarief').description('maximumtarieven als gedateerde tabel: landelijk per wet en per verstrekker');
  mt.command('lijst')
    .description('alle maximumtarieven met geldigheid en bron')
    .action(async () => {
      await withDb(async (db) => {
        for (const t of await loadMaxTariffs(db)) {
          io.out(`${t.verstrekker ?? 'landelijk'}\t${t.wet}\t${t.categorie}\t${t.geldigVan} t/m ${t.geldigTot ?? '…'}\t${formatEuros(t.bedrag)}\t${t.bron}`);
        }
      });
    });
  mt.command('zet')
    .description('legt een maximumtarief vast (overlapt geen bestaande periode van dezelfde verstrekker, wet en categorie)')
    .requiredOption('--wet <wet>', 'WLZ, WMO_HH, WMO_BG of JW')
    .requiredOption('--categorie <categorie>', 'formeel_uur, dagdeel of informeel_uur')
    .requiredOption('--van <JJJJ-MM-DD>', 'geldig vanaf')
    .option('--tot <JJJJ-MM-DD>', 'geldig tot en met (leeg: tot nader order)')
    .requiredOption('--bedrag <euro>', 'bijvoorbeeld 80.81')
    .requiredOption('--bron <tekst>', 'waar het tarief vandaan komt (Staatscourant, besluit van de gemeente)')
    .option('--verstrekker <code>', 'het eigen tarief van deze verstrekker (leeg: het landelijke van de wet)')
    .action(async (o: { wet: string; categorie: string; van: string; tot?: string; bedrag: string; bron: string; verstrekker?: string }) => {
      await withDb(async (db, config) => {
        const t = await setMaxTariff(db, { verstrekker: o.verstrekker ?? null, wet: o.wet, categorie: o.categorie, geldig_van: o.van, geldig_tot: o.tot ?? null, bedrag: o.bedrag, bron: o.bron }, { actor: config.actor });
        io.out(`maximumtarief ${t.verstrekker ?? 'landelijk'} ${t.wet} ${t.categorie} vanaf ${t.geldigVan}: ${formatEuros(t.bedrag)}`);
      });
    });

  const er = program.command('eigen-bedrag-regel').description('regels van de eigen bedragen (verantwoordingsvrij bedrag, reiskosten, administratiekosten) als gedateerde tabel');
  er.command('lijst')
    .description('alle regels met geldigheid en bron')
    .action(async () => {
      await withDb(async (db) => {
        for (const r of await loadOwnAmountRules(db)) {
          const pct = r.percentage === null ? 'vast' : `${formatEuros(r.percentage)}%`;
          io.out(`${r.verstrekker ?? 'landelijk'}\t${r.wet}\t${r.soort}\t${r.geldigVan} t/m ${r.geldigTot ?? '…'}\t${pct}\tmin ${formatEuros(r.minimum)}\tmax ${formatEuros(r.maximum)}\t${r.bron}`);
        }
      });
    });
  er.command('zet')
    .description('legt een regel vast voor een wet of een verstrekker')
    .requiredOption('--wet <wet>', 'WLZ, WMO_HH, WMO_BG of JW')
    .requiredOption('--soort <soort>', 'verantwoordingsvrij, reiskosten of administratiekosten')
    .requiredOption('--van <JJJJ-MM-DD>', 'geldig vanaf')
    .option('--tot <JJJJ-MM-DD>', 'geldig tot en met')
    .option('--percentage <procent>', 'procent van het bestede budget (bijvoorbeeld 1.5); zonder: een vast jaarbedrag')
    .option('--minimum <euro>', 'minimaal per jaar')
    .requiredOption('--maximum <euro>', 'maximaal per jaar')
    .requiredOption('--bron <tekst>', 'waar de regel vandaan komt')
    .option('--verstrekker <code>', 'de eigen regel van deze verstrekker')
    .action(async (o: { wet: string; soort: string; van: string; tot?: string; percentage?: string; minimum?: string; maximum: string; bron: string; verstrekker?: string }) => {
      await withDb(async (db, config) => {
        const r = await setOwnAmountRule(db, { verstrekker: o.verstrekker ?? null, wet: o.wet, soort: o.soort, geldig_van: o.van, geldig_tot: o.tot ?? null, percentage: o.percentage ?? null, minimum: o.minimum ?? null, maximum: o.maximum, bron: o.bron }, { actor: config.actor });
        io.out(`regel ${r.soort} ${r.verstrekker ?? 'landelijk'} ${r.wet} vanaf ${r.geldigVan}: maximaal ${formatEuros(r.maximum)} per jaar`);
      });
    });

  const eb = program.command('eigen-bedrag').description('eigen bedragen van budgethouders: verantwoordingsvrij bedrag, reiskosten, administratiekosten (betaald aan de budgethouder)');
  eb.command('aanvragen')
    .description('vraagt een eigen bedrag aan voor een budgethouder: getoetst aan het jaarmaximum, ten laste van het budget, betaald in de volgende betaalrun')
    .requiredOption('--bsn <bsn>', 'de budgethouder')
    .requiredOption('--wet <wet>', 'WLZ, WMO_HH, WMO_BG of JW')
    .requiredOption('--soort <soort>', 'verantwoordingsvrij, reiskosten of administratiekosten')
    .requiredOption('--jaar <JJJJ>', 'het jaar')
    .requiredOption('--bedrag <euro>', 'het bedrag')
    .option('--id <aanvraag_id>', 'eigen id: dezelfde aanvraag nogmaals verandert niets')
    .option('--omschrijving <tekst>', 'toelichting')
    .action(async (o: { bsn: string; wet: string; soort: string; jaar: string; bedrag: string; id?: string; omschrijving?: string }) => {
      await withDb(async (db, config) => {
        const holderId = await holderByBsn(db, o.bsn);
        const r = await requestOwnAmount(db, { aanvraagId: o.id, holderId, wet: o.wet, soort: o.soort, jaar: Number(o.jaar), bedrag: o.bedrag, omschrijving: o.omschrijving }, { actor: config.actor });
        io.out(`${r.created ? 'goedgekeurd' : 'al ontvangen, niets veranderd'}: ${r.row.aanvraag_id} ${r.row.soort} ${r.row.jaar} ${formatEuros(r.row.bedrag)} (${r.row.status})`);
      });
    });
  eb.command('lijst')
    .description('alle eigen bedragen en teruggestorte stortingen')
    .option('--jaar <JJJJ>', 'alleen dit jaar')
    .action(async (o: { jaar?: string }) => {
      await withDb(async (db) => {
        for (const r of await listOwnAmounts(db, { jaar: o.jaar ? Number(o.jaar) : undefined })) {
          io.out(`${r.aanvraag_id}\tbudgethouder ${r.budgethouder_id}\t${r.wet}\t${r.soort}\t${r.jaar}\t${formatEuros(r.bedrag)}\t${r.status}${r.betaling_id ? `\t${r.betaling_id}` : ''}`);
        }
      });
    });

  program
    .command('jaarafsluiting')
    .description('sluit de toekenningen af die in het jaar eindigen (budgetafsluiting), boekt wat over is terug naar de verstrekker en geeft overgebleven eigen stortingen terug; nogmaals draaien verandert niets')
    .requiredOption('--jaar <JJJJ>', 'het jaar (pas na 1 april van het jaar erna)')
    .option('--datum <JJJJ-MM-DD>', 'de dag van afsluiten (standaard vandaag)')
    .option('--uit <bestand>', 'de budgetafsluiting per toekenning als CSV, Excel (.xlsx), HTML of JSON')
    .option('--afrekening <bestand>', 'de jaarafrekening per verstrekker als CSV, Excel (.xlsx), HTML of JSON')
    .option('--formaat <formaat>', 'csv, xlsx, html of json (standaard: de extensie)')
    .action(async (o: { jaar: string; datum?: string; uit?: string; afrekening?: string; formaat?: string }) => {
      await withDb(async (db, config) => {
        const today = o.datum === undefined ? undefined : parseDate(o.datum);
        if (o.datum !== undefined && !today) throw new AppError('INVOER_ONGELDIG', `--datum '${o.datum}' is geen datum (JJJJ-MM-DD)`);
        const r = await closeYear(db, { jaar: Number(o.jaar), actor: config.actor, today });
        io.out(`jaarafsluiting ${r.jaar}: ${r.closed.length} toekenning(en) afgesloten, ${formatEuros(r.closed.reduce((s, c) => s + c.terugNaarVerstrekker, 0))} terug naar verstrekkers; ${r.returned.length} teruggave(n) van eigen stortingen (${formatEuros(r.returned.reduce((s, x) => s + x.bedrag, 0))})${r.closed.length + r.returned.length === 0 ? ': niets veranderd' : ''}`);
        for (const k of r.kept) io.out(`  eigen stortingen blijven staan: budgethouder ${k.holderId} ${k.wet} ${formatEuros(k.bedrag)}: ${k.reden}`);
        const tables = await yearEndTables(db, r.jaar);
        for (const row of tables.jaarafrekening.rijen) {
          io.out(`  ${row.verstrekker} ${row.wet}: ${row.budgetten} toekenning(en), toegekend ${formatEuros(Number(row.toegekend))}, besteed ${formatEuros(Number(row.besteed_declaraties))}, eigen bedragen ${formatEuros(Number(row.besteed_eigen_bedragen))}, terug ${formatEuros(Number(row.terug_naar_verstrekker))}`);
        }
        if (o.uit) {
          await writeTable(tables.budgetafsluiting, o.uit, o.formaat);
          io.out(`budgetafsluiting → ${o.uit}`);
        }
        if (o.afrekening) {
          await writeTable(tables.jaarafrekening, o.afrekening, o.formaat);
          io.out(`jaarafrekening → ${o.afrekening}`);
        }
      });
    });

  const tv = program.command('terugval').description('terugvaltoekenningen: voorlopige toekenningen markeren en in bulk verlengen als een verstrekker te laat is');
  tv.command('voorlopig')
    .description('markeert toekenningen (versies) als voorlopig (ambtshalve)')
    .argument('<toekenning_id...>')
    .requiredOption('--reden <tekst>', 'waarom ze voorlopig zijn')
    .action(async (ids: string[], o: { reden: string }) => {
      await withDb(async (db, config) => {
        const r = await markProvisional(db, { toekenningen: ids, reden: o.reden }, { actor: config.actor });
        io.out(`${r.marked} toekenning(en) als voorlopig gemarkeerd${r.marked < ids.length ? ` (${ids.length - r.marked} waren dat al)` : ''}`);
      });
    });
  tv.command('verleng')
    .description('verlengt de voorlopige toekenningen van een verstrekker tot een datum, met de uitzonderingslijst; --droog toont de lijst zonder iets vast te leggen')
    .requiredOption('--verstrekker <code>', 'de verstrekker die te laat is')
    .requiredOption('--tot <JJJJ-MM-DD>', 'de nieuwe einddatum')
    .option('--wet <wet>', 'alleen deze wet')
    .option('--droog', 'alleen de lijst: niets vastleggen')
    .option('--reden <tekst>', 'het besluit om te verlengen (verplicht zonder --droog)', '')
    .action(async (o: { verstrekker: string; tot: string; wet?: string; droog?: boolean; reden: string }) => {
      await withDb(async (db, config) => {
        const r = await extendFallback(db, { verstrekker: o.verstrekker, wet: o.wet ?? null, tot: o.tot, reden: o.reden, dryRun: o.droog === true }, { actor: config.actor });
        io.out(`${r.dryRun ? 'droog (niets vastgelegd)' : r.run}: ${r.extended.length} ${r.dryRun ? 'te verlengen' : 'verlengd'}, ${r.exceptions.length} niet verlengd`);
        for (const e of r.extended) io.out(`  verleng\t${e.budgetId}\t${e.was.einddatum} → ${e.einddatum}\t${formatEuros(e.was.bedrag)} → ${formatEuros(e.bedrag)}\t${e.toekenningId}`);
        for (const x of r.exceptions) io.out(`  niet\t${x.budgetId}\t${x.codes.join(',')}\t${x.reden}`);
        if (r.claims && Object.keys(r.claims).length > 0) io.out(`  declaraties opnieuw gecontroleerd: ${Object.entries(r.claims).map(([k, n]) => `${n} ${k}`).join(', ')}`);
      });
    });
}
