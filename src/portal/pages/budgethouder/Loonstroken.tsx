/**
 * Mijn PGB: Loonstroken. The carers the holder employs through the payroll (net payment), each with
 * the payslips per month and the annual statements as PDFs. See pages/gedeeld/Loonstroken.tsx.
 */
import { api } from '../../api.ts';
import { Fout, Heading, Laden, Paragraph, useData } from '../../components/index.ts';
import { LoonstrokenPerDienstverband, LoonUitleg, type LoonstrookRegel } from '../gedeeld/Loonstroken.tsx';
import { useHouder, wie } from './houder.tsx';

export function Loonstroken() {
  const h = useHouder();
  const d = useData((signal) => api.get<{ items: LoonstrookRegel[] }>('/api/loonstroken', { signal }), [h.id]);
  const items = d.data?.items.filter((s) => s.budgethouder_id === h.id) ?? [];
  const w = wie(h);
  return (
    <>
      <Heading level={1}>Loonstroken</Heading>
      <Paragraph lead>
        {h.vertegenwoordiger ? `De zorgverleners die ${w.naam} in loondienst heeft` : 'De zorgverleners die u in loondienst heeft'} en netto laat uitbetalen via de loonadministratie: per maand de loonstrook, en per jaar de jaaropgave.
      </Paragraph>
      {d.laden && !d.data && <Laden wat="de loonstroken" />}
      {d.fout !== null && <Fout fout={d.fout} opnieuw={d.opnieuw} />}
      {d.data && items.length === 0 && (
        <Paragraph>Er zijn nog geen loonstroken. Die komen er als een zorgverlener met een arbeidsovereenkomst via de loonadministratie wordt betaald en het betaalbureau de loonrun van een maand heeft gedaan.</Paragraph>
      )}
      {items.length > 0 && (
        <>
          <LoonstrokenPerDienstverband items={items} werkgever />
          <LoonUitleg werkgever />
        </>
      )}
    </>
  );
}
