/** Mijn PGB: agreements and their state, one agreement (share a draft), and a new draft. */
import { useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { api, foutmelding } from '../../api.ts';
import { Alert, Button, ButtonLink, Fout, Heading, Laden, Link, Paragraph, useData } from '../../components/index.ts';
import type { Lijst, Zorgovereenkomst, ZorgovereenkomstDetail as ZokDetail } from '../gedeeld/types.ts';
import { useHouder } from './houder.tsx';
import { ZokGegevens, ZokTabel, ZokVersies } from '../gedeeld/Zorgovereenkomst.tsx';

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
