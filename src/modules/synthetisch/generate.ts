/**
 * `pgb genereer`: writes a synthetic country as the files of docs/formats-csv.md and camt.053 bank
 * statements, with a manifest (`manifest.json`) that names the order in which to read them and what
 * each month's claims must give. Files are written through a small buffer, month by month, so a
 * year's claims never sit in memory at once.
 */
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { buildCamt053 } from '../bank/index.ts';
import { buildCountry, type GenerateOptions } from './core/country.ts';
import { ClaimStream, type MonthStats } from './core/claims.ts';
import {
  HEADERS,
  OPERATOR_IBAN,
  agreementRow,
  allocationRow,
  claimRows,
  correctionRow,
  decisionRow,
  funderRow,
  holderRow,
  monthFiles,
  monthText,
  providerRow,
  statementOf,
  stepsOf,
  type Step,
} from './core/files.ts';

export interface Progress {
  start(total: number, what: string): void;
  update(done: number, what: string): void;
  stop(): void;
}

export interface GenerateFilesOptions extends GenerateOptions {
  dir: string;
  /** Also write `verwacht-<maand>.csv`: each claim's expected outcome. */
  expectations?: boolean;
  progress?: Progress;
}

export interface Manifest {
  versie: 1;
  zaad: string;
  schaal: number;
  jaar: number;
  maanden: number;
  aantallen: Record<string, number>;
  verwacht: Record<string, number>;
  perMaand: MonthStats[];
  stappen: Step[];
}

/** Writes through a 1 MiB buffer. */
class FileWriter {
  private readonly fd: number;
  private chunks: string[] = [];
  private size = 0;

  constructor(path: string, header?: string) {
    this.fd = openSync(path, 'w');
    if (header) this.write(header);
  }

  write(text: string): void {
    this.chunks.push(text);
    this.size += text.length;
    if (this.size >= 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.chunks.length === 0) return;
    writeSync(this.fd, this.chunks.join(''));
    this.chunks = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

const tick = () => new Promise<void>((r) => setImmediate(r));

export async function generateFiles(o: GenerateFilesOptions): Promise<Manifest> {
  mkdirSync(o.dir, { recursive: true });
  const progress = o.progress;
  const country = buildCountry(o);
  const { year, months } = country.options;
  const total = country.holders.length + country.agreements.length + country.options.claims;
  progress?.start(total, 'budgethouders');
  let done = 0;
  const file = (name: string, header?: string) => new FileWriter(join(o.dir, name), header);

  let w = file('verstrekkers.csv', HEADERS.verstrekkers);
  for (const f of country.funders) w.write(funderRow(f));
  w.close();
  w = file('budgethouders.csv', HEADERS.budgethouders);
  for (const h of country.holders) {
    w.write(holderRow(h));
    if (++done % 10_000 === 0) progress?.update(done, 'budgethouders');
  }
  w.close();
  w = file('zorgverleners.csv', HEADERS.zorgverleners);
  for (const p of country.providers) w.write(providerRow(p));
  w.close();
  w = file('toekenningen.csv', HEADERS.toekenningen);
  for (const a of country.allocations) if (a.arrivalMonth === 0) w.write(allocationRow(a));
  w.close();
  w = file('zorgovereenkomsten.csv', HEADERS.zorgovereenkomsten);
  for (const a of country.agreements) {
    if (a.arrivalMonth === 0) w.write(agreementRow(a));
    if (++done % 10_000 === 0) progress?.update(done, 'zorgovereenkomsten');
  }
  w.close();
  await tick();

  const stream = new ClaimStream(country);
  const perMonth: MonthStats[] = [];
  const expected: Record<string, number> = {};
  let lines = 0;
  for (let m = 1; m <= months; m++) {
    const mt = monthText(year, m);
    const files = monthFiles(country, m);
    if (files.toekenningen) {
      w = file(`toekenningen-${mt}.csv`, HEADERS.toekenningen);
      for (const a of country.allocations) {
        if (a.arrivalMonth === m) w.write(allocationRow(a));
        if (a.correction?.month === m) w.write(correctionRow(a));
      }
      w.close();
    }
    if (files.zorgovereenkomsten) {
      w = file(`zorgovereenkomsten-${mt}.csv`, HEADERS.zorgovereenkomsten);
      for (const a of country.agreements) if (a.arrivalMonth === m) w.write(agreementRow(a));
      w.close();
    }
    if (files.accorderingen) {
      w = file(`accorderingen-${mt}.csv`, HEADERS.accorderingen);
      for (const a of country.agreements) if (a.decision?.month === m) w.write(decisionRow(a));
      w.close();
    }
    const { claims, stats } = stream.month(m);
    w = file(`declaraties-${mt}.csv`, HEADERS.declaraties);
    const x = o.expectations ? file(`verwacht-${mt}.csv`, 'declaratie_id,verwacht\n') : null;
    for (const c of claims) {
      w.write(claimRows(c));
      x?.write(`${c.id},${c.expected}\n`);
      if (++done % 10_000 === 0) progress?.update(done, `declaraties ${mt}`);
    }
    w.close();
    x?.close();
    perMonth.push(stats);
    lines += stats.lines;
    for (const [k, v] of Object.entries(stats.expected)) expected[k] = (expected[k] ?? 0) + v;

    const s = statementOf(country, m);
    writeFileSync(
      join(o.dir, `afschrift-${mt}.xml`),
      buildCamt053({
        messageId: s.statementId,
        createdAt: new Date(`${s.bookingDate}T18:00:00Z`),
        statements: [
          {
            statementId: s.statementId,
            account: OPERATOR_IBAN,
            openingBalance: 0 as never,
            entries: s.credits.map((c) => ({
              entryRef: c.ref,
              direction: 'CRDT' as const,
              bookingDate: s.bookingDate,
              transactions: [{ amount: c.amount, counterpartyName: c.name, counterpartyIban: c.iban, remittance: c.remittance }],
            })),
          },
        ],
      }),
    );
    await tick();
  }
  progress?.update(total, 'klaar');
  progress?.stop();

  const manifest: Manifest = {
    versie: 1,
    zaad: country.options.seed,
    schaal: country.options.holders,
    jaar: year,
    maanden: months,
    aantallen: {
      verstrekkers: country.funders.length,
      budgethouders: country.holders.length,
      zorgverleners: country.providers.length,
      toekenningen: country.allocations.length,
      zorgovereenkomsten: country.agreements.length,
      maandloners: country.agreements.filter((a) => a.maandbedrag !== null).length,
      declaraties: perMonth.reduce((s, m) => s + m.claims, 0),
      declaratieregels: lines,
      stortingen: country.deposits.length,
    },
    verwacht: expected,
    perMaand: perMonth,
    stappen: stepsOf(country),
  };
  writeFileSync(join(o.dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** A progress bar on stderr (cli-progress) when stderr is a terminal; otherwise nothing. */
export async function terminalProgress(stream: NodeJS.WriteStream = process.stderr): Promise<Progress | undefined> {
  if (!stream.isTTY) return undefined;
  const { SingleBar, Presets } = await import('cli-progress');
  const bar = new SingleBar(
    { stream, format: '{bar} {percentage}% | {value}/{total} | {what} | {eta_formatted}', hideCursor: true, etaBuffer: 50, fps: 5 },
    Presets.shades_classic,
  );
  return {
    start: (total, what) => bar.start(total, 0, { what }),
    update: (done, what) => bar.update(done, { what }),
    stop: () => bar.stop(),
  };
}
