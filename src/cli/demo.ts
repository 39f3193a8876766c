/**
 * `npm start` (`pgb demo`): builds a demo database on the embedded default from realistic files
 * written to `data/demo-bestanden`, runs the whole chain through the same commands a person would
 * use, and shows what happened. Every reason code occurs once. M. Jansen employs a carer (Lotte
 * Mulder, ZOK-007) through the payroll: the payroll run makes her payslip before the first payment
 * run, which pays her net; the wage tax and premiums wait in the ledger for the Belastingdienst.
 */
import { mkdirSync, rmSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { syntheticBsn, syntheticIban } from '../kernel/synthetic.ts';
import { buildCamt053 } from '../modules/bank/index.ts';
import { formatEuros, type Cents } from '../kernel/money.ts';
import { BELASTINGDIENST } from '../modules/loonadministratie/index.ts';
import { addDays, addWorkingDays, dateInNetherlands, daysInMonth, type PlainDate } from '../kernel/dates.ts';
import { openDb } from '../db/connection.ts';

function previousMonthStart(d: PlainDate): PlainDate {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7));
  return (m === 1 ? `${y - 1}-12-01` : `${y}-${String(m - 1).padStart(2, '0')}-01`) as PlainDate;
}

function lastOfMonth(first: PlainDate): PlainDate {
  return `${first.slice(0, 8)}${String(daysInMonth(Number(first.slice(0, 4)), Number(first.slice(5, 7)))).padStart(2, '0')}` as PlainDate;
}

interface DemoOptions {
  db: string;
  now?: Date;
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
  part1New: syntheticIban(23, 'RABO'),
  inst1: syntheticIban(31, 'RABO'),
  onbekend: syntheticIban(777),
  elamrani: syntheticIban(43),
  part3: syntheticIban(24, 'INGB'),
};

/** The days of the care month on which the employed carer of M. Jansen works (3 days a week, 7 hours). */
export const DEMO_LOON_DAGEN = [2, 3, 4, 9, 10, 11, 16, 17, 18, 23, 24, 25];

/** The dates of the demo, relative to today so that the story is always recent and consistent. */
export function demoDates(today: PlainDate) {
  const anchor = addDays(today, -5);
  const careFirst = previousMonthStart(anchor);
  const y = careFirst.slice(0, 4);
  const careLast = lastOfMonth(careFirst);
  const day = (n: number) => addDays(careFirst, n - 1);
  const at = (d: PlainDate, time: string) => `${d}T${time}:00+01:00`;
  return {
    today,
    careMonth: careFirst.slice(0, 7),
    careFirst,
    careLast,
    yearStart: `${y}-01-01` as PlainDate,
    yearEnd: `${y}-12-31` as PlainDate,
    day,
    r1: (t: string) => at(addDays(today, -3), t),
    r2: (t: string) => at(addDays(today, -2), t),
    r3: (t: string) => at(addDays(today, -1), t),
  };
}

/**
 * The days of the demo's three payment runs: the first on the day the payments start, the others
 * one and two working days later. A demo started just before midnight must not ask the bank for a
 * day that has passed by the time its runs are made (`pgb betaalrun` refuses a date in the past):
 * the first day is the later of the demo's own today and `soon`, the day in the Netherlands a few
 * minutes after the payments start.
 */
export function demoPaymentDays(demoToday: PlainDate, soon: PlainDate) {
  const first = soon > demoToday ? soon : demoToday;
  return { first, second: addWorkingDays(first, 1), third: addWorkingDays(first, 2) };
}

export type DemoDates = ReturnType<typeof demoDates>;

export function demoFiles(d: DemoDates): Record<string, string> {
  return {
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
ZV-PART-3,particulier,Lotte Mulder,${syntheticBsn(203)},,,${IBAN.part3}
`,
  'toekenningen.csv': `toekenning_id,verstrekker,bsn,wet,ingangsdatum,einddatum,bedrag,vervangt
TKB-2026-0001,GM0363,${BSN.jansen},WMO_HH,${d.yearStart},${d.yearEnd},6000.00,
TKB-2026-0002,GM0363,${BSN.jansen},WMO_HH,${d.careFirst},${d.yearEnd},500.00,
TKB-2026-0101,ZK5501,${BSN.devries},WLZ,${d.yearStart},${d.careLast},400.00,
TKB-2026-0102,ZK5501,${BSN.devries},WLZ,${d.careFirst},${d.yearEnd},9000.00,
TKB-2026-0301,GM0599,${BSN.elamrani},JW,${d.careFirst},${d.yearEnd},3000.00,
TKB-2026-0401,GM0363,${BSN.pietersen},WMO_BG,${d.yearStart},${d.yearEnd},1200.00,
TKB-2026-0501,ZK5501,${BSN.visser},WLZ,${d.yearStart},${d.yearEnd},30000.00,
TKB-2026-0601,GM0363,${BSN.smit},WMO_HH,${d.yearStart},${d.yearEnd},4000.00,
`,
  'zorgovereenkomsten.csv': `zorgovereenkomst_id,bsn,zorgverlener_id,wet,soort,ingangsdatum,einddatum,eenheid,tarief,maximumtarief,maandbedrag,status
ZOK-001,${BSN.jansen},ZV-ZZP-1,WMO_HH,opdracht,${d.yearStart},,uur,28.50,30.00,,geaccordeerd
ZOK-002,${BSN.devries},ZV-PART-1,WLZ,familie,${addDays(d.careFirst, -40)},,uur,25.00,25.65,,geaccordeerd
ZOK-003,${BSN.elamrani},ZV-INST-1,JW,instelling,${addDays(d.yearStart, -120)},,uur,75.00,70.00,,geaccordeerd
ZOK-004,${BSN.pietersen},ZV-ZZP-2,WMO_BG,opdracht,${d.yearStart},${d.yearEnd},uur,55.00,60.00,,geaccordeerd
ZOK-005,${BSN.visser},ZV-PART-2,WLZ,arbeidsovereenkomst,${d.yearStart},,maand,1850.00,,1850.00,geaccordeerd
ZOK-006,${BSN.smit},ZV-ZZP-1,WMO_HH,opdracht,${addDays(d.careFirst, -30)},,uur,29.00,,,ingediend
ZOK-007,${BSN.jansen},ZV-PART-3,WMO_HH,arbeidsovereenkomst,${d.yearStart},,uur,18.50,,,geaccordeerd
`,
  'declaraties.csv': `declaratie_id,ontvangen_op,kanaal,bsn,zorgverlener_id,zorgovereenkomst_id,datum,eenheden,tarief,omschrijving
DCL-1001,${d.r1('09:15')},portaal,${BSN.jansen},ZV-ZZP-1,ZOK-001,${d.day(6)},3,28.50,huishoudelijke hulp
DCL-1001,${d.r1('09:15')},portaal,${BSN.jansen},ZV-ZZP-1,ZOK-001,${d.day(13)},3,28.50,huishoudelijke hulp
DCL-1001,${d.r1('09:15')},portaal,${BSN.jansen},ZV-ZZP-1,ZOK-001,${d.day(20)},3.5,28.50,huishoudelijke hulp
DCL-1002,${d.r1('10:40')},post,${BSN.devries},ZV-PART-1,,${d.day(28)},6,25.00,mantelzorg
DCL-1002,${d.r1('10:40')},post,${BSN.devries},ZV-PART-1,,${d.day(29)},6,25.00,mantelzorg
DCL-1002,${d.r1('10:40')},post,${BSN.devries},ZV-PART-1,,${d.day(30)},6,25.00,mantelzorg
DCL-1002,${d.r1('10:40')},post,${BSN.devries},ZV-PART-1,,${d.day(31)},6,25.00,mantelzorg
DCL-1003,${d.r1('11:05')},email,${BSN.elamrani},ZV-INST-1,ZOK-003,${d.day(14)},2,75.00,ambulante jeugdhulp
DCL-1004,${d.r1('13:30')},api,${BSN.pietersen},ZV-ZZP-2,ZOK-004,${d.day(5)},8,55.00,begeleiding
DCL-1004,${d.r1('13:30')},api,${BSN.pietersen},ZV-ZZP-2,ZOK-004,${d.day(12)},8,55.00,begeleiding
DCL-1004,${d.r1('13:30')},api,${BSN.pietersen},ZV-ZZP-2,ZOK-004,${d.day(19)},8,55.00,begeleiding
DCL-1005,${d.r1('14:00')},portaal,${BSN.smit},ZV-ZZP-1,,${d.day(7)},4,29.00,huishoudelijke hulp
DCL-1006,${d.r2('08:00')},post,${BSN.onbekend},ZV-ZZP-1,,${d.day(8)},2,28.50,
DCL-1007,${d.r2('08:30')},portaal,${BSN.jansen},ZV-ZZP-2,,${d.day(9)},2,40.00,coaching
DCL-1008,${d.r2('09:00')},portaal,${BSN.jansen},ZV-ZZP-1,ZOK-001,${d.day(13)},3,28.50,huishoudelijke hulp (nogmaals)
DCL-1009,${d.r2('09:10')},email,${BSN.jansen},ZV-ZZP-1,ZOK-001,${d.day(21)},25,28.50,
DCL-1010,${d.r2('09:20')},portaal,${BSN.jansen},ZV-ZZP-1,ZOK-001,${d.day(27)},3,32.00,
DCL-1011,${d.r2('10:00')},post,${BSN.devries},ZV-PART-1,ZOK-002,${addDays(d.careFirst, -49)},4,25.00,
DCL-1012,${d.r2('11:00')},email,${BSN.elamrani},ZV-INST-1,ZOK-003,${addDays(d.careFirst, -17)},2,75.00,
DCL-1013,${d.r3('09:00')},portaal,${BSN.jansen},ZV-ZZP-1,ZOK-001,${d.day(28)},3,28.50,huishoudelijke hulp
DCL-1014,${d.r3('09:05')},portaal,${BSN.jansen},ZV-ZZP-1,ZOK-001,${addDays(d.today, 7)},3,28.50,
DCL-1015,${d.r3('09:10')},post,${BSN.jansen},ZV-ZZP-1,ZOK-001,${addDays(d.yearStart, -500)},3,28.50,huishoudelijke hulp (te laat)
${DEMO_LOON_DAGEN.map((n) => `DCL-1016,${d.r1('16:00')},portaal,${BSN.jansen},ZV-PART-3,ZOK-007,${d.day(n)},7,18.50,huishoudelijke hulp en verzorging (in loondienst)`).join('\n')}
`,
  'accorderingen.csv': `zorgovereenkomst_id,besluit,datum,maximumtarief,reden
ZOK-006,geaccordeerd,${d.today},30.00,
`,
  'toekenningen-correctie.csv': `toekenning_id,verstrekker,bsn,wet,ingangsdatum,einddatum,bedrag,vervangt
TKB-2026-0401-C1,GM0363,${BSN.pietersen},WMO_BG,${d.yearStart},${d.yearEnd},1400.00,TKB-2026-0401
TKB-2026-0002-C1,GM0363,${BSN.jansen},WMO_HH,${d.careFirst},${d.yearEnd},0.00,TKB-2026-0002
`,
  'declaraties-fout.csv': `declaratie_id,ontvangen_op,kanaal,bsn,zorgverlener_id,datum,eenheden,tarief
DCL-2001,${d.r3('12:00')},fax,${BSN.jansen},ZV-ZZP-1,${d.day(6)},3,28.50
DCL-2002,${d.today},portaal,123456789,ZV-ZZP-1,2026-13-01,drie,28,50
`,
};
}

export async function runDemo(opts: DemoOptions): Promise<number> {
  const { io } = opts;
  const dir = resolve(opts.dir);
  mkdirSync(dir, { recursive: true });
  const d = demoDates(dateInNetherlands(opts.now ?? new Date()));
  for (const [name, content] of Object.entries(demoFiles(d))) writeFileSync(join(dir, name), content);
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
  io.out('\n-- M. Jansen heeft Lotte Mulder in loondienst (3 dagen per week) en kiest voor netto uitbetalen via de loonadministratie; zij kiest de loonheffingskorting');
  await must('loon', 'afspraak', '--zorgovereenkomst', 'ZOK-007', '--dagen', '3', '--loonadministratie', 'ja', '--heffingskorting', 'ja', '--vast', 'ja', '--geboortedatum', '1986-04-09', '--reden', 'keuze van de budgethouder op het model arbeidsovereenkomst');
  await must('import', 'declaraties', f('declaraties.csv'));
  io.out('\n-- nogmaals hetzelfde bestand: verandert niets');
  await must('import', 'declaraties', f('declaraties.csv'));
  io.out('\n-- een bestand met fouten: precieze meldingen, niets opgeslagen');
  const bad = await pgb('import', 'declaraties', f('declaraties-fout.csv'));
  io.out(`(eindcode ${bad})`);

  io.out('\n== 2. Wat binnenkomt maakt geparkeerde declaraties vanzelf weer los ==');
  await must('import', 'accorderingen', f('accorderingen.csv'));
  await must('import', 'toekenningen', f('toekenningen-correctie.csv'));

  io.out('\n== 3. Maandloon, de loonrun en de eerste betaalrun ==');
  await must('maandloon', '--maand', d.careMonth);
  await must('maandloon', '--maand', d.careMonth);
  io.out('\n-- de loonrun: een loonstrook voor Lotte Mulder; zij krijgt netto betaald, de loonheffing en de werkgeverspremies gaan naar de Belastingdienst');
  await must('loon', 'run', '--periode', d.careMonth);
  await must('loon', 'run', '--periode', d.careMonth);
  io.out(`grootboek ${BELASTINGDIENST.kind}:${BELASTINGDIENST.key}: af te dragen aan de Belastingdienst ${formatEuros(await accountBalance(opts.db, BELASTINGDIENST))}`);
  await must('loon', 'overzicht', '--periode', d.careMonth);
  const pay = demoPaymentDays(d.today, dateInNetherlands(new Date(Date.now() + 5 * 60_000))); // the demo takes well under five minutes
  const sepa1 = f(`betaalrun-${pay.first}.xml`);
  await must('betaalrun', '--datum', pay.first, '--sepa', sepa1);
  await must('betaalrun', '--datum', pay.first, '--sepa', f('betaalrun-leeg.xml'));

  io.out('\n== 4. Het bankafschrift: bevestigingen, een terugboeking, stortingen en een onbekende post ==');
  const camt = f(`afschrift-${pay.first}.xml`);
  writeFileSync(camt, bankStatementFor(sepa1, pay.first, await clientNumber(opts.db, BSN.elamrani)));
  await must('bank', camt);
  await must('bank', camt);

  io.out('\n== 5. De tweede betaalrun betaalt wat vrijkwam; wat terugkwam wacht op een nieuw IBAN ==');
  await must('betaalrun', '--datum', pay.second, '--sepa', f(`betaalrun-${pay.second}.xml`));
  await must('iban', 'ZV-PART-1', IBAN.part1New, '--reden', 'nieuw rekeningnummer doorgegeven door de zorgverlener (brief)');
  await must('betaalrun', '--datum', pay.third, '--sepa', f(`betaalrun-${pay.third}.xml`));

  io.out('\n== 6. Controle, export en het spoor van één declaratie ==');
  const check = await pgb('controle');
  await must('export', 'declaraties');
  await must('export', 'budgetten');
  await must('export', 'betalingen', '--uit', f('betalingen.csv'));
  await must('trace', 'DCL-1003');

  io.out('\n== 7. Signalen: het budget van J. Pietersen raakt op (minder dan 10% over) ==');
  await must('mailadres', 'budgethouder', BSN.pietersen, 'j.pietersen@example.org');
  await must('mailadres', 'verstrekker', 'GM0363', 'pgb-signalen@amsterdam.example.org');
  await must('signalen', '--toon');
  await must('mail');
  io.out(`\nKlaar. De bestanden staan in ${dir}; de database in ${isPostgres ? opts.db : resolve(opts.db)}.`);
  return check;
}

/**
 * A bank statement (camt.053.001.08) for the first run, as a bank would send it: the run booked as
 * one batch with a line per transfer, except the transfer to Anna Bakker which comes back (AC04,
 * account closed); a funder's deposit; a holder's own deposit that names client number and law;
 * and a credit nobody can place.
 */
export function bankStatementFor(sepaFile: string, bookingDate: PlainDate, elAmraniClient: number): string {
  const xml = readFileSync(sepaFile, 'utf8');
  const transfers = [...xml.matchAll(/<CdtTrfTxInf>[\s\S]*?<EndToEndId>([^<]+)<\/EndToEndId>[\s\S]*?<InstdAmt Ccy="EUR">([\d.]+)<\/InstdAmt>[\s\S]*?<Cdtr>\s*<Nm>([^<]+)<\/Nm>[\s\S]*?<IBAN>([^<]+)<\/IBAN>[\s\S]*?<\/CdtTrfTxInf>/g)].map((m) => ({
    e2e: m[1]!,
    amount: Math.round(Number(m[2]) * 100) as Cents,
    name: m[3]!,
    iban: m[4]!,
  }));
  const returned = transfers.find((t) => t.name === 'Anna Bakker');
  return buildCamt053({
    messageId: `DEMO-AFS-${bookingDate}`,
    createdAt: new Date(`${bookingDate}T18:00:00+01:00`),
    statements: [
      {
        statementId: `DEMO-${bookingDate}`,
        account: 'NL91ABNA0417164300',
        openingBalance: 25_000_00 as Cents,
        entries: [
          {
            entryRef: 'BTR-1',
            direction: 'DBIT',
            bookingDate,
            transactions: transfers.map((t) => ({ amount: t.amount, endToEndId: t.e2e, counterpartyName: t.name, counterpartyIban: t.iban })),
          },
          ...(returned
            ? [
                {
                  entryRef: 'RTR-1',
                  direction: 'CRDT' as const,
                  bookingDate,
                  transactions: [{ amount: returned.amount, originalEndToEndId: returned.e2e, returnReason: 'AC04', counterpartyName: returned.name, counterpartyIban: returned.iban }],
                },
              ]
            : []),
          {
            entryRef: 'STR-GM0363',
            direction: 'CRDT',
            bookingDate,
            transactions: [{ amount: 15_000_00 as Cents, counterpartyName: 'Gemeente Amsterdam', counterpartyIban: IBAN.GM0363, remittance: `Bevoorschotting pgb ${bookingDate.slice(0, 7)}` }],
          },
          {
            entryRef: 'STR-EIGEN-1',
            direction: 'CRDT',
            bookingDate,
            transactions: [{ amount: 10_00 as Cents, counterpartyName: 'Y. El Amrani', counterpartyIban: IBAN.elamrani, remittance: `PGB STORTING ${elAmraniClient} JW` }],
          },
          {
            entryRef: 'ONB-1',
            direction: 'CRDT',
            bookingDate,
            transactions: [{ amount: 123_45 as Cents, counterpartyName: 'Onbekende afzender', counterpartyIban: IBAN.onbekend, remittance: 'factuur 2026-881' }],
          },
        ],
      },
    ],
  });
}

/** What the ledger holds on a liability account (a credit balance, as a positive amount). */
async function accountBalance(target: string, account: { kind: string; key: string }): Promise<Cents> {
  const db = await openDb({ target });
  try {
    const r = await db.query<{ saldo: string | number }>(`SELECT saldo FROM rekeningen WHERE soort = $1 AND sleutel = $2`, [account.kind, account.key]);
    return -Number(r.rows[0]?.saldo ?? 0) as Cents;
  } finally {
    await db.close();
  }
}

/** The client number the platform gave a holder (the demo's bank statement names it). */
async function clientNumber(target: string, bsn: string): Promise<number> {
  const db = await openDb({ target });
  try {
    const r = await db.query<{ clientnummer: number }>(`SELECT clientnummer FROM budgethouders WHERE bsn = $1`, [bsn]);
    return r.rows[0]!.clientnummer;
  } finally {
    await db.close();
  }
}

export function readCsvFile(path: string): Record<string, string>[] {
  return parse(readFileSync(path, 'utf8'), { columns: true }) as Record<string, string>[];
}
