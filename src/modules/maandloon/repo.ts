/** SQL of the monthly pay run. */
import type { Queryable } from '../../db/connection.ts';
import type { PlainDate } from '../../kernel/dates.ts';
import type { Cents } from '../../kernel/money.ts';
import type { MonthlyAgreement } from './core/monthly.ts';

/** Approved agreements with a monthly amount that cover part of the month and have no payment for it yet. */
export async function agreementsToPay(tx: Queryable, first: PlainDate, last: PlainDate, month: string): Promise<MonthlyAgreement[]> {
  const r = await tx.query<{ zorgovereenkomst_id: string; bsn: string; zorgverlener_id: string; ingangsdatum: PlainDate; einddatum: PlainDate | null; maandbedrag: number }>(
    `SELECT z.zorgovereenkomst_id, h.bsn, z.zorgverlener_id, z.ingangsdatum, z.einddatum, z.maandbedrag
       FROM zorgovereenkomsten z JOIN budgethouders h ON h.id = z.budgethouder_id
      WHERE z.maandbedrag IS NOT NULL AND z.status = 'geaccordeerd'
        AND z.ingangsdatum <= $2 AND (z.einddatum IS NULL OR z.einddatum >= $1)
        AND NOT EXISTS (SELECT 1 FROM declaraties d WHERE d.declaratie_id = 'mnd:' || z.zorgovereenkomst_id || ':' || $3)
      ORDER BY z.zorgovereenkomst_id`,
    [first, last, month],
  );
  return r.rows.map((x) => ({
    id: x.zorgovereenkomst_id,
    bsn: x.bsn,
    zorgverlenerId: x.zorgverlener_id,
    ingangsdatum: x.ingangsdatum,
    einddatum: x.einddatum,
    maandbedrag: x.maandbedrag as Cents,
  }));
}
