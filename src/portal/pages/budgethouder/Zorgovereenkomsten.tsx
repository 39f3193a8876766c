/** Mijn PGB: agreements and their state, one agreement (share a draft), and a new draft. */
import { useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { api, foutmelding } from '../../api.ts';
import { Alert, Button, ButtonLink, DataList, Fout, Heading, Laden, Link, Paragraph, StatusBadge, Table, useData } from '../../components/index.ts';
import { datum, euro, moment } from '../../format.ts';
import { EENHEDEN, wetNaam, ZOK_SOORTEN, ZOK_STATUS } from '../gedeeld/labels.ts';
import type { Lijst, Zorgovereenkomst, ZorgovereenkomstDetail as ZokDetail } from '../gedeeld/types.ts';
import { useHouder } from './houder.tsx';

export function Zorgovereenkomsten() {
  const h = useHouder();
  const d = useData((signal) => api.get<Lijst<Zorgovereenkomst>>('/api/zorgovereenkomsten', { signal }), [h.id]);
  const items = d.data?.items.filter((z) => z.clientnummer === h.clientnummer) ?? [];
  return (
    <>
      <Heading level={1}>Zorgovereenkomsten</Heading>
      <Paragraph>Met een zorgovereenkomst legt u vast wie u welke zorg geeft, tegen welk tarief. De verstrekker accordeert haar; daarna kan de zorgverlener declareren.</Paragraph>
      <Paragraph>
        <ButtonLink to="/mijn-pgb/zorgovereenkomsten/nieuw" appearance="primary-action">
          Nieuwe zorgovereenkomst opstellen
        </ButtonLink>
      </Paragraph>
      {d.laden && !d.data && <Laden wat="de zorgovereenkomsten" />}
      {d.fout !== null && <Fout fout={d.fout} opnieuw={d.opnieuw} />}
      {d.data && <ZokTabel items={items} basis="/mijn-pgb/zorgovereenkomsten" tegenpartij="zorgverlener" />}
    </>
  );
}

export function ZokTabel({ items, basis, tegenpartij }: { items: Zorgovereenkomst[]; basis: string; tegenpartij: 'zorgverlener' | 'budgethouder' }) {
  return (
    <Table
      caption={`Zorgovereenkomsten (${items.length})`}
      rowKey={(z) => z.zorgovereenkomst_id}
      rows={items}
      empty="Er zijn geen zorgovereenkomsten."
      columns={[
        { key: 'id', header: 'Zorgovereenkomst', cell: (z) => <Link to={`${basis}/${encodeURIComponent(z.zorgovereenkomst_id)}`}>{z.zorgovereenkomst_id}</Link> },
        { key: 'wie', header: tegenpartij === 'zorgverlener' ? 'Zorgverlener' : 'Budgethouder', cell: (z) => (tegenpartij === 'zorgverlener' ? z.zorgverlener : `${z.budgethouder} (${z.clientnummer})`) },
        { key: 'wet', header: 'Wet', cell: (z) => wetNaam(z.wet) },
        { key: 'tarief', header: 'Tarief', cell: (z) => `${euro(z.tarief)} ${EENHEDEN.find((e) => e.value === z.eenheid)?.label ?? z.eenheid}`, numeric: true },
        { key: 'status', header: 'Status', cell: (z) => <StatusBadge status={ZOK_STATUS[z.status].kind}>{ZOK_STATUS[z.status].label}</StatusBadge> },
      ]}
    />
  );
}

/** The facts of an agreement, for both sides. */
export function ZokGegevens({ z }: { z: Zorgovereenkomst }) {
  return (
    <DataList
      items={[
        { key: 'Status', value: <StatusBadge status={ZOK_STATUS[z.status].kind}>{ZOK_STATUS[z.status].label}</StatusBadge> },
        { key: 'Budgethouder', value: `${z.budgethouder} (cliëntnummer ${z.clientnummer})` },
        { key: 'Zorgverlener', value: z.zorgverlener },
        { key: 'Wet', value: wetNaam(z.wet) },
        { key: 'Soort overeenkomst', value: ZOK_SOORTEN.find((s) => s.value === z.soort)?.label ?? z.soort },
        { key: 'Looptijd', value: `${datum(z.ingangsdatum)} tot ${z.einddatum ? `en met ${datum(z.einddatum)}` : 'onbepaalde tijd'}` },
        { key: 'Tarief', value: `${euro(z.tarief)} ${EENHEDEN.find((e) => e.value === z.eenheid)?.label ?? z.eenheid}` },
        ...(z.maandbedrag !== null ? [{ key: 'Maandbedrag', value: euro(z.maandbedrag) }] : []),
        { key: 'Maximumtarief', value: z.maximumtarief !== null ? euro(z.maximumtarief) : 'wordt vastgesteld door de verstrekker bij accordering' },
      ]}
    />
  );
}

export function ZokVersies({ z }: { z: ZokDetail }) {
  return (
    <>
      <Heading level={2}>Geschiedenis</Heading>
      <ol className="pgb-spoor">
        {z.versies.map((v) => (
          <li key={v.versie} className="pgb-spoor__stap">
            <p className="utrecht-paragraph">
              <strong>Versie {v.versie}: {ZOK_STATUS[v.status as keyof typeof ZOK_STATUS]?.label ?? v.status}</strong> <span className="pgb-spoor__tijd">{v.op ? moment(v.op) : datum(v.datum)}</span>
            </p>
            {v.reden && <p className="utrecht-paragraph utrecht-paragraph--small">{v.reden}</p>}
          </li>
        ))}
      </ol>
    </>
  );
}

export function ZorgovereenkomstDetail() {
  const { id } = useParams();
  const location = useLocation();
  const [melding, setMelding] = useState<{ type: 'ok' | 'error'; tekst: string } | null>((location.state as { melding?: string } | null)?.melding ? { type: 'ok', tekst: (location.state as { melding: string }).melding } : null);
  const [bezig, setBezig] = useState(false);
  const d = useData((signal) => api.get<ZokDetail>(`/api/zorgovereenkomsten/${encodeURIComponent(id ?? '')}`, { signal }), [id]);
  async function deel() {
    setBezig(true);
    try {
      await api.post(`/api/zorgovereenkomsten/${encodeURIComponent(id ?? '')}/delen`);
      setMelding({ type: 'ok', tekst: `Gedeeld met ${d.data?.zorgverlener}. Die vult aan en ondertekent; daarna accordeert de verstrekker.` });
      d.opnieuw();
    } catch (e) {
      setMelding({ type: 'error', tekst: foutmelding(e) });
    } finally {
      setBezig(false);
    }
  }
  return (
    <>
      <Paragraph>
        <Link to="/mijn-pgb/zorgovereenkomsten">← Zorgovereenkomsten</Link>
      </Paragraph>
      <Heading level={1}>Zorgovereenkomst {id}</Heading>
      <div aria-live="polite">{melding && <Alert type={melding.type}>{melding.tekst}</Alert>}</div>
      {d.laden && !d.data && <Laden wat="de zorgovereenkomst" />}
      {d.fout !== null && <Fout fout={d.fout} opnieuw={d.opnieuw} />}
      {d.data && (
        <>
          <ZokGegevens z={d.data} />
          {d.data.status === 'concept' && (
            <Alert type="info" titel="Dit is een concept">
              <Paragraph>Controleer de gegevens. Deel het concept dan met {d.data.zorgverlener}: die vult aan en ondertekent.</Paragraph>
              <Button appearance="primary-action" busy={bezig} onClick={deel}>
                Delen met de zorgverlener
              </Button>
            </Alert>
          )}
          <ZokVersies z={d.data} />
        </>
      )}
    </>
  );
}

export function useNaarDetail() {
  const navigate = useNavigate();
  return (id: string, melding: string) => navigate(`/mijn-pgb/zorgovereenkomsten/${encodeURIComponent(id)}`, { state: { melding } });
}
