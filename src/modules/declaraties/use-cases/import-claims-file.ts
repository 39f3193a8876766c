/**
 * `pgb import declaraties FILE` for files of any size: the same checks, messages, outcomes and rows
 * as the general import (run-import.ts with `claimsImport()`), but the file is read in pieces and
 * only a compact form of each claim is kept (`ClaimColumns`: its header fields and its lines as
 * numbers in typed arrays, every repeated text once), and drafts are made a batch of holders at a
 * time; so a million claims fit in a few hundred megabytes.
 *
 * 1. Scan the file (kernel/csv.ts `scanCsv`): format problems per row (core/csv.ts `parseClaimLine`),
 *    and, as the general import does when grouping lines, lines that disagree with their claim's
 *    first line. With any format problem, nothing is written and only those are reported.
 * 2. In one transaction: claims already stored are compared by content (same: skipped; other: a
 *    problem); with any problem, nothing is written.
 * 3. The new claims, in batches of whole holders in receipt order, are checked and stored
 *    (receive-claims.ts); then the `imports` row and the audit row.
 */
import type { Db } from '../../../db/connection.ts';
import { receivedNote } from '../core/notes.ts';
import type { PlainDate } from '../../../kernel/dates.ts';
import { InputError, type InputProblem } from '../../../kernel/errors.ts';
import { RowReader, scanCsv } from '../../../kernel/csv.ts';
import { newId } from '../../../kernel/ids.ts';
import type { Cents } from '../../../kernel/money.ts';
import type { Kanaal } from '../../../kernel/wet.ts';
import { claimDraft, DECLARATIES_SPEC, parseClaimLine, type ClaimDraft, type ClaimLineRow } from '../core/csv.ts';
import { storedClaims } from '../repo.ts';
import { receiveClaims } from './receive-claims.ts';

/** A growable column of numbers in a typed array (4 or 8 bytes a value, outside the JavaScript heap): no object per claim. */
class Column {
  private values: Float64Array | Int32Array;
  length = 0;
  private readonly kind: 'float' | 'int';
  constructor(kind: 'float' | 'int') {
    this.kind = kind;
    this.values = kind === 'float' ? new Float64Array(1024) : new Int32Array(1024);
  }
  push(v: number): void {
    if (this.length === this.values.length) {
      const bigger = this.kind === 'float' ? new Float64Array(this.length * 2) : new Int32Array(this.length * 2);
      bigger.set(this.values);
      this.values = bigger;
    }
    this.values[this.length++] = v;
  }
  get(i: number): number {
    return this.values[i]!;
  }
}

/** Repeated texts (holders, providers, dates, quantities, descriptions) kept once, as numbers; -1 is null. */
class Texts {
  private index = new Map<string, number>();
  readonly values: string[] = [];
  of(s: string | null): number {
    if (s === null) return -1;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(s);
      this.index.set(s, i);
    }
    return i;
  }
  text(i: number): string | null {
    return i < 0 ? null : this.values[i]!;
  }
  /** No more new texts: the index from text to number can go. */
  seal(): void {
    this.index = new Map();
  }
}

/**
 * The claims of a file as read, in columns: per claim its first line's header fields, per line
 * the claim it belongs to and its five values, texts as numbers. An object and an array per claim
 * kept 520 MB of heap for a million claims (3.7 million lines) and the import peaked at 1,038 MB;
 * in columns it peaks at 816 MB (docs/performance.md).
 */
class ClaimColumns {
  readonly ids: string[] = [];
  readonly byId = new Map<string, number>();
  /** the received-at text of each claim's first line, to compare its other lines with while reading */
  texts: string[] = [];
  readonly firstLine = new Column('int');
  readonly at = new Column('float');
  readonly kanaal = new Column('int');
  readonly bsn = new Column('int');
  readonly zv = new Column('int');
  readonly zok = new Column('int');
  readonly lineClaim = new Column('int');
  readonly datum = new Column('int');
  readonly eenheden = new Column('int');
  readonly kwartieren = new Column('float'); // NaN: none
  readonly tarief = new Column('float');
  readonly omschrijving = new Column('int');
  readonly t = new Texts();
  /** after `close`: the lines of claim c are order[start[c]] … order[start[c + 1] - 1], in file order */
  private start = new Int32Array(0);
  private order = new Int32Array(0);

  addLine(c: number, row: ClaimLineRow): void {
    this.lineClaim.push(c);
    this.datum.push(this.t.of(row.datum));
    this.eenheden.push(this.t.of(row.eenheden));
    this.kwartieren.push(row.kwartieren ?? NaN);
    this.tarief.push(row.tarief);
    this.omschrijving.push(this.t.of(row.omschrijving));
  }

  addClaim(row: ClaimLineRow, line: number): number {
    const c = this.ids.length;
    this.ids.push(row.declaratie_id);
    this.byId.set(row.declaratie_id, c);
    this.texts.push(row.ontvangen_op_tekst);
    this.firstLine.push(line);
    this.at.push(row.ontvangen_op.getTime());
    this.kanaal.push(this.t.of(row.kanaal));
    this.bsn.push(this.t.of(row.bsn));
    this.zv.push(this.t.of(row.zorgverlener_id));
    this.zok.push(this.t.of(row.zorgovereenkomst_id));
    return c;
  }

  /** Reading is done: group the lines by claim (a counting sort, stable: file order within a claim). */
  close(): void {
    this.texts = [];
    this.byId.clear();
    this.t.seal();
    const claims = this.ids.length;
    const lines = this.lineClaim.length;
    this.start = new Int32Array(claims + 1);
    for (let l = 0; l < lines; l++) this.start[this.lineClaim.get(l) + 1]!++;
    for (let c = 0; c < claims; c++) this.start[c + 1]! += this.start[c]!;
    const next = this.start.slice(0, claims);
    this.order = new Int32Array(lines);
    for (let l = 0; l < lines; l++) this.order[next[this.lineClaim.get(l)]!++] = l;
  }

  /** The header fields of claim c as its first line had them. */
  header(c: number): Pick<ClaimLineRow, 'kanaal' | 'bsn' | 'zorgverlener_id' | 'zorgovereenkomst_id'> {
    return {
      kanaal: this.t.text(this.kanaal.get(c)) as Kanaal,
      bsn: this.t.text(this.bsn.get(c))!,
      zorgverlener_id: this.t.text(this.zv.get(c))!,
      zorgovereenkomst_id: this.t.text(this.zok.get(c)),
    };
  }

  draft(c: number): ClaimDraft {
    const rows = [];
    for (let k = this.start[c]!; k < this.start[c + 1]!; k++) {
      const l = this.order[k]!;
      const q = this.kwartieren.get(l);
      rows.push({
        datum: this.t.text(this.datum.get(l)) as PlainDate,
        eenheden: this.t.text(this.eenheden.get(l))!,
        kwartieren: Number.isNaN(q) ? null : q,
        tarief: this.tarief.get(l) as Cents,
        omschrijving: this.t.text(this.omschrijving.get(l)),
      });
    }
    return claimDraft(this.ids[c]!, { ontvangen_op: new Date(this.at.get(c)), ...this.header(c) }, this.firstLine.get(c), rows);
  }
}

const BATCH_CLAIMS = 5_000;

export interface ImportFileSummary {
  importId: string;
  file: string;
  rows: number;
  created: number;
  sha256: string;
  claims?: Record<string, number>;
}

export async function importClaimsFile(
  db: Db,
  opts: { file: string; source: { path: string } | { content: string | Buffer }; actor: string; now: Date },
  record: (tx: Parameters<Parameters<Db['transaction']>[0]>[0], s: ImportFileSummary) => Promise<void>,
): Promise<ImportFileSummary> {
  const { file, now } = opts;
  const problems: InputProblem[] = [];
  const grouping: InputProblem[] = [];
  const claims = new ClaimColumns();
  let rows = 0;
  const scan = await scanCsv(file, opts.source, DECLARATIES_SPEC, (record) => {
    const row = parseClaimLine(new RowReader(file, record, problems));
    if (!row) return;
    rows++;
    const c = claims.byId.get(row.declaratie_id);
    if (c === undefined) {
      claims.addLine(claims.addClaim(row, record.line), row);
      return;
    }
    // the lines of one claim agree on its header fields (as core/csv.ts groupClaimLines)
    const first = { ontvangen_op_tekst: claims.texts[c], ...claims.header(c) };
    for (const field of ['ontvangen_op_tekst', 'kanaal', 'bsn', 'zorgverlener_id', 'zorgovereenkomst_id'] as const) {
      if (row[field] !== first[field]) {
        const column = field === 'ontvangen_op_tekst' ? 'ontvangen_op' : field;
        grouping.push({ file, line: record.line, column, message: `wijkt af van regel ${claims.firstLine.get(c)} van dezelfde declaratie ${row.declaratie_id}` });
      }
    }
    claims.addLine(c, row);
  });
  const sortByLine = (list: InputProblem[]) => [...list].sort((a, b) => a.line - b.line);
  if (scan.problems.length + problems.length > 0) throw new InputError(sortByLine([...scan.problems, ...problems]));
  claims.close();

  const importId = newId('imp');
  return db.transaction(async (tx) => {
    const stored = await storedClaims(tx, claims.ids);
    const kept: number[] = [];
    for (let c = 0; c < claims.ids.length; c++) {
      const existing = stored.get(claims.ids[c]!);
      if (existing === undefined) kept.push(c);
      else if (existing !== claims.draft(c).content) {
        grouping.push({ file, line: claims.firstLine.get(c), column: 'declaratie_id', message: `declaratie '${claims.ids[c]}' is al ontvangen met andere inhoud; een nieuwe declaratie krijgt een nieuw id` });
      }
    }
    if (grouping.length > 0) throw new InputError(sortByLine(grouping));
    // receipt order: the moment, then the line in the file
    const fresh = Int32Array.from(kept).sort((a, b) => claims.at.get(a) - claims.at.get(b) || claims.firstLine.get(a) - claims.firstLine.get(b));
    const byHolder = new Map<number, number[]>();
    fresh.forEach((c, i) => {
      const h = claims.bsn.get(c);
      const list = byHolder.get(h);
      if (list) list.push(i);
      else byHolder.set(h, [i]);
    });
    const summary: ImportFileSummary = { importId, file, rows, created: fresh.length, sha256: scan.sha256 };
    if (fresh.length > 0) {
      summary.claims = await receiveClaims(
        tx,
        {
          total: fresh.length,
          bsns: [...byHolder.keys()].map((h) => claims.t.text(h)!),
          *batches() {
            let batch: number[] = [];
            const take = () => {
              const ranks = batch.sort((a, b) => a - b);
              batch = [];
              return { drafts: ranks.map((i) => claims.draft(fresh[i]!)), ranks };
            };
            for (const list of byHolder.values()) {
              for (const i of list) batch.push(i);
              if (batch.length >= BATCH_CLAIMS) yield take();
            }
            if (batch.length > 0) yield take();
          },
        },
        {
          importId,
          actor: opts.actor,
          now,
          cause: `import ${importId}`,
          receivedNote: (d) => receivedNote(d, file, importId),
        },
      );
    }
    await record(tx, summary);
    return summary;
  });
}

