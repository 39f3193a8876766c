/**
 * Portaal zorgverlener: Loonstroken. A carer employed by one or more budget holders (paid through
 * the payroll) sees their own payslips per employer and month, and the annual statements, as PDFs.
 */
import { api } from '../../api.ts';
import { Fout, Heading, Laden, Paragraph, useData } from '../../components/index.ts';
import { LoonstrokenPerDienstverband, LoonUitleg, type LoonstrookRegel } from '../gedeeld/Loonstroken.tsx';

export function Loonstroken() {
  const d = useData((signal) => api.get<{ items: LoonstrookRegel[] }>('/api/loonstroken', { signal }), []);
  return (
    <>
      <Heading level={1}>Loonstroken</Heading>
      <Paragraph lead>Werkt u in loondienst van een budgethouder en loopt uw loon via de loonadministratie? Dan staan hier uw loonstroken per maand en uw jaaropgaven, per werkgever.</Paragraph>
      {d.laden && !d.data && <Laden wat="uw loonstroken" />}
      {d.fout !== null && <Fout fout={d.fout} opnieuw={d.opnieuw} />}
      {d.data && d.data.items.length === 0 && <Paragraph>Er zijn geen loonstroken voor u. Als zelfstandige of instelling declareert u bruto; loonstroken zijn er alleen bij een arbeidsovereenkomst met loonadministratie.</Paragraph>}
      {d.data && d.data.items.length > 0 && (
        <>
          <LoonstrokenPerDienstverband items={d.data.items} werkgever={false} />
          <LoonUitleg werkgever={false} />
        </>
      )}
    </>
  );
}
