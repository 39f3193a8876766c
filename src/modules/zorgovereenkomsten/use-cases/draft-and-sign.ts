/**
 * The portal's way to an agreement: the holder drafts it (`concept`), shares it with the provider
 * (`gedeeld`), the provider checks and signs it (`ingediend`), and the funder decides
 * (`geaccordeerd` or `afgekeurd`, through the same rules as accorderingen.csv). Every step is a new
 * version; nothing is overwritten.
 */
import type { Db } from '../../../db/connection.ts';
import { RowReader } from '../../../kernel/csv.ts';
import { AppError, InputError, type InputProblem } from '../../../kernel/errors.ts';
import { dateInNetherlands, type PlainDate } from '../../../kernel/dates.ts';
import { minimumloonAfspraakfout } from '../../loonadministratie/core/controles.ts';
import { newId } from '../../../kernel/ids.ts';
import { writeAudit } from '../../audit/index.ts';
import { recheckParkedClaims } from '../../declaraties/index.ts';
import { importObjects } from '../../import/index.ts';
import { contentOf } from '../../import/known-rows.ts';
import { parseZorgovereenkomst } from '../core/csv.ts';
import { accorderingenImport } from '../imports.ts';
import { agreementState, insertAgreements, insertVersions, setCurrentVersions } from '../repo.ts';

export interface DraftInput {
  holderId: number;
  bsn: string;
  zorgverlener_id: string;
  wet: string;
  soort: string;
  ingangsdatum: string;
  einddatum?: string | null;
  eenheid: string;
  tarief: string;
  maandbedrag?: string | null;
}

export async function draftAgreement(db: Db, input: DraftInput, opts: { actor: string; now?: Date }): Promise<{ zorgovereenkomst_id: string }> {
  const id = newId('zok');
  const problems: InputProblem[] = [];
  const reader = new RowReader('verzoek', {
    line: 1,
    values: {
      zorgovereenkomst_id: id,
      bsn: input.bsn,
      zorgverlener_id: input.zorgverlener_id,
      wet: input.wet,
      soort: input.soort,
      ingangsdatum: input.ingangsdatum,
      einddatum: input.einddatum ?? '',
      eenheid: input.eenheid,
      tarief: input.tarief,
      maximumtarief: '',
      maandbedrag: input.maandbedrag ?? '',
      status: 'ingediend',
    },
  }, problems);
  const row = parseZorgovereenkomst(reader);
  if (!row || problems.length > 0) throw new InputError(problems);
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    const provider = await tx.query<{ geboortedatum: PlainDate | null }>(`SELECT to_char(geboortedatum, 'YYYY-MM-DD') AS geboortedatum FROM zorgverleners WHERE zorgverlener_id = $1`, [row.zorgverlener_id]);
    if (provider.rows.length === 0) throw new InputError([{ file: 'verzoek', line: 1, column: 'zorgverlener_id', message: `zorgverlener '${row.zorgverlener_id}' is onbekend` }]);
    // payroll (issue #9): an employment or family agreement pays at least the minimum wage for the carer's age
    const onderMinimum = minimumloonAfspraakfout({ ...row, geboortedatum: provider.rows[0]!.geboortedatum });
    if (onderMinimum) throw new InputError([{ file: 'verzoek', line: 1, column: 'tarief', message: onderMinimum }]);
    const draft = { ...row, status: 'concept' as never };
    await insertAgreements(tx, [{ row: draft, holderId: input.holderId, content: contentOf([id, 'concept']) }], null, opts.actor);
    await writeAudit(tx, { actor: opts.actor, action: 'zorgovereenkomst.concept', subject: id, reason: 'concept opgesteld door de budgethouder', at: now });
    return { zorgovereenkomst_id: id };
  });
}

async function transition(db: Db, id: string, from: string, to: string, opts: { actor: string; now?: Date; reason: string; action: string; afterwards?: (holderId: number) => Promise<void> }) {
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    const z = await agreementState(tx, id);
    if (!z) throw new AppError('NIET_GEVONDEN', `zorgovereenkomst '${id}' bestaat niet`);
    if (z.status !== from) throw new AppError('CONFLICT', `zorgovereenkomst '${id}' is ${z.status}; deze stap kan alleen vanuit ${from}`);
    const version = { id, versie: z.versie + 1, status: to, maximumtarief: null, datum: dateInNetherlands(now), reden: opts.reason, inhoud: null };
    await insertVersions(tx, [version], opts.action, opts.actor);
    await setCurrentVersions(tx, [version]);
    await writeAudit(tx, { actor: opts.actor, action: opts.action, subject: id, reason: opts.reason, at: now });
    if (to === 'ingediend') await recheckParkedClaims(tx, { holderIds: [z.budgethouder_id], actor: opts.actor, now, cause: `zorgovereenkomst ${id} ingediend` });
    return { zorgovereenkomst_id: id, status: to };
  });
}

export function shareAgreement(db: Db, id: string, opts: { actor: string; now?: Date }) {
  return transition(db, id, 'concept', 'gedeeld', { ...opts, reason: 'gedeeld met de zorgverlener om aan te vullen en te ondertekenen', action: 'zorgovereenkomst.delen' });
}

export function signAgreement(db: Db, id: string, opts: { actor: string; now?: Date }) {
  return transition(db, id, 'gedeeld', 'ingediend', { ...opts, reason: 'ondertekend door de zorgverlener; ter accordering bij de verstrekker', action: 'zorgovereenkomst.ondertekenen' });
}

/** The funder's decision, through exactly the rules of accorderingen.csv. */
export function decideAgreement(
  db: Db,
  id: string,
  d: { besluit: string; maximumtarief?: string | null; reden?: string | null; datum?: string | null },
  opts: { actor: string; now?: Date },
) {
  const now = opts.now ?? new Date();
  return importObjects(db, accorderingenImport, {
    source: 'verzoek',
    objects: [{ zorgovereenkomst_id: id, besluit: d.besluit, datum: d.datum ?? dateInNetherlands(now), maximumtarief: d.maximumtarief ?? '', reden: d.reden ?? '' }],
    actor: opts.actor,
    now,
  });
}
