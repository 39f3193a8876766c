/**
 * Payment runs: start one for an execution date (every approved, unpaid claim; one transfer per
 * provider; one SEPA pain.001 file), see what it held back (blocked IBANs), and download the SEPA
 * file of any run exactly as the database holds it, to send to the bank.
 */
import { useRef, useState } from 'react';
import { api, foutmelding } from '../../api.ts';
import { datum, euro, moment } from '../../format.ts';
import { Alert, Button, ExternalLink, Fout, Form, Heading, Laden, Link, Paragraph, Table, TextField, useData } from '../../components/index.ts';
import { vandaag } from '../gedeeld/namen.ts';

interface Run {
  betaalrun_id: string;
  datum: string;
  aangemaakt_op: string;
  actor: string;
  aantal: number;
  totaal_centen: number;
  verzonden: number;
  bevestigd: number;
  teruggeboekt: number;
}

interface RunAntwoord {
  betaalrun_id: string | null;
  betalingen: number;
  declaraties: number;
  totaal_centen: number;
  verrekend_centen?: number;
  geheel_verrekend?: number;
  sepa?: string | null;
  aangehouden: { zorgverlener_id: string; aantal: number; bedrag_centen: number; reden: string }[];
}

export function BetaalrunsPagina() {
  const [uitvoering, setUitvoering] = useState(vandaag);
  const [fout, setFout] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  const [uitkomst, setUitkomst] = useState<RunAntwoord | null>(null);
  const sleutel = useRef(crypto.randomUUID());
  const runs = useData((signal) => api.get<{ items: Run[] }>('/api/betaalruns?limit=50', { signal }), []);
  return (
    <>
      <Heading level={1}>Betaalruns</Heading>
      <Paragraph lead>Een betaalrun betaalt alle goedgekeurde declaraties die nog niet betaald zijn: één overboeking per zorgverlener, samen in één SEPA-bestand voor de bank.</Paragraph>
      <Form
        aria-label="Betaalrun starten"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!/^\d{4}-\d{2}-\d{2}$/.test(uitvoering)) return setFout('Vul de uitvoeringsdatum in.');
          setFout(null);
          setBezig(true);
          try {
            const r = await api.post<RunAntwoord>('/api/betaalruns', { datum: uitvoering }, { sleutel: sleutel.current });
            sleutel.current = crypto.randomUUID();
            setUitkomst(r);
            runs.opnieuw();
          } catch (err) {
            setFout(foutmelding(err));
          } finally {
            setBezig(false);
          }
        }}
      >
        <div className="pgb-inline">
          <TextField id="uitvoeringsdatum" label="Uitvoeringsdatum" description="De dag waarop de bank moet betalen." type="date" required value={uitvoering} onChange={setUitvoering} error={fout} />
          <Button type="submit" appearance="primary-action" busy={bezig}>
            Betaalrun starten
          </Button>
        </div>
      </Form>
      {uitkomst && (
        <Alert type={uitkomst.betaalrun_id ? 'ok' : 'info'} titel={uitkomst.betaalrun_id ? `Betaalrun ${uitkomst.betaalrun_id} gemaakt` : 'Er was niets te betalen'}>
          {uitkomst.betaalrun_id && (
            <>
              <Paragraph>
                {uitkomst.betalingen} overboeking(en) voor {uitkomst.declaraties} declaratie(s), samen {euro(uitkomst.totaal_centen)}.
              </Paragraph>
              {uitkomst.verrekend_centen ? (
                <Paragraph>
                  Verrekend met <Link to="/backoffice/vorderingen">vorderingen</Link>: {euro(uitkomst.verrekend_centen)}
                  {uitkomst.geheel_verrekend ? `; ${uitkomst.geheel_verrekend} betaling(en) geheel verrekend, zonder overboeking` : ''}.
                </Paragraph>
              ) : null}
              {uitkomst.sepa === null ? (
                <Paragraph>Alles is verrekend: er is niets over te maken en dus geen SEPA-bestand.</Paragraph>
              ) : (
                <Paragraph>
                  <ExternalLink href={`/api/betaalruns/${encodeURIComponent(uitkomst.betaalrun_id)}/sepa`} download>
                    Download het SEPA-bestand van {uitkomst.betaalrun_id}
                  </ExternalLink>
                </Paragraph>
              )}
            </>
          )}
          {uitkomst.aangehouden.length > 0 && (
            <Paragraph>
              Aangehouden wegens een geblokkeerd IBAN:{' '}
              {uitkomst.aangehouden.map((h) => `${h.zorgverlener_id} (${h.aantal} declaratie(s), ${euro(h.bedrag_centen)})`).join(', ')}. Zie <Link to="/backoffice/iban">IBAN-blokkades</Link>.
            </Paragraph>
          )}
        </Alert>
      )}
      <Heading level={2}>Eerdere betaalruns</Heading>
      {runs.laden && <Laden wat="de betaalruns" />}
      {runs.fout != null && <Fout fout={runs.fout} opnieuw={runs.opnieuw} />}
      {runs.data && (
        <Table
          caption="Betaalruns, nieuwste eerst"
          captionHidden
          empty="Er zijn nog geen betaalruns."
          columns={[
            { key: 'id', header: 'Betaalrun', cell: (r: Run) => r.betaalrun_id },
            { key: 'datum', header: 'Uitvoering', cell: (r) => datum(r.datum) },
            { key: 'gemaakt', header: 'Gemaakt', cell: (r) => moment(r.aangemaakt_op) },
            { key: 'aantal', header: 'Overboekingen', numeric: true, cell: (r) => r.aantal },
            { key: 'totaal', header: 'Totaal', numeric: true, cell: (r) => euro(r.totaal_centen) },
            { key: 'bank', header: 'Bij de bank', cell: (r) => `${r.bevestigd} bevestigd, ${r.teruggeboekt} teruggeboekt, ${r.verzonden} open` },
            {
              key: 'sepa',
              header: 'SEPA-bestand',
              cell: (r) => (
                <ExternalLink href={`/api/betaalruns/${encodeURIComponent(r.betaalrun_id)}/sepa`} download aria-label={`SEPA-bestand van ${r.betaalrun_id} downloaden`}>
                  Downloaden
                </ExternalLink>
              ),
            },
          ]}
          rows={runs.data.items}
          rowKey={(r) => r.betaalrun_id}
        />
      )}
    </>
  );
}
