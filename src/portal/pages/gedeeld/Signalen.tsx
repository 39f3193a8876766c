/**
 * Signals for the funder (the signals about its own holders, the evidence limited to them) and the
 * back office: budget nearly used up, and possible misuse for the funder to judge. Each with the
 * evidence it names; none blocks a payment.
 */
import { useState } from 'react';
import { api, query } from '../../api.ts';
import { moment } from '../../format.ts';
import { Bewijs } from '../../components/Bewijs.tsx';
import { Fout, Heading, Laden, Paragraph, SelectField, StatusBadge, useData } from '../../components/index.ts';

interface Signaal {
  id: number;
  soort: string;
  naam: string;
  onderwerp: string;
  periode: string;
  budgethouder_id: number | null;
  zorgverlener_id: string | null;
  verstrekkers: string[];
  omschrijving: string;
  bewijs: Record<string, unknown>;
  eerst_gezien_op: string;
  laatst_gezien_op: string;
}

const SOORTEN: Record<string, string> = {
  budget_uitputting: 'Budget raakt op',
  uren_per_dag: 'Meer dan 24 uur zorg op één dag',
  zelfde_uren: 'Dezelfde uren bij meer budgethouders',
  na_overlijden: 'Zorg na overlijden',
  veel_budgethouders: 'Ongebruikelijk veel budgethouders',
  sprong_uren: 'Sterke stijging van uren',
};

export function SignalenPagina({ uitleg }: { uitleg: string }) {
  const [soort, setSoort] = useState('');
  const d = useData((signal) => api.get<{ items: Signaal[] }>(`/api/signalen${query({ soort, limit: 200 })}`, { signal }), [soort]);
  return (
    <>
      <Heading level={1}>Signalen</Heading>
      <Paragraph lead>{uitleg}</Paragraph>
      <SelectField
        id="signaal-soort"
        label="Soort signaal"
        value={soort}
        onChange={setSoort}
        placeholder="Alle soorten"
        options={Object.entries(SOORTEN).map(([value, label]) => ({ value, label }))}
      />
      {d.laden && <Laden wat="de signalen" />}
      {d.fout != null && <Fout fout={d.fout} opnieuw={d.opnieuw} />}
      {d.data && d.data.items.length === 0 && <Paragraph>Er zijn geen signalen.</Paragraph>}
      {d.data?.items.map((s) => (
        <section key={s.id} className="pgb-blok" aria-labelledby={`signaal-${s.id}`}>
          <Heading level={2} id={`signaal-${s.id}`}>
            {s.naam}
          </Heading>
          <Paragraph>
            <StatusBadge status={s.soort === 'budget_uitputting' ? 'warning' : 'danger'}>{s.soort === 'budget_uitputting' ? 'Budget' : 'Mogelijk misbruik: ter beoordeling'}</StatusBadge> Periode {s.periode}, eerst gezien{' '}
            {moment(s.eerst_gezien_op)}
          </Paragraph>
          <Paragraph>{s.omschrijving}</Paragraph>
          <details className="pgb-bewijs">
            <summary>Bewijs</summary>
            <Bewijs bewijs={s.bewijs} />
          </details>
        </section>
      ))}
    </>
  );
}
