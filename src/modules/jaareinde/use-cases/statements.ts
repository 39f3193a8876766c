/**
 * The year end as tables: the closing figures per allocation (budgetafsluiting) and the settlement
 * statement per funder and law (jaarafrekening), in the report shape of the rapportages module so
 * that they come out as CSV, Excel, HTML or JSON like every report.
 */
import type { Queryable } from '../../../db/connection.ts';
import type { PlainDate } from '../../../kernel/dates.ts';
import { WET_NAMEN } from '../../../kernel/wet.ts';
import type { ReportTable } from '../../rapportages/index.ts';
import { settlement } from '../core/closing.ts';
import { closingsOfYear } from '../repo.ts';

const c = (key: string, header: string, kind: 'text' | 'int' | 'euro' | 'date') => ({ key, header, kind });

export async function yearEndTables(db: Queryable, jaar: number, verstrekker?: string): Promise<{ budgetafsluiting: ReportTable; jaarafrekening: ReportTable }> {
  const rows = await closingsOfYear(db, jaar, verstrekker);
  const head = { van: `${jaar}-01-01` as PlainDate, tot: `${jaar}-12-31` as PlainDate, peildatum: `${jaar}-12-31` as PlainDate, verstrekker: verstrekker ?? null, bron: 'issue #8 (jaareinde)', grafiek: null };
  return {
    budgetafsluiting: {
      ...head,
      naam: 'budgetafsluiting',
      titel: `Budgetafsluiting ${jaar} per toekenning`,
      kolommen: [
        c('budget_id', 'Toekenning', 'text'), c('verstrekker', 'Verstrekker', 'text'), c('budgethouder_id', 'Budgethouder', 'int'), c('wet', 'Wet', 'text'),
        c('ingangsdatum', 'Ingangsdatum', 'date'), c('einddatum', 'Einddatum', 'date'), c('toegekend', 'Toegekend', 'euro'), c('besteed_declaraties', 'Besteed aan declaraties', 'euro'),
        c('besteed_eigen_bedragen', 'Eigen bedragen (verantwoordingsvrij e.d.)', 'euro'), c('uit_stortingen', 'Betaald uit eigen stortingen', 'euro'),
        c('terug_naar_verstrekker', 'Over: terug naar verstrekker', 'euro'), c('open_declaraties', 'Geparkeerde declaraties', 'int'),
      ],
      rijen: rows.map((r) => ({
        budget_id: r.budgetId, verstrekker: r.verstrekker, budgethouder_id: r.holderId, wet: r.wet, ingangsdatum: r.ingangsdatum, einddatum: r.einddatum, toegekend: r.toegekend,
        besteed_declaraties: r.besteedDeclaraties, besteed_eigen_bedragen: r.besteedEigenBedragen, uit_stortingen: r.uitStortingen, terug_naar_verstrekker: r.terugNaarVerstrekker, open_declaraties: r.openDeclaraties,
      })),
      toelichting: [
        'Toegekend = besteed aan declaraties (met werkgeverspremies van verloning) + eigen bedragen + terug naar de verstrekker.',
        'Betaald uit eigen stortingen: wat de eigen stortingen van de budgethouder voor deze wet betaalden aan zorg in de looptijd van de toekenning (bovenop het budget).',
      ],
    },
    jaarafrekening: {
      ...head,
      naam: 'jaarafrekening',
      titel: `Jaarafrekening ${jaar} per verstrekker`,
      kolommen: [
        c('verstrekker', 'Verstrekker', 'text'), c('wet', 'Wet', 'text'), c('budgetten', 'Toekenningen', 'int'), c('toegekend', 'Gefinancierd (toegekend)', 'euro'),
        c('besteed_declaraties', 'Besteed aan declaraties', 'euro'), c('besteed_eigen_bedragen', 'Eigen bedragen', 'euro'), c('terug_naar_verstrekker', 'Terug naar verstrekker', 'euro'),
        c('open_declaraties', 'Geparkeerde declaraties', 'int'),
      ],
      rijen: settlement(rows).map((s) => ({
        verstrekker: s.verstrekker, wet: WET_NAMEN[s.wet], budgetten: s.budgetten, toegekend: s.toegekend, besteed_declaraties: s.besteedDeclaraties,
        besteed_eigen_bedragen: s.besteedEigenBedragen, terug_naar_verstrekker: s.terugNaarVerstrekker, open_declaraties: s.openDeclaraties,
      })),
      toelichting: ['Per verstrekker en wet: wat hij financierde, wat is besteed en wat naar hem teruggaat (geboekt als budgetafsluiting: budget → verstrekker).'],
    },
  };
}
