/** The funder's start page: what waits for it (agreements to approve, signals) and its budgets in total. */
import { api } from '../../api.ts';
import { euro } from '../../format.ts';
import { Kerncijfers } from '../../components/Kerncijfers.tsx';
import { Fout, Heading, Laden, Link, Paragraph, useData } from '../../components/index.ts';
import { useSessie } from '../../sessie.tsx';

interface Totalen {
  wachtend: number;
  signalen: number;
  misbruik: number;
  toegekend: number;
  besteed: number;
  beschikbaar: number;
  budgetten: number;
}

export function Overzicht() {
  const { sessie } = useSessie();
  const d = useData(async (signal): Promise<Totalen> => {
    const [zok, sig, bud] = await Promise.all([
      api.get<{ items: unknown[] }>('/api/zorgovereenkomsten?status=ingediend&limit=500', { signal }),
      api.get<{ items: { soort: string }[] }>('/api/signalen?limit=1000', { signal }),
      api.get<{ per_wet: { budgetten: number; toegekend_centen: number; besteed_centen: number; beschikbaar_centen: number }[] }>('/api/budgetten?limit=1', { signal }),
    ]);
    return {
      wachtend: zok.items.length,
      signalen: sig.items.filter((s) => s.soort === 'budget_uitputting').length,
      misbruik: sig.items.filter((s) => s.soort !== 'budget_uitputting').length,
      toegekend: bud.per_wet.reduce((s, w) => s + w.toegekend_centen, 0),
      besteed: bud.per_wet.reduce((s, w) => s + w.besteed_centen, 0),
      beschikbaar: bud.per_wet.reduce((s, w) => s + w.beschikbaar_centen, 0),
      budgetten: bud.per_wet.reduce((s, w) => s + w.budgetten, 0),
    };
  }, []);
  return (
    <>
      <Heading level={1}>Overzicht {sessie?.principal.verstrekker ? `verstrekker ${sessie.principal.verstrekker}` : ''}</Heading>
      <Paragraph lead>Wat op u wacht, en de budgetten die u toekende.</Paragraph>
      {d.laden && <Laden wat="het overzicht" />}
      {d.fout != null && <Fout fout={d.fout} opnieuw={d.opnieuw} />}
      {d.data && (
        <>
          <Heading level={2}>Wacht op u</Heading>
          <Kerncijfers
            label="Wacht op u"
            items={[
              { label: <Link to="/verstrekker/zorgovereenkomsten">zorgovereenkomsten te beoordelen</Link>, waarde: d.data.wachtend },
              { label: <Link to="/verstrekker/signalen">signalen: budget raakt op</Link>, waarde: d.data.signalen },
              { label: <Link to="/verstrekker/signalen">signalen: mogelijk misbruik</Link>, waarde: d.data.misbruik },
            ]}
          />
          <Heading level={2}>Budgetten</Heading>
          <Kerncijfers
            label="Budgetten"
            items={[
              { label: <Link to="/verstrekker/budgetten">budgetten</Link>, waarde: d.data.budgetten },
              { label: 'toegekend', waarde: euro(d.data.toegekend) },
              { label: 'besteed', waarde: euro(d.data.besteed) },
              { label: 'beschikbaar', waarde: euro(d.data.beschikbaar) },
            ]}
          />
          <Paragraph>
            <Link to="/verstrekker/toekenningen">Budget toekennen of intrekken</Link> · <Link to="/verstrekker/zorgverleners">Zorgverlener zoeken</Link> · <Link to="/verstrekker/rapporten">Rapporten</Link>
          </Paragraph>
        </>
      )}
    </>
  );
}
