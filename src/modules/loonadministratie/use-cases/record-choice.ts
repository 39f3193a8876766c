/**
 * `pgb loon afspraak`: records on an agreement whether its wage goes through the payroll, the days a
 * week, the carer's choice of the loonheffingskorting and the kind of contract (and, when given,
 * the carer's birth date). Checked by the pure rule `controleerLoonafspraak`; every change is a new
 * version with who and why, in one transaction with its audit row.
 */
import type { Db } from '../../../db/connection.ts';
import { dateInNetherlands, parseDate, type PlainDate } from '../../../kernel/dates.ts';
import type { Cents } from '../../../kernel/money.ts';
import { minimumloonAfspraakfout } from '../core/controles.ts';
import { AppError, InputError } from '../../../kernel/errors.ts';
import type { ZokSoort } from '../../../kernel/wet.ts';
import { writeAudit } from '../../audit/index.ts';
import { controleerLoonafspraak, type Loonafspraak } from '../core/afspraak.ts';

export interface RecordChoiceInput extends Loonafspraak {
  zorgovereenkomstId: string;
  /** The carer's birth date (JJJJ-MM-DD), stored with the carer. */
  geboortedatum?: string;
  reden: string;
}

export async function recordPayrollChoice(db: Db, input: RecordChoiceInput, opts: { actor: string; now?: Date }): Promise<{ versie: number }> {
  const now = opts.now ?? new Date();
  const geboortedatum = input.geboortedatum === undefined ? undefined : parseDate(input.geboortedatum);
  if (input.geboortedatum !== undefined && !geboortedatum) {
    throw new InputError([{ file: 'verzoek', line: 1, column: 'geboortedatum', message: `'${input.geboortedatum}' is geen datum (JJJJ-MM-DD)` }]);
  }
  return db.transaction(async (tx) => {
    const z = await tx.query<{ soort: ZokSoort; zorgverlener_id: string; eenheid: string; tarief: number; ingangsdatum: PlainDate; geboortedatum: PlainDate | null }>(
      `SELECT z.soort, z.zorgverlener_id, z.eenheid, z.tarief, to_char(z.ingangsdatum, 'YYYY-MM-DD') AS ingangsdatum, to_char(zv.geboortedatum, 'YYYY-MM-DD') AS geboortedatum
         FROM zorgovereenkomsten z JOIN zorgverleners zv ON zv.zorgverlener_id = z.zorgverlener_id WHERE z.zorgovereenkomst_id = $1 FOR UPDATE OF z`,
      [input.zorgovereenkomstId],
    );
    const row = z.rows[0];
    if (!row) throw new AppError('NIET_GEVONDEN', `zorgovereenkomst '${input.zorgovereenkomstId}' bestaat niet`);
    const problemen: { veld: string; melding: string }[] = [...controleerLoonafspraak(row.soort, input)];
    const onderMinimum = minimumloonAfspraakfout({ ...row, tarief: row.tarief as Cents, geboortedatum: geboortedatum ?? row.geboortedatum }, dateInNetherlands(now));
    if (onderMinimum) problemen.push({ veld: 'tarief', melding: onderMinimum });
    if (problemen.length > 0) {
      throw new InputError(problemen.map((p) => ({ file: 'verzoek', line: 1, column: p.veld, message: p.melding })));
    }
    const v = await tx.query<{ versie: number }>(`SELECT COALESCE(max(versie), 0) + 1 AS versie FROM loonafspraak_versies WHERE zorgovereenkomst_id = $1`, [input.zorgovereenkomstId]);
    const versie = Number(v.rows[0]!.versie);
    const values = [input.zorgovereenkomstId, input.dagenPerWeek, input.loonadministratie, input.heffingskorting, input.vastContract, versie, now, opts.actor];
    await tx.query(
      `INSERT INTO loonafspraken (zorgovereenkomst_id, dagen_per_week, loonadministratie, heffingskorting, vast_contract, versie, op, actor)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (zorgovereenkomst_id) DO UPDATE SET dagen_per_week = EXCLUDED.dagen_per_week, loonadministratie = EXCLUDED.loonadministratie,
         heffingskorting = EXCLUDED.heffingskorting, vast_contract = EXCLUDED.vast_contract, versie = EXCLUDED.versie, op = EXCLUDED.op, actor = EXCLUDED.actor`,
      values,
    );
    await tx.query(
      `INSERT INTO loonafspraak_versies (zorgovereenkomst_id, dagen_per_week, loonadministratie, heffingskorting, vast_contract, versie, op, actor, reden)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [...values, input.reden],
    );
    if (geboortedatum) await tx.query(`UPDATE zorgverleners SET geboortedatum = $2 WHERE zorgverlener_id = $1`, [row.zorgverlener_id, geboortedatum]);
    await writeAudit(tx, {
      actor: opts.actor,
      action: 'loonafspraak.vastleggen',
      subject: input.zorgovereenkomstId,
      reason: input.reden,
      details: { versie, dagenPerWeek: input.dagenPerWeek, loonadministratie: input.loonadministratie, heffingskorting: input.heffingskorting, vastContract: input.vastContract, ...(geboortedatum ? { geboortedatum } : {}) },
      at: now,
    });
    return { versie };
  });
}
