/** SQL of bank statements. */
import type { Queryable } from '../../db/connection.ts';
import type { KnownPayment } from './core/match.ts';

export async function storedStatement(tx: Queryable, id: string): Promise<{ sha256: string } | undefined> {
  const r = await tx.query<{ sha256: string }>(`SELECT sha256 FROM bankafschriften WHERE afschrift_id = $1`, [id]);
  return r.rows[0];
}

export async function lookups(tx: Queryable, ibans: string[], clientnummers: number[], e2e: string[]) {
  const funders = await tx.query<{ iban: string; code: string }>(`SELECT iban, code FROM verstrekkers WHERE iban = ANY($1::text[])`, [ibans]);
  const holders = await tx.query<{ clientnummer: number; id: number }>(`SELECT clientnummer, id FROM budgethouders WHERE clientnummer = ANY($1::bigint[])`, [clientnummers]);
  const payments = await tx.query<{ betaling_id: string; zorgverlener_id: string | null; budgethouder_id: number | null; bedrag: number; status: KnownPayment['status'] }>(
    `SELECT betaling_id, zorgverlener_id, budgethouder_id, bedrag, status FROM betalingen WHERE betaling_id = ANY($1::text[]) FOR UPDATE`,
    [e2e],
  );
  return {
    fundersByIban: new Map(funders.rows.map((f) => [f.iban, f.code])),
    holdersByClientnummer: new Map(holders.rows.map((h) => [h.clientnummer, h.id])),
    payments: new Map(payments.rows.map((p) => [p.betaling_id, { betalingId: p.betaling_id, zorgverlenerId: p.zorgverlener_id, budgethouderId: p.budgethouder_id, bedrag: p.bedrag, status: p.status }])),
  };
}

export async function insertStatement(tx: Queryable, s: { id: string; account: string; file: string; sha256: string; actor: string; now: Date }): Promise<void> {
  await tx.query(`INSERT INTO bankafschriften (afschrift_id, rekening, bestand, sha256, actor, ingelezen_op) VALUES ($1, $2, $3, $4, $5, $6)`, [s.id, s.account, s.file, s.sha256, s.actor, s.now]);
}

export interface BankLine {
  afschriftId: string;
  postRef: string;
  txIndex: number;
  richting: string;
  bedrag: number;
  boekdatum: string | null;
  tegenIban: string | null;
  tegenNaam: string | null;
  omschrijving: string | null;
  endToEndId: string | null;
  redenCode: string | null;
  verwerking: string;
  referentie: string | null;
  toelichting: string | null;
}

export async function insertLines(tx: Queryable, lines: BankLine[]): Promise<void> {
  if (lines.length === 0) return;
  const c = <K extends keyof BankLine>(k: K) => lines.map((l) => l[k]);
  await tx.query(
    `INSERT INTO bankposten (afschrift_id, post_ref, tx_index, richting, bedrag, boekdatum, tegen_iban, tegen_naam, omschrijving, end_to_end_id, reden_code, verwerking, referentie, toelichting)
     SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::bigint[], $6::date[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[])`,
    [c('afschriftId'), c('postRef'), c('txIndex'), c('richting'), c('bedrag'), c('boekdatum'), c('tegenIban'), c('tegenNaam'), c('omschrijving'), c('endToEndId'), c('redenCode'), c('verwerking'), c('referentie'), c('toelichting')],
  );
}

/** Applies the updates of one statement in order; a payment confirmed and returned in one statement gets both dates. */
export async function setPaymentStatus(tx: Queryable, updates: { betalingId: string; status: string; date: string | null; reason: string | null }[]): Promise<void> {
  if (updates.length === 0) return;
  const merged = new Map<string, { status: string; confirmed: string | null; returned: string | null; reason: string | null }>();
  for (const u of updates) {
    const m = merged.get(u.betalingId) ?? { status: u.status, confirmed: null, returned: null, reason: null };
    m.status = u.status;
    if (u.status === 'bevestigd') m.confirmed = u.date;
    else {
      m.returned = u.date;
      m.reason = u.reason;
    }
    merged.set(u.betalingId, m);
  }
  const rows = [...merged.entries()];
  await tx.query(
    `UPDATE betalingen b SET status = u.status,
            bevestigd_op = COALESCE(u.bevestigd, b.bevestigd_op),
            teruggeboekt_op = CASE WHEN u.status = 'teruggeboekt' THEN u.terug ELSE b.teruggeboekt_op END,
            terugboekreden = CASE WHEN u.status = 'teruggeboekt' THEN u.reden ELSE b.terugboekreden END
       FROM unnest($1::text[], $2::text[], $3::date[], $4::date[], $5::text[]) AS u (id, status, bevestigd, terug, reden)
      WHERE b.betaling_id = u.id`,
    [rows.map(([id]) => id), rows.map(([, m]) => m.status), rows.map(([, m]) => m.confirmed), rows.map(([, m]) => m.returned), rows.map(([, m]) => m.reason)],
  );
}

/** The claims a payment paid (still active). */
export async function claimsOfPayments(tx: Queryable, ids: string[]): Promise<{ betaling_id: string; declaratie_id: string }[]> {
  const r = await tx.query<{ betaling_id: string; declaratie_id: string }>(
    `SELECT betaling_id, declaratie_id FROM betaalposten WHERE betaling_id = ANY($1::text[]) AND actief ORDER BY declaratie_id`,
    [ids],
  );
  return r.rows;
}

/** The bank returned a transfer: the provider's IBAN (if it is still the one paid) is blocked. */
export async function blockIbans(tx: Queryable, returns: { betalingId: string; reason: string }[]): Promise<string[]> {
  if (returns.length === 0) return [];
  const r = await tx.query<{ zorgverlener_id: string }>(
    `UPDATE zorgverleners z SET iban_geblokkeerd = u.reden
       FROM unnest($1::text[], $2::text[]) AS u (betaling_id, reden)
       JOIN betalingen b ON b.betaling_id = u.betaling_id
      WHERE z.zorgverlener_id = b.zorgverlener_id AND z.iban = b.iban
      RETURNING z.zorgverlener_id`,
    [returns.map((x) => x.betalingId), returns.map((x) => `${x.reason}, betaling ${x.betalingId}`)],
  );
  return r.rows.map((x) => x.zorgverlener_id);
}

/** A returned payment reopens its claims: approved again, in no payment, ready for the next run. */
export async function reopenClaims(tx: Queryable, paymentIds: string[]): Promise<void> {
  if (paymentIds.length === 0) return;
  await tx.query(
    `UPDATE declaraties d SET status = 'goedgekeurd', betaling_id = NULL, betaald_op = NULL
       FROM betaalposten p WHERE p.betaling_id = ANY($1::text[]) AND p.actief AND d.declaratie_id = p.declaratie_id`,
    [paymentIds],
  );
  await tx.query(`UPDATE betaalposten SET actief = false WHERE betaling_id = ANY($1::text[]) AND actief`, [paymentIds]);
}

export async function openItems(tx: Queryable): Promise<{ id: number; afschrift_id: string; post_ref: string; richting: string; bedrag: number; boekdatum: string | null; tegen_naam: string | null; omschrijving: string | null; toelichting: string | null }[]> {
  const r = await tx.query<{ id: number; afschrift_id: string; post_ref: string; richting: string; bedrag: number; boekdatum: string | null; tegen_naam: string | null; omschrijving: string | null; toelichting: string | null }>(
    `SELECT id, afschrift_id, post_ref, richting, bedrag, boekdatum, tegen_naam, omschrijving, toelichting FROM bankposten WHERE verwerking = 'open' ORDER BY id`,
  );
  return r.rows;
}
