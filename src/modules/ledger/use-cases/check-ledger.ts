/**
 * `pgb controle`: the ledger's invariants, each as one SQL query that lists its breaches.
 * Nothing is changed; any breach makes the command exit non-zero.
 */
import type { Queryable } from '../../../db/connection.ts';

export interface CheckResult {
  name: string;
  breaches: string[];
}

export interface CheckReport {
  ok: boolean;
  results: CheckResult[];
  totals: { entries: number; postings: number; accounts: number };
}

const CHECKS: { name: string; sql: string }[] = [
  {
    name: 'elke journaalpost is in evenwicht',
    sql: `SELECT 'journaalpost ' || journaalpost_id || ' wijkt ' || sum(bedrag) || ' cent af' AS breach
            FROM boekingen GROUP BY journaalpost_id HAVING sum(bedrag) <> 0 OR count(*) < 2 LIMIT 50`,
  },
  {
    name: 'de som van alle boekingen is nul',
    sql: `SELECT 'som van alle boekingen is ' || sum(bedrag) AS breach FROM boekingen HAVING sum(bedrag) <> 0`,
  },
  {
    name: 'elk saldo is de som van zijn boekingen',
    sql: `SELECT r.soort || ':' || r.sleutel || ' saldo ' || r.saldo || ' maar boekingen ' || COALESCE(b.som, 0) AS breach
            FROM rekeningen r LEFT JOIN (SELECT rekening_id, sum(bedrag) AS som FROM boekingen GROUP BY rekening_id) b ON b.rekening_id = r.id
           WHERE r.saldo <> COALESCE(b.som, 0) LIMIT 50`,
  },
  {
    name: 'geen budget, eigen storting of te betalen bedrag staat rood',
    sql: `SELECT soort || ':' || sleutel || ' staat ' || saldo || ' cent rood' AS breach
            FROM rekeningen WHERE soort IN ('budget', 'eigen_bijdrage', 'te_betalen', 'onderweg') AND saldo > 0 LIMIT 50`,
  },
  {
    name: 'elk budget: toegekend min besteed is beschikbaar',
    sql: `SELECT 'budget ' || b.budget_id || ': toegekend ' || b.toegekend || ', besteed ' || COALESCE(l.som, 0) || ', beschikbaar ' || (-r.saldo) AS breach
            FROM budgetten b JOIN rekeningen r ON r.id = b.rekening_id
            LEFT JOIN (SELECT budget_id, sum(bedrag) AS som FROM (SELECT budget_id, bedrag FROM declaratie_lasten WHERE budget_id IS NOT NULL
                                                                UNION ALL SELECT budget_id, bedrag FROM loon_lasten
                                                                UNION ALL SELECT budget_id, bedrag FROM eigen_bedrag_lasten WHERE budget_id IS NOT NULL
                                                                UNION ALL SELECT budget_id, terug_naar_verstrekker FROM budgetafsluitingen) x GROUP BY budget_id) l ON l.budget_id = b.budget_id
           WHERE b.toegekend - COALESCE(l.som, 0) <> -r.saldo LIMIT 50`,
  },
  {
    name: 'elke goedgekeurde of betaalde declaratie is precies één keer geboekt, voor haar bedrag',
    sql: `SELECT 'declaratie ' || d.declaratie_id || ' (' || d.status || ', ' || d.bedrag || ' cent): lasten ' || COALESCE(l.som, 0) || ', boekingen ' || COALESCE(j.n, 0) AS breach
            FROM declaraties d
            LEFT JOIN (SELECT declaratie_id, sum(bedrag) AS som FROM declaratie_lasten GROUP BY declaratie_id) l ON l.declaratie_id = d.declaratie_id
            LEFT JOIN (SELECT referentie, count(*) AS n FROM journaalposten WHERE soort = 'declaratie' GROUP BY referentie) j ON j.referentie = d.declaratie_id
           WHERE (d.status IN ('goedgekeurd', 'betaald') AND (COALESCE(l.som, 0) <> d.bedrag OR COALESCE(j.n, 0) <> 1))
              OR (d.status NOT IN ('goedgekeurd', 'betaald') AND (COALESCE(l.som, 0) <> 0 OR COALESCE(j.n, 0) <> 0))
           LIMIT 50`,
  },
  {
    name: 'te betalen per zorgverlener is de som van de goedgekeurde, onbetaalde declaraties (min de ingehouden loonheffing)',
    sql: `SELECT 'zorgverlener ' || COALESCE(r.sleutel, d.zorgverlener_id) || ': te betalen ' || COALESCE(-r.saldo, 0) || ', declaraties ' || COALESCE(d.som, 0) AS breach
            FROM (SELECT sleutel, saldo FROM rekeningen WHERE soort = 'te_betalen' AND sleutel <> 'belastingdienst:loonheffingen') r
            FULL JOIN (SELECT x.zorgverlener_id, sum(x.bedrag - COALESCE(l.ingehouden, 0)) AS som FROM declaraties x
                         LEFT JOIN (SELECT declaratie_id, sum(ingehouden) AS ingehouden FROM loonstrook_declaraties GROUP BY declaratie_id) l ON l.declaratie_id = x.declaratie_id
                        WHERE x.status = 'goedgekeurd' GROUP BY x.zorgverlener_id) d ON d.zorgverlener_id = r.sleutel
           WHERE COALESCE(-r.saldo, 0) <> COALESCE(d.som, 0) LIMIT 50`,
  },
  {
    name: 'onderweg is de som van de verzonden, onbevestigde betalingen',
    sql: `SELECT 'onderweg ' || COALESCE((SELECT -saldo FROM rekeningen WHERE soort = 'onderweg'), 0) || ', verzonden betalingen ' || COALESCE((SELECT sum(bedrag) FROM betalingen WHERE status = 'verzonden'), 0) AS breach
           WHERE COALESCE((SELECT -saldo FROM rekeningen WHERE soort = 'onderweg'), 0) <> COALESCE((SELECT sum(bedrag) FROM betalingen WHERE status = 'verzonden'), 0)`,
  },
  {
    name: 'elke betaalde declaratie zit in precies één actieve betaling, en elke betaling is de som van haar declaraties',
    sql: `SELECT breach FROM (
            SELECT 'declaratie ' || d.declaratie_id || ' is betaald maar zit in ' || count(p.betaling_id) || ' actieve betaling(en)' AS breach
              FROM declaraties d LEFT JOIN betaalposten p ON p.declaratie_id = d.declaratie_id AND p.actief
             WHERE d.status = 'betaald' GROUP BY d.declaratie_id HAVING count(p.betaling_id) <> 1
            UNION ALL
            SELECT 'declaratie ' || p.declaratie_id || ' zit in een actieve betaling maar heeft status ' || d.status
              FROM betaalposten p JOIN declaraties d ON d.declaratie_id = p.declaratie_id WHERE p.actief AND d.status <> 'betaald'
            UNION ALL
            SELECT 'betaling ' || b.betaling_id || ' (' || b.bedrag || ' cent) wijkt af van haar declaraties (' || sum(p.bedrag) || ' cent)'
              FROM betalingen b JOIN betaalposten p ON p.betaling_id = b.betaling_id
             GROUP BY b.betaling_id, b.bedrag HAVING sum(p.bedrag) <> b.bedrag
          ) x LIMIT 50`,
  },
  {
    name: 'af te dragen aan de Belastingdienst is de ingehouden loonheffing plus de werkgeverspremies',
    sql: `SELECT 'te_betalen:belastingdienst:loonheffingen ' || COALESCE((SELECT -saldo FROM rekeningen WHERE soort = 'te_betalen' AND sleutel = 'belastingdienst:loonheffingen'), 0)
                 || ', ingehouden ' || (SELECT COALESCE(sum(ingehouden), 0) FROM loonstrook_declaraties) || ', premies ' || (SELECT COALESCE(sum(bedrag), 0) FROM loon_lasten) AS breach
           WHERE COALESCE((SELECT -saldo FROM rekeningen WHERE soort = 'te_betalen' AND sleutel = 'belastingdienst:loonheffingen'), 0)
                 <> (SELECT COALESCE(sum(ingehouden), 0) FROM loonstrook_declaraties) + (SELECT COALESCE(sum(bedrag), 0) FROM loon_lasten)`,
  },
  {
    name: 'elke loonstrook: de premies ten laste van het budget zijn het verschil met de vorige versie',
    sql: `SELECT 'loonstrook ' || l.loonstrook_id || ': verschil premies ' || l.verschil_premies || ', ten laste van budgetten ' || COALESCE(sum(ll.bedrag), 0) AS breach
            FROM loonstroken l LEFT JOIN loon_lasten ll ON ll.loonstrook_id = l.loonstrook_id
           GROUP BY l.loonstrook_id, l.verschil_premies HAVING COALESCE(sum(ll.bedrag), 0) <> l.verschil_premies LIMIT 50`,
  },
  // ---- the holder's own amounts and the year end (issue #8)
  {
    name: 'elk eigen bedrag is precies één keer geboekt, voor zijn bedrag',
    sql: `SELECT 'eigen bedrag ' || e.aanvraag_id || ' (' || e.bedrag || ' cent): lasten ' || COALESCE(l.som, 0) || ', boekingen ' || COALESCE(j.n, 0) AS breach
            FROM eigen_bedragen e
            LEFT JOIN (SELECT aanvraag_id, sum(bedrag) AS som FROM eigen_bedrag_lasten GROUP BY aanvraag_id) l ON l.aanvraag_id = e.aanvraag_id
            LEFT JOIN (SELECT referentie, count(*) AS n FROM journaalposten WHERE soort = 'eigen_bedrag' GROUP BY referentie) j ON j.referentie = e.aanvraag_id
           WHERE COALESCE(l.som, 0) <> e.bedrag OR COALESCE(j.n, 0) <> 1 LIMIT 50`,
  },
  {
    name: 'uit te betalen aan een budgethouder is de som van zijn goedgekeurde, onbetaalde eigen bedragen',
    sql: `SELECT 'budgethouder ' || COALESCE(r.sleutel, e.houder) || ': uit te betalen ' || COALESCE(-r.saldo, 0) || ', eigen bedragen ' || COALESCE(e.som, 0) AS breach
            FROM (SELECT sleutel, saldo FROM rekeningen WHERE soort = 'uitbetaald_aan_budgethouder') r
            FULL JOIN (SELECT budgethouder_id::text AS houder, sum(bedrag) AS som FROM eigen_bedragen WHERE status = 'goedgekeurd' GROUP BY budgethouder_id) e ON e.houder = r.sleutel
           WHERE COALESCE(-r.saldo, 0) <> COALESCE(e.som, 0) LIMIT 50`,
  },
  {
    name: 'elk betaald eigen bedrag zit in één betaling aan die budgethouder, en elke betaling aan een budgethouder is de som van haar eigen bedragen',
    sql: `SELECT breach FROM (
            SELECT 'eigen bedrag ' || e.aanvraag_id || ' is betaald zonder betaling aan budgethouder ' || e.budgethouder_id AS breach
              FROM eigen_bedragen e LEFT JOIN betalingen b ON b.betaling_id = e.betaling_id AND b.budgethouder_id = e.budgethouder_id
             WHERE e.status = 'betaald' AND b.betaling_id IS NULL
            UNION ALL
            SELECT 'eigen bedrag ' || aanvraag_id || ' is goedgekeurd maar heeft al betaling ' || betaling_id FROM eigen_bedragen WHERE status = 'goedgekeurd' AND betaling_id IS NOT NULL
            UNION ALL
            SELECT 'betaling ' || b.betaling_id || ' aan budgethouder ' || b.budgethouder_id || ' (' || b.bedrag || ' cent) wijkt af van haar eigen bedragen (' || COALESCE(sum(e.bedrag), 0) || ' cent)'
              FROM betalingen b LEFT JOIN eigen_bedragen e ON e.betaling_id = b.betaling_id OR (b.status = 'teruggeboekt' AND b.betaling_id = ANY(e.teruggeboekte_betalingen))
             WHERE b.budgethouder_id IS NOT NULL GROUP BY b.betaling_id, b.budgethouder_id, b.bedrag HAVING COALESCE(sum(e.bedrag), 0) <> b.bedrag
          ) x LIMIT 50`,
  },
  {
    name: 'elke budgetafsluiting: wat terugging naar de verstrekker is precies één keer geboekt',
    sql: `SELECT 'budgetafsluiting ' || a.budget_id || ': terug ' || a.terug_naar_verstrekker || ', geboekt ' || COALESCE(j.som, 0) AS breach
            FROM budgetafsluitingen a
            LEFT JOIN (SELECT p.referentie, sum(b.bedrag) AS som FROM journaalposten p JOIN boekingen b ON b.journaalpost_id = p.id JOIN rekeningen r ON r.id = b.rekening_id
                        WHERE p.soort = 'budgetafsluiting' AND r.soort = 'budget' GROUP BY p.referentie) j ON j.referentie = a.budget_id
           WHERE a.terug_naar_verstrekker <> COALESCE(j.som, 0) LIMIT 50`,
  },
  {
    name: 'elke betaalrun is de som van haar betalingen',
    sql: `SELECT 'betaalrun ' || r.betaalrun_id || ': ' || r.totaal || ' cent, betalingen ' || COALESCE(sum(b.bedrag), 0) AS breach
            FROM betaalruns r LEFT JOIN betalingen b ON b.betaalrun_id = r.betaalrun_id
           GROUP BY r.betaalrun_id, r.totaal, r.aantal HAVING COALESCE(sum(b.bedrag), 0) <> r.totaal OR count(b.betaling_id) <> r.aantal LIMIT 50`,
  },
];

export async function runLedgerCheck(db: Queryable): Promise<CheckReport> {
  const results: CheckResult[] = [];
  for (const c of CHECKS) {
    const r = await db.query<{ breach: string }>(c.sql);
    results.push({ name: c.name, breaches: r.rows.map((x) => x.breach) });
  }
  const t = await db.query<{ entries: number; postings: number; accounts: number }>(
    `SELECT (SELECT count(*) FROM journaalposten)::int AS entries, (SELECT count(*) FROM boekingen)::int AS postings, (SELECT count(*) FROM rekeningen)::int AS accounts`,
  );
  return { ok: results.every((r) => r.breaches.length === 0), results, totals: t.rows[0]! };
}
