/**
 * `npm start` (`pgb demo`): builds a demo database on the embedded default from realistic files
 * written to `data/demo-bestanden`, runs the whole chain through the same commands a person would
 * use, and shows what happened. Every reason code occurs once; see docs/demo.md.
 */
import { mkdirSync, rmSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { syntheticBsn, syntheticIban } from '../kernel/synthetic.ts';
import { buildCamt053 } from '../modules/bank/index.ts';
import type { Cents } from '../kernel/money.ts';

interface DemoOptions {
  db: string;
  dir: string;
  io: { out: (l: string) => void; err: (l: string) => void };
  main: (args: string[]) => Promise<number>;
}

const BSN = { jansen: syntheticBsn(1), devries: syntheticBsn(2), elamrani: syntheticBsn(3), pietersen: syntheticBsn(4), visser: syntheticBsn(5), smit: syntheticBsn(6), onbekend: syntheticBsn(99) };
const IBAN = {
  GM0363: syntheticIban(363, 'BNGH'),
  GM0599: syntheticIban(599, 'BNGH'),
  ZK5501: syntheticIban(5501, 'INGB'),
  zzp1: syntheticIban(11),
  zzp2: syntheticIban(12),
  part1: syntheticIban(21),
  part2: syntheticIban(22),
  inst1: syntheticIban(31, 'RABO'),
  onbekend: syntheticIban(777),
  elamrani: syntheticIban(43),
};

export const DEMO_FILES: Record<string, string> = {
  'verstrekkers.csv': `code,naam,soort,iban
GM0363,Gemeente Amsterdam,gemeente,${IBAN.GM0363}
GM0599,Gemeente Rotterdam,gemeente,${IBAN.GM0599}
ZK5501,Zorgkantoor Zuid-Holland,zorgkantoor,${IBAN.ZK5501}
`,
  'budgethouders.csv': `bsn,naam,geboortedatum,iban,overlijdensdatum
${BSN.jansen},M. Jansen,1948-05-12,,
${BSN.devries},P. de Vries,1937-11-02,,
${BSN.elamrani},Y. El Amrani,2014-03-30,${IBAN.elamrani},
${BSN.pietersen},"Pietersen, J.",1979-08-21,,
${BSN.visser},A. Visser,1955-01-17,,
${BSN.smit},R. Smit,1962-06-06,,
`,
  'zorgverleners.csv': `zorgverlener_id,soort,naam,bsn,kvk,agb,iban
ZV-ZZP-1,zzp,Thuishulp De Linde,,81234567,,${IBAN.zzp1}
ZV-ZZP-2,zzp,Coaching Op Weg,,72345678,,${IBAN.zzp2}
ZV-PART-1,particulier,Anna Bakker,${syntheticBsn(201)},,,${IBAN.part1}
ZV-PART-2,particulier,Sanne de Boer,${syntheticBsn(202)},,,${IBAN.part2}
ZV-INST-1,instelling,Jeugdzorg Rijnmond B.V.,,63456789,41000123,${IBAN.inst1}
`,
  'toekenningen.csv': `toekenning_id,verstrekker,bsn,wet,ingangsdatum,einddatum,bedrag,vervangt
TKB-2026-0001,GM0363,${BSN.jansen},WMO_HH,2026-01-01,2026-12-31,6000.00,
TKB-2026-0002,GM0363,${BSN.jansen},WMO_HH,2026-10-01,2026-12-31,500.00,
TKB-2026-0101,ZK5501,${BSN.devries},WLZ,2026-01-01,2026-10-31,400.00,
TKB-2026-0102,ZK5501,${BSN.devries},WLZ,2026-10-01,2026-12-31,9000.00,
TKB-2026-0301,GM0599,${BSN.elamrani},JW,2026-01-01,2026-12-31,3000.00,
TKB-2026-0401,GM0363,${BSN.pietersen},WMO_BG,2026-01-01,2026-12-31,1200.00,
TKB-2026-0501,ZK5501,${BSN.visser},WLZ,2026-01-01,2026-12-31,30000.00,
TKB-2026-0601,GM0363,${BSN.smit},WMO_HH,2026-01-01,2026-12-31,4000.00,
`,
  'zorgovereenkomsten.csv': `zorgovereenkomst_id,bsn,zorgverlener_id,wet,soort,ingangsdatum,einddatum,eenheid,tarief,maximumtarief,maandbedrag,status
ZOK-001,${BSN.jansen},ZV-ZZP-1,WMO_HH,opdracht,2026-01-01,,uur,28.50,30.00,,geaccordeerd
ZOK-002,${BSN.devries},ZV-PART-1,WLZ,familie,2026-03-01,,uur,25.00,25.65,,geaccordeerd
ZOK-003,${BSN.elamrani},ZV-INST-1,JW,instelling,2025-09-01,,uur,75.00,70.00,,geaccordeerd
ZOK-004,${BSN.pietersen},ZV-ZZP-2,WMO_BG,opdracht,2026-01-01,2026-12-31,uur,55.00,60.00,,geaccordeerd
ZOK-005,${BSN.visser},ZV-PART-2,WLZ,arbeidsovereenkomst,2026-02-01,,maand,1850.00,,1850.00,geaccordeerd
ZOK-006,${BSN.smit},ZV-ZZP-1,WMO_HH,opdracht,2026-09-01,,uur,29.00,,,ingediend
`,
  'declaraties.csv': `declaratie_id,ontvangen_op,kanaal,bsn,zorgverlener_id,zorgovereenkomst_id,datum,eenheden,tarief,omschrijving
DCL-1001,2026-11-02T09:15:00+01:00,portaal,${BSN.jansen},ZV-ZZP-1,ZOK-001,2026-10-06,3,28.50,huishoudelijke hulp
DCL-1001,2026-11-02T09:15:00+01:00,portaal,${BSN.jansen},ZV-ZZP-1,ZOK-001,2026-10-13,3,28.50,huishoudelijke hulp
DCL-1001,2026-11-02T09:15:00+01:00,portaal,${BSN.jansen},ZV-ZZP-1,ZOK-001,2026-10-20,3.5,28.50,huishoudelijke hulp
DCL-1002,2026-11-02T10:40:00+01:00,post,${BSN.devries},ZV-PART-1,,2026-10-28,6,25.00,mantelzorg
DCL-1002,2026-11-02T10:40:00+01:00,post,${BSN.devries},ZV-PART-1,,2026-10-29,6,25.00,mantelzorg
DCL-1002,2026-11-02T10:40:00+01:00,post,${BSN.devries},ZV-PART-1,,2026-10-30,6,25.00,mantelzorg
DCL-1002,2026-11-02T10:40:00+01:00,post,${BSN.devries},ZV-PART-1,,2026-10-31,6,25.00,mantelzorg
DCL-1003,2026-11-02T11:05:00+01:00,email,${BSN.elamrani},ZV-INST-1,ZOK-003,2026-10-14,2,75.00,ambulante jeugdhulp
DCL-1004,2026-11-02T13:30:00+01:00,api,${BSN.pietersen},ZV-ZZP-2,ZOK-004,2026-10-05,8,55.00,begeleiding
DCL-1004,2026-11-02T13:30:00+01:00,api,${BSN.pietersen},ZV-ZZP-2,ZOK-004,2026-10-12,8,55.00,begeleiding
DCL-1004,2026-11-02T13:30:00+01:00,api,${BSN.pietersen},ZV-ZZP-2,ZOK-004,2026-10-19,8,55.00,begeleiding
DCL-1005,2026-11-02T14:00:00+01:00,portaal,${BSN.smit},ZV-ZZP-1,,2026-10-07,4,29.00,huishoudelijke hulp
DCL-1006,2026-11-03T08:00:00+01:00,post,${BSN.onbekend},ZV-ZZP-1,,2026-10-08,2,28.50,
DCL-1007,2026-11-03T08:30:00+01:00,portaal,${BSN.jansen},ZV-ZZP-2,,2026-10-09,2,40.00,coaching
DCL-1008,2026-11-03T09:00:00+01:00,portaal,${BSN.jansen},ZV-ZZP-1,ZOK-001,2026-10-13,3,28.50,huishoudelijke hulp (nogmaals)
DCL-1009,2026-11-03T09:10:00+01:00,email,${BSN.jansen},ZV-ZZP-1,ZOK-001,2026-10-21,25,28.50,
DCL-1010,2026-11-03T09:20:00+01:00,portaal,${BSN.jansen},ZV-ZZP-1,ZOK-001,2026-10-27,3,32.00,
DCL-1011,2026-11-03T10:00:00+01:00,post,${BSN.devries},ZV-PART-1,ZOK-002,2026-02-20,4,25.00,
DCL-1012,2026-11-03T11:00:00+01:00,email,${BSN.elamrani},ZV-INST-1,ZOK-003,2025-12-15,2,75.00,
DCL-1013,2026-11-04T09:00:00+01:00,portaal,${BSN.jansen},ZV-ZZP-1,ZOK-001,2026-10-28,3,28.50,huishoudelijke hulp
DCL-1014,2026-11-04T09:05:00+01:00,portaal,${BSN.jansen},ZV-ZZP-1,ZOK-001,2026-12-01,3,28.50,
`,
  'accorderingen.csv': `zorgovereenkomst_id,besluit,datum,maximumtarief,reden
ZOK-006,geaccordeerd,2026-11-05,30.00,
`,
  'toekenningen-correctie.csv': `toekenning_id,verstrekker,bsn,wet,ingangsdatum,einddatum,bedrag,vervangt
TKB-2026-0401-C1,GM0363,${BSN.pietersen},WMO_BG,2026-01-01,2026-12-31,2400.00,TKB-2026-0401
TKB-2026-0002-C1,GM0363,${BSN.jansen},WMO_HH,2026-10-01,2026-12-31,0.00,TKB-2026-0002
`,
  'declaraties-fout.csv': `declaratie_id,ontvangen_op,kanaal,bsn,zorgverlener_id,datum,eenheden,tarief
DCL-2001,2026-11-05T09:00:00+01:00,fax,${BSN.jansen},ZV-ZZP-1,2026-10-06,3,28.50
DCL-2002,2026-11-05,portaal,123456789,ZV-ZZP-1,2026-13-01,drie,28,50
`,
};

export async function runDemo(opts: DemoOptions): Promise<number> {
  const { io } = opts;
  const dir = resolve(opts.dir);
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(DEMO_FILES)) writeFileSync(join(dir, name), content);
  const isPostgres = /^postgres/.test(opts.db);
  if (!isPostgres && existsSync(opts.db)) rmSync(opts.db, { recursive: true, force: true });
  const f = (name: string) => join(dir, name);
  const pgb = async (...args: string[]): Promise<number> => {
    io.out(`\n$ pgb ${args.join(' ')}`);
    return opts.main(['--db', opts.db, '--actor', 'demo:backoffice', ...args]);
  };
  const must = async (...args: string[]) => {
    const code = await pgb(...args);
    if (code !== 0) throw new Error(`pgb ${args.join(' ')} eindigde met ${code}`);
  };

  io.out(`Demo van het pgb-trekkingsrecht: database ${isPostgres ? opts.db : resolve(opts.db)}, bestanden in ${dir}`);
  io.out('\n== 1. Partijen, toekenningen, zorgovereenkomsten en de eerste declaraties ==');
  await must('import', 'verstrekkers', f('verstrekkers.csv'));
  await must('import', 'budgethouders', f('budgethouders.csv'));
  await must('import', 'zorgverleners', f('zorgverleners.csv'));
  await must('import', 'toekenningen', f('toekenningen.csv'));
  await must('import', 'zorgovereenkomsten', f('zorgovereenkomsten.csv'));
  await must('import', 'declaraties', f('declaraties.csv'));
  io.out('\n-- nogmaals hetzelfde bestand: verandert niets');
  await must('import', 'declaraties', f('declaraties.csv'));
  io.out('\n-- een bestand met fouten: precieze meldingen, niets opgeslagen');
  const bad = await pgb('import', 'declaraties', f('declaraties-fout.csv'));
  io.out(`(eindcode ${bad})`);

  io.out('\n== 2. Wat binnenkomt maakt geparkeerde declaraties vanzelf weer los ==');
  await must('import', 'accorderingen', f('accorderingen.csv'));
  await must('import', 'toekenningen', f('toekenningen-correctie.csv'));

  io.out('\n== 3. Maandloon en de eerste betaalrun ==');
  await must('maandloon', '--maand', '2026-10');
  await must('maandloon', '--maand', '2026-10');
  const sepa1 = f('betaalrun-2026-11-06.xml');
  await must('betaalrun', '--datum', '2026-11-06', '--sepa', sepa1);
  await must('betaalrun', '--datum', '2026-11-06', '--sepa', f('betaalrun-leeg.xml'));

  io.out('\n== 4. Het bankafschrift: bevestigingen, een terugboeking, stortingen en een onbekende post ==');
  const camt = f('afschrift-2026-11-09.xml');
  writeFileSync(camt, bankStatementFor(sepa1));
  await must('bank', camt);
  await must('bank', camt);

  io.out('\n== 5. De tweede betaalrun betaalt wat vrijkwam en wat terugkwam ==');
  await must('betaalrun', '--datum', '2026-11-13', '--sepa', f('betaalrun-2026-11-13.xml'));

  io.out('\n== 6. Controle, export en het spoor van één declaratie ==');
  const check = await pgb('controle');
  await must('export', 'declaraties');
  await must('export', 'budgetten', '--uit', f('budgetten.csv'));
  await must('export', 'betalingen', '--uit', f('betalingen.csv'));
  io.out(readFileSync(f('budgetten.csv'), 'utf8').trimEnd());
  await must('trace', 'DCL-1003');
  io.out(`\nKlaar. De bestanden staan in ${dir}; de database in ${isPostgres ? opts.db : resolve(opts.db)}.`);
  return check;
}

/**
 * A bank statement (camt.053.001.08) for the first run, as a bank would send it: the run booked as
 * one batch with a line per transfer, except the transfer to Anna Bakker which comes back (AC04,
 * account closed); a funder's deposit; a holder's own deposit that names client number and law;
 * and a credit nobody can place.
 */
export function bankStatementFor(sepaFile: string): string {
  const xml = readFileSync(sepaFile, 'utf8');
  const transfers = [...xml.matchAll(/<CdtTrfTxInf>[\s\S]*?<EndToEndId>([^<]+)<\/EndToEndId>[\s\S]*?<InstdAmt Ccy="EUR">([\d.]+)<\/InstdAmt>[\s\S]*?<Cdtr>\s*<Nm>([^<]+)<\/Nm>[\s\S]*?<IBAN>([^<]+)<\/IBAN>[\s\S]*?<\/CdtTrfTxInf>/g)].map((m) => ({
    e2e: m[1]!,
    amount: Math.round(Number(m[2]) * 100) as Cents,
    name: m[3]!,
    iban: m[4]!,
  }));
  const returned = transfers.find((t) => t.name === 'Anna Bakker');
  const elAmraniClient = 1000003; // client numbers follow the order of budgethouders.csv
  return buildCamt053({
    messageId: 'DEMO-AFS-20261109',
    createdAt: new Date('2026-11-09T06:00:00+01:00'),
    statements: [
      {
        statementId: 'DEMO-2026-11-09',
        account: 'NL91ABNA0417164300',
        openingBalance: 25_000_00 as Cents,
        entries: [
          {
            entryRef: 'BTR-20261106',
            direction: 'DBIT',
            bookingDate: '2026-11-06' as never,
            transactions: transfers.map((t) => ({ amount: t.amount, endToEndId: t.e2e, counterpartyName: t.name, counterpartyIban: t.iban })),
          },
          ...(returned
            ? [
                {
                  entryRef: 'RTR-20261109-1',
                  direction: 'CRDT' as const,
                  bookingDate: '2026-11-09' as never,
                  transactions: [{ amount: returned.amount, originalEndToEndId: returned.e2e, returnReason: 'AC04', counterpartyName: returned.name, counterpartyIban: returned.iban }],
                },
              ]
            : []),
          {
            entryRef: 'STR-GM0363-11',
            direction: 'CRDT',
            bookingDate: '2026-11-09' as never,
            transactions: [{ amount: 15_000_00 as Cents, counterpartyName: 'Gemeente Amsterdam', counterpartyIban: IBAN.GM0363, remittance: 'Bevoorschotting pgb november 2026' }],
          },
          {
            entryRef: 'STR-EIGEN-1',
            direction: 'CRDT',
            bookingDate: '2026-11-09' as never,
            transactions: [{ amount: 10_00 as Cents, counterpartyName: 'Y. El Amrani', counterpartyIban: IBAN.elamrani, remittance: `PGB STORTING ${elAmraniClient} JW` }],
          },
          {
            entryRef: 'ONB-1',
            direction: 'CRDT',
            bookingDate: '2026-11-09' as never,
            transactions: [{ amount: 123_45 as Cents, counterpartyName: 'Onbekende afzender', counterpartyIban: IBAN.onbekend, remittance: 'factuur 2026-881' }],
          },
        ],
      },
    ],
  });
}

export function readCsvFile(path: string): Record<string, string>[] {
  return parse(readFileSync(path, 'utf8'), { columns: true }) as Record<string, string>[];
}
