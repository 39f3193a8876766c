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
    // the references are checked per statement (migration 012); this is the second look, over all rows
    name: 'elke boeking hoort bij een bestaande journaalpost en rekening',
    sql: `SELECT 'boeking op rekening ' || b.rekening_id || ' van journaalpost ' || b.journaalpost_id || ': '
                 || CASE WHEN j.id IS NULL THEN 'die journaalpost bestaat niet' ELSE 'die rekening bestaat niet' END AS breach
            FROM boekingen b LEFT JOIN journaalposten j ON j.id = b.journaalpost_id LEFT JOIN rekeningen r ON r.id = b.rekening_id
           WHERE j.id IS NULL OR r.id IS NULL LIMIT 50`,
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
            FROM rekeningen WHERE (soort IN ('budget', 'eigen_bijdrage', 'te_betalen', 'onderweg', 'voorschot_dekking') AND saldo > 0) OR (soort = 'voorschot' AND saldo < 0) LIMIT 50`,
  },
  {
    // besteed: claims, wage premiums, own amounts, the year end's return to the funder, minus what recoveries brought back
    name: 'elk budget: toegekend min besteed is beschikbaar',
    sql: `SELECT 'budget ' || b.budget_id || ': toegekend ' || b.toegekend || ', besteed ' || COALESCE(l.som, 0) || ', beschikbaar ' || (-r.saldo) AS breach
            FROM budgetten b JOIN rekeningen r ON r.id = b.rekening_id
            LEFT JOIN (SELECT budget_id, sum(bedrag) AS som FROM (SELECT budget_id, bedrag FROM declaratie_lasten WHERE budget_id IS NOT NULL
                                                                UNION ALL SELECT budget_id, bedrag FROM loon_lasten
                                                                UNION ALL SELECT budget_id, bedrag FROM eigen_bedrag_lasten WHERE budget_id IS NOT NULL
                                                                UNION ALL SELECT budget_id, terug_naar_verstrekker FROM budgetafsluitingen
                                                                UNION ALL SELECT v.budget_id, -s.bedrag FROM vordering_verrekeningen s JOIN vorderingen v ON v.vordering_id = s.vordering_id WHERE s.actief
                                                                UNION ALL SELECT v.budget_id, -t.bedrag FROM vordering_terugbetalingen t JOIN vorderingen v ON v.vordering_id = t.vordering_id
                                                                UNION ALL SELECT budget_id, bedrag FROM spoedaanvragen WHERE betaling_id IS NOT NULL
                                                                UNION ALL SELECT a.budget_id, -k.verrekend FROM spoed_koppelingen k JOIN spoedaanvragen a ON a.aanvraag_id = k.aanvraag_id) x GROUP BY budget_id) l ON l.budget_id = b.budget_id
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
    name: 'te betalen per zorgverlener is de som van de goedgekeurde, onbetaalde declaraties (min de ingehouden loonheffing en wat een spoedbetaling al betaalde)',
    sql: `SELECT 'zorgverlener ' || COALESCE(r.sleutel, d.zorgverlener_id) || ': te betalen ' || COALESCE(-r.saldo, 0) || ', declaraties ' || COALESCE(d.som, 0) AS breach
            FROM (SELECT sleutel, saldo FROM rekeningen WHERE soort = 'te_betalen' AND sleutel <> 'belastingdienst:loonheffingen') r
            FULL JOIN (SELECT x.zorgverlener_id, sum(x.bedrag - COALESCE(l.ingehouden, 0) - COALESCE(k.verrekend, 0)) AS som FROM declaraties x
                         LEFT JOIN (SELECT declaratie_id, sum(ingehouden) AS ingehouden FROM loonstrook_declaraties GROUP BY declaratie_id) l ON l.declaratie_id = x.declaratie_id
                         LEFT JOIN spoed_koppelingen k ON k.declaratie_id = x.declaratie_id
                        WHERE x.status = 'goedgekeurd' GROUP BY x.zorgverlener_id) d ON d.zorgverlener_id = r.sleutel
           WHERE COALESCE(-r.saldo, 0) <> COALESCE(d.som, 0) LIMIT 50`,
  },
  {
    name: 'onderweg is de som van de verzonden, onbevestigde betalingen',
    sql: `SELECT 'onderweg ' || COALESCE((SELECT -saldo FROM rekeningen WHERE soort = 'onderweg'), 0) || ', verzonden betalingen ' || COALESCE((SELECT sum(bedrag) FROM betalingen WHERE status = 'verzonden'), 0) AS breach
           WHERE COALESCE((SELECT -saldo FROM rekeningen WHERE soort = 'onderweg'), 0) <> COALESCE((SELECT sum(bedrag) FROM betalingen WHERE status = 'verzonden'), 0)`,
  },
  {
    name: 'elke betaalde declaratie zit in precies één actieve betaling, en elke betaling (overgemaakt plus verrekend) is de som van haar declaraties',
    sql: `SELECT breach FROM (
            SELECT 'declaratie ' || d.declaratie_id || ' is betaald maar zit in ' || count(p.betaling_id) || ' actieve betaling(en)' AS breach
              FROM declaraties d LEFT JOIN betaalposten p ON p.declaratie_id = d.declaratie_id AND p.actief
             WHERE d.status = 'betaald'
               -- a claim wholly covered by an urgent payment was paid by that advance, in no regular payment
               AND NOT EXISTS (SELECT 1 FROM spoed_koppelingen k WHERE k.declaratie_id = d.declaratie_id AND k.verrekend = d.bedrag)
             GROUP BY d.declaratie_id HAVING count(p.betaling_id) <> 1
            UNION ALL
            SELECT 'declaratie ' || p.declaratie_id || ' zit in een actieve betaling maar heeft status ' || d.status
              FROM betaalposten p JOIN declaraties d ON d.declaratie_id = p.declaratie_id WHERE p.actief AND d.status <> 'betaald'
            UNION ALL
            SELECT 'betaling ' || b.betaling_id || ' (' || b.bedrag || ' cent overgemaakt, ' || b.verrekend || ' cent verrekend) wijkt af van haar declaraties (' || sum(p.bedrag) || ' cent)'
              FROM betalingen b JOIN betaalposten p ON p.betaling_id = b.betaling_id
             GROUP BY b.betaling_id, b.bedrag, b.verrekend HAVING sum(p.bedrag) <> b.bedrag + b.verrekend
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
            SELECT 'betaling ' || b.betaling_id || ' aan budgethouder ' || b.budgethouder_id || ' (' || b.bedrag || ' cent overgemaakt, ' || b.verrekend || ' cent verrekend) wijkt af van haar eigen bedragen (' || COALESCE(sum(e.bedrag), 0) || ' cent)'
              FROM betalingen b LEFT JOIN eigen_bedragen e ON e.betaling_id = b.betaling_id OR (b.status = 'teruggeboekt' AND b.betaling_id = ANY(e.teruggeboekte_betalingen))
             WHERE b.budgethouder_id IS NOT NULL GROUP BY b.betaling_id, b.budgethouder_id, b.bedrag, b.verrekend HAVING COALESCE(sum(e.bedrag), 0) <> b.bedrag + b.verrekend
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
  // ---- recoveries (vorderingen, issue #8)
  {
    name: 'geen vordering staat negatief en niets te vorderen staat debet',
    sql: `SELECT soort || ':' || sleutel || ' staat ' || saldo || ' cent' AS breach
            FROM rekeningen WHERE (soort = 'vordering' AND saldo < 0) OR (soort = 'te_vorderen' AND saldo > 0) LIMIT 50`,
  },
  {
    name: 'elke vordering: openstaand is vastgesteld min verrekend min terugbetaald min kwijtgescholden, en zo staat ze in het grootboek',
    sql: `SELECT 'vordering ' || v.vordering_id || ': vastgesteld ' || v.bedrag || ', verrekend ' || COALESCE(s.som, 0) || ', terugbetaald ' || COALESCE(t.som, 0)
                 || ', kwijtgescholden ' || v.kwijtgescholden || ', openstaand ' || v.openstaand || ', vordering ' || COALESCE(rv.saldo, 0) || ', te vorderen ' || COALESCE(-rt.saldo, 0) || ', status ' || v.status AS breach
            FROM vorderingen v
            LEFT JOIN (SELECT vordering_id, sum(bedrag) AS som FROM vordering_verrekeningen WHERE actief GROUP BY vordering_id) s ON s.vordering_id = v.vordering_id
            LEFT JOIN (SELECT vordering_id, sum(bedrag) AS som FROM vordering_terugbetalingen GROUP BY vordering_id) t ON t.vordering_id = v.vordering_id
            LEFT JOIN rekeningen rv ON rv.soort = 'vordering' AND rv.sleutel = v.vordering_id
            LEFT JOIN rekeningen rt ON rt.soort = 'te_vorderen' AND rt.sleutel = v.vordering_id
           WHERE v.openstaand <> v.bedrag - COALESCE(s.som, 0) - COALESCE(t.som, 0) - v.kwijtgescholden
              OR COALESCE(rv.saldo, 0) <> v.openstaand OR COALESCE(-rt.saldo, 0) <> v.openstaand
              OR (v.status = 'open') <> (v.openstaand > 0) OR (v.status = 'voldaan' AND v.kwijtgescholden <> 0)
           LIMIT 50`,
  },
  {
    name: 'elke vordering is precies één keer vastgesteld en elke kwijtschelding één keer geboekt',
    sql: `SELECT breach FROM (
            SELECT 'vordering ' || v.vordering_id || ' (' || v.bedrag || ' cent): ' || COALESCE(j.n, 0) || ' boeking(en) van vaststelling, samen ' || COALESCE(j.som, 0) AS breach
              FROM vorderingen v
              LEFT JOIN (SELECT p.referentie, count(DISTINCT p.id) AS n, sum(b.bedrag) AS som FROM journaalposten p JOIN boekingen b ON b.journaalpost_id = p.id JOIN rekeningen r ON r.id = b.rekening_id
                          WHERE p.soort = 'vordering' AND r.soort = 'vordering' GROUP BY p.referentie) j ON j.referentie = v.vordering_id
             WHERE COALESCE(j.n, 0) <> 1 OR COALESCE(j.som, 0) <> v.bedrag
            UNION ALL
            SELECT 'vordering ' || v.vordering_id || ': kwijtgescholden ' || v.kwijtgescholden || ', geboekt ' || COALESCE(-j.som, 0)
              FROM vorderingen v
              LEFT JOIN (SELECT p.referentie, sum(b.bedrag) AS som FROM journaalposten p JOIN boekingen b ON b.journaalpost_id = p.id JOIN rekeningen r ON r.id = b.rekening_id
                          WHERE p.soort = 'kwijtschelding' AND r.soort = 'vordering' GROUP BY p.referentie) j ON j.referentie = v.vordering_id
             WHERE COALESCE(-j.som, 0) <> v.kwijtgescholden
            UNION ALL
            SELECT 'journaalpost ' || p.id || ' (' || p.soort || ' ' || p.referentie || ') hoort bij geen vordering'
              FROM journaalposten p WHERE p.soort IN ('vordering', 'kwijtschelding') AND NOT EXISTS (SELECT 1 FROM vorderingen v WHERE v.vordering_id = p.referentie)
          ) x LIMIT 50`,
  },
  {
    name: 'elke verrekening en elke terugbetaling van een vordering is precies één keer geboekt (een teruggedraaide verrekening ook één keer terug)',
    sql: `SELECT breach FROM (
            SELECT 'verrekening ' || s.vordering_id || ' met ' || s.betaling_id || ' (' || s.bedrag || ' cent, ' || CASE WHEN s.actief THEN 'actief' ELSE 'teruggedraaid' END || '): '
                   || COALESCE(j.n, 0) || ' boeking(en), op de vordering ' || COALESCE(-j.som, 0) AS breach
              FROM vordering_verrekeningen s
              LEFT JOIN (SELECT p.referentie, count(DISTINCT p.id) AS n, sum(b.bedrag) AS som FROM journaalposten p JOIN boekingen b ON b.journaalpost_id = p.id JOIN rekeningen r ON r.id = b.rekening_id
                          WHERE p.soort = 'verrekening' AND r.soort = 'vordering' GROUP BY p.referentie) j ON j.referentie = s.vordering_id || '/' || s.betaling_id
             WHERE (s.actief AND (COALESCE(j.n, 0) <> 1 OR COALESCE(-j.som, 0) <> s.bedrag)) OR (NOT s.actief AND (COALESCE(j.n, 0) <> 2 OR COALESCE(j.som, 0) <> 0))
            UNION ALL
            SELECT 'terugbetaling van ' || t.vordering_id || ' (bankpost ' || t.bankpost_id || ', ' || t.bedrag || ' cent): ' || COALESCE(j.n, 0) || ' boeking(en), op de vordering ' || COALESCE(-j.som, 0)
              FROM vordering_terugbetalingen t JOIN bankposten bp ON bp.id = t.bankpost_id
              LEFT JOIN (SELECT p.referentie, count(DISTINCT p.id) AS n, sum(b.bedrag) AS som FROM journaalposten p JOIN boekingen b ON b.journaalpost_id = p.id JOIN rekeningen r ON r.id = b.rekening_id
                          WHERE p.soort = 'terugbetaling_vordering' AND r.soort = 'vordering' GROUP BY p.referentie) j
                ON j.referentie = t.vordering_id || '/' || bp.afschrift_id || '/' || bp.post_ref || '/' || bp.tx_index
             WHERE COALESCE(j.n, 0) <> 1 OR COALESCE(-j.som, 0) <> t.bedrag
            UNION ALL
            SELECT 'journaalpost ' || p.id || ' (' || p.soort || ' ' || p.referentie || ') hoort bij geen verrekening of terugbetaling'
              FROM journaalposten p
             WHERE (p.soort = 'verrekening' AND NOT EXISTS (SELECT 1 FROM vordering_verrekeningen s WHERE s.vordering_id || '/' || s.betaling_id = p.referentie))
                OR (p.soort = 'terugbetaling_vordering' AND NOT EXISTS (SELECT 1 FROM vordering_terugbetalingen t JOIN bankposten bp ON bp.id = t.bankpost_id
                                                                        WHERE t.vordering_id || '/' || bp.afschrift_id || '/' || bp.post_ref || '/' || bp.tx_index = p.referentie))
            UNION ALL
            SELECT 'betaling ' || b.betaling_id || ': verrekend ' || b.verrekend || ', verrekeningen ' || COALESCE(s.som, 0)
              FROM betalingen b LEFT JOIN (SELECT betaling_id, sum(bedrag) AS som FROM vordering_verrekeningen GROUP BY betaling_id) s ON s.betaling_id = b.betaling_id
             WHERE b.verrekend <> COALESCE(s.som, 0)
          ) x LIMIT 50`,
  },
  {
    name: 'op geen declaratie is meer teruggevorderd dan haar bedrag (niets twee keer)',
    sql: `SELECT 'declaratie ' || d.declaratie_id || ' (' || d.bedrag || ' cent): teruggevorderd ' || sum(v.bedrag) AS breach
            FROM vorderingen v JOIN declaraties d ON d.declaratie_id = v.declaratie_id
           GROUP BY d.declaratie_id, d.bedrag HAVING sum(v.bedrag) > d.bedrag LIMIT 50`,
  },
  // ---- urgent payments (spoedbetalingen, issue #8)
  {
    name: 'elke betaalde spoedbetaling is precies één keer geboekt, in precies één betaling van één spoedrun',
    sql: `SELECT breach FROM (
            SELECT 'spoedaanvraag ' || a.aanvraag_id || ' (' || a.status || ', ' || a.bedrag || ' cent, ' || cardinality(a.teruggeboekte_betalingen) || ' teruggeboekt): boekingen ' || COALESCE(j.n, 0)
                   || ', betaling ' || COALESCE(b.betaling_id, '-') || ' (' || COALESCE(b.bedrag::text, '-') || ' cent, run ' || COALESCE(r.soort, '-') || ')' AS breach
              FROM spoedaanvragen a
              LEFT JOIN (SELECT referentie, count(*) AS n FROM journaalposten WHERE soort = 'spoedbetaling' GROUP BY referentie) j ON j.referentie = a.aanvraag_id
              LEFT JOIN betalingen b ON b.betaling_id = a.betaling_id
              LEFT JOIN betaalruns r ON r.betaalrun_id = b.betaalrun_id
             -- one booking per payment, the returned ones included (a return books the advance back)
             WHERE COALESCE(j.n, 0) <> (CASE WHEN a.betaling_id IS NULL THEN 0 ELSE 1 END) + cardinality(a.teruggeboekte_betalingen)
                OR (a.betaling_id IS NOT NULL AND (b.betaling_id IS NULL OR b.bedrag <> a.bedrag OR b.zorgverlener_id <> a.zorgverlener_id OR b.status = 'teruggeboekt'
                                                 OR r.soort <> 'spoed' OR r.betaalrun_id <> a.betaalrun_id))
            UNION ALL
            SELECT 'betaling ' || b.betaling_id || ' in spoedrun ' || b.betaalrun_id || ' hoort bij ' || count(a.aanvraag_id) || ' spoedaanvragen'
              FROM betalingen b JOIN betaalruns r ON r.betaalrun_id = b.betaalrun_id AND r.soort = 'spoed'
              LEFT JOIN spoedaanvragen a ON a.betaling_id = b.betaling_id OR b.betaling_id = ANY(a.teruggeboekte_betalingen)
             GROUP BY b.betaling_id, b.betaalrun_id HAVING count(a.aanvraag_id) <> 1
            UNION ALL
            SELECT 'declaratie ' || k.declaratie_id || ' verrekend met ' || k.aanvraag_id || ': ' || k.verrekend || ' cent, boekingen ' || COALESCE(j.n, 0)
              FROM spoed_koppelingen k
              LEFT JOIN (SELECT referentie, count(*) AS n FROM journaalposten WHERE soort = 'spoedverrekening' GROUP BY referentie) j ON j.referentie = k.declaratie_id
             WHERE COALESCE(j.n, 0) <> 1
          ) x LIMIT 50`,
  },
  {
    name: 'elk voorschot is betaald min verrekend min wat als vordering verder gaat (en de dekking op het budget evenveel)',
    sql: `SELECT 'voorschot ' || a.aanvraag_id || ': saldo ' || COALESCE(v.saldo, 0) || ', dekking ' || COALESCE(-d.saldo, 0) || ', betaald ' || (CASE WHEN a.betaling_id IS NULL THEN 0 ELSE a.bedrag END)
                 || ', verrekend ' || COALESCE(k.verrekend, 0) || ', te vorderen ' || a.te_vorderen || '/' || COALESCE(k.te_vorderen, 0) || ', vordering ' || COALESCE(vo.vordering_id || ' ' || vo.bedrag, '-') AS breach
            FROM spoedaanvragen a
            LEFT JOIN rekeningen v ON v.soort = 'voorschot' AND v.sleutel = a.aanvraag_id
            LEFT JOIN rekeningen d ON d.soort = 'voorschot_dekking' AND d.sleutel = a.aanvraag_id
            LEFT JOIN spoed_koppelingen k ON k.aanvraag_id = a.aanvraag_id
            LEFT JOIN vorderingen vo ON vo.bron = 'spoed:' || a.aanvraag_id
            LEFT JOIN (SELECT referentie, count(*) AS n FROM journaalposten WHERE soort = 'spoedvordering' GROUP BY referentie) jv ON jv.referentie = a.aanvraag_id
           WHERE COALESCE(v.saldo, 0) <> (CASE WHEN a.betaling_id IS NULL THEN 0 ELSE a.bedrag END) - COALESCE(k.verrekend, 0) - COALESCE(vo.bedrag, 0)
              OR COALESCE(-d.saldo, 0) <> COALESCE(v.saldo, 0)
              OR a.te_vorderen <> COALESCE(k.te_vorderen, 0)
              OR (k.aanvraag_id IS NOT NULL AND k.verrekend + k.te_vorderen <> a.bedrag)
              -- the rest of an advance is handed to exactly one recovery, for exactly that amount, booked once
              OR a.te_vorderen <> COALESCE(vo.bedrag, 0)
              OR COALESCE(jv.n, 0) <> (CASE WHEN vo.vordering_id IS NULL THEN 0 ELSE 1 END)
           LIMIT 50`,
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
