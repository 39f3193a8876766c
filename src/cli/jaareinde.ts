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
import { loadMaxTariffs, loadOwnAmountRules, setMaxTariff, setOwnAmountRule } from '../modules/tarieven/index.ts';

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
}
