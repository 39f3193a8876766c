/**
 * Backoffice: Loonadministratie. Run the payroll of a month (`POST /api/loonruns`: payslips for the
 * approved claims of employed carers, corrections of earlier months, wage tax withheld and employer
 * premiums charged, so that the next payment run pays them net), see what waits and why, and the
 * payroll summary of a month (`GET /api/loonoverzicht`) on screen and as Excel or CSV: the basis of
 * the wage-tax return.
 */
import { useRef, useState } from 'react';
import { api, foutmelding, query } from '../../api.ts';
import { euro, maand, vandaag } from '../../format.ts';
import { Alert, Button, ExternalLink, Form, Fout, Heading, Laden, ListItem, Paragraph, Table, TextField, UnorderedList, useData } from '../../components/index.ts';
import { cel, type Rapport } from '../gedeeld/Rapporten.tsx';
import type { LoonstrookRegel } from '../gedeeld/Loonstroken.tsx';

/** A payslip as the payroll run answers it: the list's figures without the names. */
type Strook = Omit<LoonstrookRegel, 'zorgverlener_id' | 'zorgverlener_naam' | 'budgethouder_id' | 'budgethouder_naam' | 'clientnummer'>;

interface RunAntwoord {
  loonrunId: string | null;
  loonstroken: Strook[];
  wachtend: { zorgovereenkomst_id: string; reden: string }[];
  ingehouden: number;
  premies: number;
}

const MAAND = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The month before today's, as YYYY-MM: the usual month to run. */
export function vorigeMaand(): string {
  const t = vandaag();
  const y = Number(t.slice(0, 4));
  const m = Number(t.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

export function LoonadministratiePagina() {
  const [periode, setPeriode] = useState(vorigeMaand);
  const [herbereken, setHerbereken] = useState('');
  const [fouten, setFouten] = useState<{ periode?: string; herbereken?: string; algemeen?: string }>({});
  const [bezig, setBezig] = useState(false);
  const [uitkomst, setUitkomst] = useState<{ periode: string; r: RunAntwoord } | null>(null);
  const sleutel = useRef(crypto.randomUUID());
  const [overzichtMaand, setOverzichtMaand] = useState(vorigeMaand);
  const [getoond, setGetoond] = useState(vorigeMaand);
  const [overzichtFout, setOverzichtFout] = useState<string | null>(null);
  const overzicht = useData((signal) => api.get<Rapport>(`/api/loonoverzicht${query({ periode: getoond })}`, { signal }), [getoond, uitkomst]);
  const download = (formaat: string) => `/api/loonoverzicht${query({ periode: getoond, formaat })}`;

  async function start() {
    const f: typeof fouten = {};
    if (!MAAND.test(periode)) f.periode = 'Vul de maand in als JJJJ-MM, bijvoorbeeld 2026-11.';
    if (herbereken && !MAAND.test(herbereken)) f.herbereken = 'Vul de maand in als JJJJ-MM, of laat het veld leeg.';
    else if (herbereken && MAAND.test(periode) && herbereken > periode) f.herbereken = 'Deze maand ligt na de maand van de loonrun.';
    setFouten(f);
    if (Object.keys(f).length > 0) return;
    setBezig(true);
    try {
      const r = await api.post<RunAntwoord>('/api/loonruns', { periode, ...(herbereken ? { herbereken_vanaf: herbereken } : {}) }, { sleutel: sleutel.current });
      sleutel.current = crypto.randomUUID();
      setUitkomst({ periode, r });
      setGetoond(periode);
      setOverzichtMaand(periode);
    } catch (e) {
      setFouten({ algemeen: foutmelding(e) });
    } finally {
      setBezig(false);
    }
  }

  return (
    <>
      <Heading level={1}>Loonadministratie</Heading>
      <Paragraph lead>
        De loonrun maakt de loonstroken van een maand voor zorgverleners in loondienst met loonadministratie: de loonheffing wordt ingehouden, de werkgeverspremies gaan ten laste van het budget, en de volgende betaalrun betaalt het nettoloon. Een latere declaratie over een eerdere maand geeft een correctie (een nieuwe versie van die maand).
      </Paragraph>
      <section aria-labelledby="loonrun-kop" className="pgb-sectie">
        <Heading level={2} id="loonrun-kop">
          Loonrun starten
        </Heading>
        <Form
          aria-label="Loonrun starten"
          onSubmit={(e) => {
            e.preventDefault();
            void start();
          }}
        >
          <div className="pgb-inline">
            <TextField id="loonrun-periode" label="Maand" description="JJJJ-MM; declaraties over deze maand en eerder die nog op geen loonstrook staan." required value={periode} onChange={setPeriode} error={fouten.periode ?? null} autoComplete="off" />
            <TextField id="loonrun-herbereken" label="Ook opnieuw berekenen vanaf" description="JJJJ-MM; bij een wijziging met terugwerkende kracht." value={herbereken} onChange={setHerbereken} error={fouten.herbereken ?? null} autoComplete="off" />
            <Button type="submit" appearance="primary-action" busy={bezig}>
              Loonrun starten
            </Button>
          </div>
        </Form>
        <div aria-live="polite">
          {fouten.algemeen && <Alert type="error">{fouten.algemeen}</Alert>}
          {uitkomst && <RunUitkomst periode={uitkomst.periode} r={uitkomst.r} />}
        </div>
      </section>
      <section aria-labelledby="overzicht-kop" className="pgb-sectie">
        <Heading level={2} id="overzicht-kop">
          Loonoverzicht {maand(getoond)}
        </Heading>
        <Paragraph>Per loonstrook van de maand de laatste versie, per correctie van een eerdere maand het verschil, en het totaal: de grondslag voor de aangifte loonheffingen.</Paragraph>
        <Form
          aria-label="Maand van het loonoverzicht"
          onSubmit={(e) => {
            e.preventDefault();
            if (!MAAND.test(overzichtMaand)) return setOverzichtFout('Vul de maand in als JJJJ-MM, bijvoorbeeld 2026-11.');
            setOverzichtFout(null);
            setGetoond(overzichtMaand);
          }}
        >
          <div className="pgb-inline">
            <TextField id="overzicht-periode" label="Maand van het overzicht" description="JJJJ-MM" required value={overzichtMaand} onChange={setOverzichtMaand} error={overzichtFout} autoComplete="off" />
            <Button type="submit" appearance="secondary-action">
              Toon
            </Button>
          </div>
        </Form>
        <Paragraph>
          Downloaden:{' '}
          <ExternalLink href={download('xlsx')} download>
            Loonoverzicht {maand(getoond)} als Excel (.xlsx)
          </ExternalLink>{' '}
          ·{' '}
          <ExternalLink href={download('csv')} download>
            als CSV
          </ExternalLink>
        </Paragraph>
        {overzicht.laden && !overzicht.data && <Laden wat="het loonoverzicht" />}
        {overzicht.fout !== null && <Fout fout={overzicht.fout} opnieuw={overzicht.opnieuw} />}
        {overzicht.data && (
          <Table
            caption={overzicht.data.titel}
            columns={overzicht.data.kolommen.map((k) => ({ key: k.key, header: k.header, numeric: k.kind === 'euro' || k.kind === 'int', cell: (r: Record<string, string | number | null>) => cel(k, r[k.key] ?? null, r) }))}
            rows={overzicht.data.rijen.length > 1 ? overzicht.data.rijen : []}
            rowKey={(r) => String(overzicht.data!.rijen.indexOf(r))}
            empty={`Er zijn geen loonstroken van ${maand(getoond)}.`}
          />
        )}
      </section>
    </>
  );
}

function RunUitkomst({ periode, r }: { periode: string; r: RunAntwoord }) {
  return (
    <>
      {r.loonrunId ? (
        <Alert type="ok" titel={`Loonrun ${r.loonrunId} gemaakt`}>
          <Paragraph>
            {r.loonstroken.length === 1 ? '1 loonstrook' : `${r.loonstroken.length} loonstroken`} voor {maand(periode)} en eerder. Ingehouden loonheffing {euro(r.ingehouden)}, werkgeverspremies ten laste van de budgetten {euro(r.premies)}. De volgende betaalrun betaalt het nettoloon.
          </Paragraph>
        </Alert>
      ) : (
        <Alert type="info" titel="Geen nieuwe loonstroken">
          <Paragraph>Er waren geen goedgekeurde declaraties van zorgverleners in loondienst die nog op geen loonstrook staan, en niets om te corrigeren.</Paragraph>
        </Alert>
      )}
      {r.wachtend.length > 0 && (
        <Alert type="warning" titel="Wacht">
          <UnorderedList>
            {r.wachtend.map((w) => (
              <ListItem key={w.zorgovereenkomst_id}>
                Zorgovereenkomst {w.zorgovereenkomst_id}: {w.reden}
              </ListItem>
            ))}
          </UnorderedList>
        </Alert>
      )}
      {r.loonstroken.length > 0 && (
        <Table
          caption="Loonstroken van deze loonrun"
          rowKey={(s) => s.loonstrook_id}
          rows={r.loonstroken}
          columns={[
            { key: 'id', header: 'Loonstrook', cell: (s: Strook) => <ExternalLink href={`/api/loonstroken/${encodeURIComponent(s.loonstrook_id)}`} target="_blank" rel="noopener" aria-label={`Loonstrook ${s.loonstrook_id} openen (PDF, nieuw venster)`}>{s.loonstrook_id}</ExternalLink> },
            { key: 'maand', header: 'Maand', cell: (s) => `${maand(s.periode)}${s.versie > 1 ? ` (correctie, versie ${s.versie})` : ''}` },
            { key: 'bruto', header: 'Brutoloon', numeric: true, cell: (s) => euro(s.brutoloon) },
            { key: 'lh', header: 'Loonheffing', numeric: true, cell: (s) => euro(s.loonheffing) },
            { key: 'netto', header: 'Nettoloon', numeric: true, cell: (s) => euro(s.nettoloon) },
            { key: 'premies', header: 'Werkgeverspremies', numeric: true, cell: (s) => euro(s.werkgeverspremies) },
          ]}
        />
      )}
    </>
  );
}
