/** Mijn PGB: the holder's claims (filter by status), a new claim, and one claim's trace. */
import { useLocation } from 'react-router';
import { api, query } from '../../api.ts';
import { Alert, Fout, Heading, Laden, Link, Paragraph, useData } from '../../components/index.ts';
import type { Lijst, Zorgovereenkomst } from '../gedeeld/types.ts';
import { DeclaratieSpoor } from '../gedeeld/DeclaratieSpoor.tsx';
import { DeclaratieFormulier } from '../gedeeld/DeclaratieFormulier.tsx';
import { useHouder } from './houder.tsx';
import { DeclaratieLijst } from '../gedeeld/DeclaratieTabel.tsx';

export function Declaraties() {
  const h = useHouder();
  return (
    <DeclaratieLijst
      titel="Declaraties"
      intro="Elke declaratie met waar zij nu is. Kies een declaratie voor het hele spoor van ontvangst tot betaling."
      nieuw={{ tekst: 'Nieuwe declaratie' }}
      basis="/mijn-pgb/declaraties"
      tegenpartij="zorgverlener"
      budgethouderId={h.id}
    />
  );
}

export function DeclaratieNieuw() {
  const h = useHouder();
  const d = useData((signal) => api.get<Lijst<Zorgovereenkomst>>(`/api/zorgovereenkomsten${query({ status: 'geaccordeerd' })}`, { signal }), [h.id]);
  return (
    <>
      <Paragraph>
        <Link to="/mijn-pgb/declaraties">← Declaraties</Link>
      </Paragraph>
      <Heading level={1}>Nieuwe declaratie</Heading>
      <Paragraph>Vul per dag de zorg in. Terwijl u typt, controleren wij de declaratie en zeggen wij wat u moet herstellen.</Paragraph>
      {d.laden && !d.data && <Laden wat="de zorgovereenkomsten" />}
      {d.fout !== null && <Fout fout={d.fout} opnieuw={d.opnieuw} />}
      {d.data && (
        <DeclaratieFormulier
          key={h.id}
          wie="budgethouder"
          budgethouderId={h.id}
          overeenkomsten={d.data.items.filter((z) => z.clientnummer === h.clientnummer)}
          naVersturen={(id) => `/mijn-pgb/declaraties/${encodeURIComponent(id)}`}
        />
      )}
    </>
  );
}

export function DeclaratieDetail() {
  const location = useLocation();
  const verstuurd = (location.state as { verstuurd?: string } | null)?.verstuurd;
  return (
    <>
      {verstuurd && (
        <Alert type="ok" titel="Verstuurd">
          <Paragraph>Declaratie {verstuurd} is ontvangen. Hieronder ziet u wat er mee gebeurt.</Paragraph>
        </Alert>
      )}
      <DeclaratieSpoor
        terug={{ pad: '/mijn-pgb/declaraties', tekst: 'Declaraties' }}
        contact={(c) => (
          <Paragraph>
            Vragen over de zorg of de uren: {c.zorgverlener_naam}. Vragen over uw budget of de zorgovereenkomst: uw {c.wet === 'WLZ' ? 'zorgkantoor' : 'gemeente'}. Vragen over de betaling: het betaalbureau
            (vermeld declaratie {c.declaratie_id}).
          </Paragraph>
        )}
      />
    </>
  );
}
