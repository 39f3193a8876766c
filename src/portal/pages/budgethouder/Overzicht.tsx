/**
 * Mijn PGB, the start page: per law what was granted, spent, committed (approved, not yet paid)
 * and left, each budget's depletion over its period with the expected end date at the pace so far,
 * and how many tasks wait.
 */
import { api, query } from '../../api.ts';
import { Alert, ButtonLink, DataList, Fout, Heading, Laden, Paragraph, useData } from '../../components/index.ts';
import { datum, euro, vandaag } from '../../format.ts';
import type { Budgethouder, Declaratie, Lijst, Zorgovereenkomst } from '../gedeeld/types.ts';
import { wetNaam } from '../gedeeld/labels.ts';
import { Uitputtingsgrafiek } from '../gedeeld/Uitputtingsgrafiek.tsx';
import { useHouder, wie } from './houder.tsx';

export function Overzicht() {
  const h = useHouder();
  const houder = useData((signal) => api.get<Budgethouder>(`/api/budgethouders/${h.id}`, { signal }), [h.id]);
  const taken = useData(
    async (signal) => {
      const [claims, zok] = await Promise.all([
        api.get<Lijst<Declaratie>>(`/api/declaraties${query({ budgethouder_id: h.id, status: 'ter_goedkeuring', limit: 100 })}`, { signal }),
        api.get<Lijst<Zorgovereenkomst>>(`/api/zorgovereenkomsten${query({ status: 'concept' })}`, { signal }),
      ]);
      return claims.items.length + zok.items.filter((z) => z.clientnummer === h.clientnummer).length;
    },
    [h.id, h.clientnummer],
  );
  const vandaagIs = vandaag();
  const w = wie(h);
  return (
    <>
      <Heading level={1}>{h.vertegenwoordiger ? `Budget van ${h.naam ?? 'de budgethouder'}` : 'Uw budget'}</Heading>
      {taken.data !== undefined && taken.data > 0 && (
        <Alert type="warning" titel={`Er ${taken.data === 1 ? 'wacht 1 taak' : `wachten ${taken.data} taken`} ${h.vertegenwoordiger ? `voor ${w.naam}` : 'op u'}`}>
          <Paragraph>Bijvoorbeeld declaraties van een zorgverlener die op goedkeuring wachten.</Paragraph>
          <ButtonLink to="/mijn-pgb/taken" appearance="primary-action">
            Naar de taken
          </ButtonLink>
        </Alert>
      )}
      {houder.laden && !houder.data && <Laden wat="het budget" />}
      {houder.fout !== null && <Fout fout={houder.fout} opnieuw={houder.opnieuw} />}
      {houder.data && (
        <>
          <DataList
            items={[
              { key: 'Budgethouder', value: houder.data.naam },
              { key: 'Cliëntnummer', value: String(houder.data.clientnummer) },
              { key: 'BSN', value: houder.data.bsn.replace(/\*/g, '•') },
            ]}
          />
          {houder.data.per_wet.length === 0 && <Paragraph>Er is (nog) geen budget toegekend.</Paragraph>}
          {houder.data.per_wet.map((pw) => {
            // a withdrawn allocation (corrected to zero) has nothing to show over time
            const budgetten = houder.data!.budgetten.filter((b) => b.wet === pw.wet && b.toegekend_centen > 0);
            return (
              <section key={pw.wet} className="pgb-sectie" aria-labelledby={`wet-${pw.wet}`}>
                <Heading level={2} id={`wet-${pw.wet}`}>
                  {wetNaam(pw.wet)}
                </Heading>
                <div className="pgb-kaarten pgb-kaarten--vier">
                  <Bedrag titel="Toegekend" cents={pw.toegekend_centen} />
                  <Bedrag titel="Besteed" cents={pw.besteed_centen} uitleg={`waarvan ${euro(pw.betaald_centen)} betaald`} />
                  <Bedrag titel="Vastgelegd" cents={pw.nog_te_betalen_centen} uitleg="goedgekeurd, nog niet betaald" />
                  <Bedrag titel="Over" cents={pw.beschikbaar_centen} nadruk />
                </div>
                {pw.eigen_bijdrage && pw.eigen_bijdrage.gestort_centen > 0 && (
                  <Paragraph>
                    Eigen stortingen: {euro(pw.eigen_bijdrage.gestort_centen)} gestort, {euro(pw.eigen_bijdrage.beschikbaar_centen)} nog beschikbaar.
                  </Paragraph>
                )}
                {budgetten.map((b) => (
                  <div key={b.budget_id} className="pgb-budget">
                    <Heading level={3}>
                      Toekenning {b.budget_id}: {datum(b.ingangsdatum)} tot en met {datum(b.einddatum)}
                    </Heading>
                    <Paragraph>
                      {b.verstrekker_naam} kende {euro(b.toegekend_centen)} toe; er is {euro(b.beschikbaar_centen)} over
                      {b.uitputting.tempo_per_maand_centen !== null ? ` en het tempo is ${euro(b.uitputting.tempo_per_maand_centen)} per maand` : ''}.
                    </Paragraph>
                    <Uitputtingsgrafiek budget={b} vandaag={vandaagIs} />
                  </div>
                ))}
              </section>
            );
          })}
        </>
      )}
    </>
  );
}

function Bedrag({ titel, cents, uitleg, nadruk = false }: { titel: string; cents: number; uitleg?: string; nadruk?: boolean }) {
  return (
    <div className={nadruk ? 'pgb-kaart pgb-kaart--nadruk' : 'pgb-kaart'}>
      <p className="utrecht-paragraph pgb-kaart__titel">{titel}</p>
      <p className="utrecht-paragraph pgb-kaart__bedrag">{euro(cents)}</p>
      {uitleg && <p className="utrecht-paragraph utrecht-paragraph--small">{uitleg}</p>}
    </div>
  );
}
