/**
 * `pgb import declaraties FILE` for files of any size: the same checks, messages, outcomes and rows
 * as the general import (run-import.ts with `claimsImport()`), but the file is read in pieces and
 * only a compact form of each claim is kept (its header fields once, its lines as a flat list, the
 * repeated texts shared), and drafts are made a batch of holders at a time; so a million claims fit
 * in a few hundred megabytes.
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
import { claimDraft, DECLARATIES_SPEC, parseClaimLine, type ClaimDraft } from '../core/csv.ts';
import { storedClaims } from '../repo.ts';
import { receiveClaims } from './receive-claims.ts';

/** A claim as read: its first line's header fields and its lines packed five values a line. */
interface Packed {
  id: string;
  firstLine: number;
  text: string;
  at: number;
  kanaal: Kanaal;
  bsn: string;
  zv: string;
  zok: string | null;
  /** datum, eenheden, kwartieren, tarief, omschrijving; repeated per line */
  lines: (string | number | null)[];
}

const PER_LINE = 5;
const BATCH_CLAIMS = 5_000;

function unpack(p: Packed): ClaimDraft {
  const rows = [];
  for (let i = 0; i < p.lines.length; i += PER_LINE) {
    rows.push({
      datum: p.lines[i] as PlainDate,
      eenheden: p.lines[i + 1] as string,
      kwartieren: p.lines[i + 2] as number | null,
      tarief: p.lines[i + 3] as Cents,
      omschrijving: p.lines[i + 4] as string | null,
    });
  }
  return claimDraft(p.id, { ontvangen_op: new Date(p.at), kanaal: p.kanaal, bsn: p.bsn, zorgverlener_id: p.zv, zorgovereenkomst_id: p.zok }, p.firstLine, rows);
}

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
  const claims = new Map<string, Packed>();
  // repeated texts (holders, providers, dates, quantities, descriptions) kept once
  const shared = new Map<string, string>();
  const share = (s: string) => {
    const known = shared.get(s);
    if (known !== undefined) return known;
    shared.set(s, s);
    return s;
  };
  let rows = 0;
  const scan = await scanCsv(file, opts.source, DECLARATIES_SPEC, (record) => {
    const row = parseClaimLine(new RowReader(file, record, problems));
    if (!row) return;
    rows++;
    const c = claims.get(row.declaratie_id);
    const line = [share(row.datum), share(row.eenheden), row.kwartieren, row.tarief, row.omschrijving === null ? null : share(row.omschrijving)];
    if (!c) {
      claims.set(row.declaratie_id, {
        id: row.declaratie_id,
        firstLine: record.line,
        text: row.ontvangen_op_tekst,
        at: row.ontvangen_op.getTime(),
        kanaal: share(row.kanaal) as Kanaal,
        bsn: share(row.bsn),
        zv: share(row.zorgverlener_id),
        zok: row.zorgovereenkomst_id === null ? null : share(row.zorgovereenkomst_id),
        lines: line,
      });
      return;
    }
    // the lines of one claim agree on its header fields (as core/csv.ts groupClaimLines)
    const first = { ontvangen_op_tekst: c.text, kanaal: c.kanaal, bsn: c.bsn, zorgverlener_id: c.zv, zorgovereenkomst_id: c.zok };
    for (const field of ['ontvangen_op_tekst', 'kanaal', 'bsn', 'zorgverlener_id', 'zorgovereenkomst_id'] as const) {
      if (row[field] !== first[field]) {
        const column = field === 'ontvangen_op_tekst' ? 'ontvangen_op' : field;
        grouping.push({ file, line: record.line, column, message: `wijkt af van regel ${c.firstLine} van dezelfde declaratie ${row.declaratie_id}` });
      }
    }
    for (const v of line) c.lines.push(v);
  });
  const sortByLine = (list: InputProblem[]) => [...list].sort((a, b) => a.line - b.line);
  if (scan.problems.length + problems.length > 0) throw new InputError(sortByLine([...scan.problems, ...problems]));

  const importId = newId('imp');
  return db.transaction(async (tx) => {
    const stored = await storedClaims(tx, [...claims.keys()]);
    // a claim's packed form is let go once its batch has made its drafts (`take` below), so that
    // the memory of a large file shrinks while it is written instead of staying until the commit
    const fresh: (Packed | null)[] = [];
    for (const c of claims.values()) {
      const existing = stored.get(c.id);
      if (existing === undefined) fresh.push(c);
      else if (existing !== unpack(c).content) {
        grouping.push({ file, line: c.firstLine, column: 'declaratie_id', message: `declaratie '${c.id}' is al ontvangen met andere inhoud; een nieuwe declaratie krijgt een nieuw id` });
      }
    }
    if (grouping.length > 0) throw new InputError(sortByLine(grouping));
    claims.clear();
    for (const c of fresh) c!.text = ''; // only needed to compare a claim's lines while reading
    // receipt order: the moment, then the line in the file
    fresh.sort((a, b) => a!.at - b!.at || a!.firstLine - b!.firstLine);
    const byHolder = new Map<string, number[]>();
    fresh.forEach((c, i) => {
      const list = byHolder.get(c!.bsn);
      if (list) list.push(i);
      else byHolder.set(c!.bsn, [i]);
    });
    const summary: ImportFileSummary = { importId, file, rows, created: fresh.length, sha256: scan.sha256 };
    if (fresh.length > 0) {
      summary.claims = await receiveClaims(
        tx,
        {
          total: fresh.length,
          bsns: [...byHolder.keys()],
          *batches() {
            let batch: number[] = [];
            const take = () => {
              const ranks = batch.sort((a, b) => a - b);
              batch = [];
              const drafts = ranks.map((i) => {
                const draft = unpack(fresh[i]!);
                fresh[i] = null;
                return draft;
              });
              return { drafts, ranks };
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

