/**
 * The auditors' sample (`pgb steekproef`): a reproducible random sample of paid claims, drawn
 * from a seed, with each claim's trace and the working days from receipt to payment. Read only;
 * the same seed always gives the same sample. Also as CSV.
 */
import { useState } from 'react';
import { api, query } from '../../api.ts';
import { datum, euro, moment, leesbaar } from '../../format.ts';
import { Button, ExternalLink, Fout, Form, Heading, Laden, Paragraph, StatusBadge, Table, TextField, useData } from '../../components/index.ts';

interface Trekking {
  rang: number;
  declaratie_id: string;
  clientnummer: number;
  zorgverlener_id: string;
  kanaal: string;
  bedrag_centen: number;
  ontvangstdatum: string;
  uiterste_betaaldatum: string;
  betaald_op: string;
  werkdagen: number;
  binnen_norm: boolean;
  betaalrun_id: string | null;
  spoor: { op: string; actor: string; gebeurtenis: string; reden: string | null; toelichting: string | null }[];
}

interface Steekproef {
  zaad: string;
  aantal: number;
  van: string | null;
  tot: string | null;
  populatie: number;
  trekking: Trekking[];
}

export function SteekproefPagina() {
  const [aantal, setAantal] = useState('25');
  const [zaad, setZaad] = useState('controle-2026');
  const [van, setVan] = useState('');
  const [tot, setTot] = useState('');
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [vraag, setVraag] = useState<{ aantal: string; zaad: string; van: string; tot: string } | null>(null);
  const d = useData((signal) => (vraag ? api.get<Steekproef>(`/api/steekproef${query({ ...vraag })}`, { signal }) : Promise.resolve(null)), [vraag?.aantal, vraag?.zaad, vraag?.van, vraag?.tot]);
  const binnen = d.data ? d.data.trekking.filter((t) => t.binnen_norm).length : 0;
  return (
    <>
      <Heading level={1}>Steekproef</Heading>
      <Paragraph lead>Een reproduceerbare aselecte steekproef van betaalde declaraties, met hun hele spoor en de werkdagen van ontvangst tot betaling. Hetzelfde zaad geeft altijd dezelfde steekproef.</Paragraph>
      <Form
        aria-label="Steekproef trekken"
        onSubmit={(e) => {
          e.preventDefault();
          const f: Record<string, string> = {};
          const n = Number(aantal);
          if (!Number.isInteger(n) || n < 1 || n > 10000) f.aantal = 'Een geheel getal van 1 tot en met 10000.';
          if (!zaad.trim()) f.zaad = 'Vul een zaad in; bewaar het om de steekproef te herhalen.';
          if (van && tot && van > tot) f.tot = 'Deze datum ligt voor de begindatum.';
          setFouten(f);
          if (Object.keys(f).length === 0) setVraag({ aantal: String(n), zaad: zaad.trim(), van, tot });
        }}
      >
        <div className="pgb-inline">
          <TextField id="aantal" label="Aantal" inputMode="numeric" required value={aantal} onChange={setAantal} error={fouten.aantal} size={6} />
          <TextField id="zaad" label="Zaad" required value={zaad} onChange={setZaad} error={fouten.zaad} />
          <TextField id="van" label="Betaald vanaf" type="date" value={van} onChange={setVan} />
          <TextField id="tot" label="Betaald tot en met" type="date" value={tot} onChange={setTot} error={fouten.tot} />
          <Button type="submit" appearance="primary-action">
            Trekken
          </Button>
        </div>
      </Form>
      {vraag && d.laden && <Laden wat="de steekproef" />}
      {d.fout != null && <Fout fout={d.fout} opnieuw={d.opnieuw} />}
      {d.data && vraag && (
        <>
          <Paragraph>
            {d.data.trekking.length} van {d.data.populatie.toLocaleString('nl-NL')} betaalde declaraties getrokken met zaad “{d.data.zaad}”. {binnen} binnen 10 werkdagen betaald, {d.data.trekking.length - binnen} later.{' '}
            <ExternalLink href={`/api/steekproef${query({ ...vraag, formaat: 'csv' })}`} download>
              Download als CSV
            </ExternalLink>
          </Paragraph>
          <Table
            caption="Getrokken declaraties"
            captionHidden
            empty="Er zijn geen betaalde declaraties in deze periode."
            columns={[
              { key: 'rang', header: 'Rang', numeric: true, cell: (t: Trekking) => t.rang },
              { key: 'id', header: 'Declaratie', cell: (t) => t.declaratie_id },
              { key: 'client', header: 'Cliënt', cell: (t) => t.clientnummer },
              { key: 'zv', header: 'Zorgverlener', cell: (t) => t.zorgverlener_id },
              { key: 'bedrag', header: 'Bedrag', numeric: true, cell: (t) => euro(t.bedrag_centen) },
              { key: 'ontv', header: 'Ontvangen', cell: (t) => datum(t.ontvangstdatum) },
              { key: 'betaald', header: 'Betaald', cell: (t) => datum(t.betaald_op) },
              { key: 'wd', header: 'Werkdagen', numeric: true, cell: (t) => (t.binnen_norm ? t.werkdagen : <StatusBadge status="danger">{t.werkdagen}</StatusBadge>) },
              {
                key: 'spoor',
                header: 'Spoor',
                cell: (t) => (
                  <details>
                    <summary>{t.spoor.length} stappen</summary>
                    <ol className="utrecht-ordered-list">
                      {t.spoor.map((e, i) => (
                        <li key={i} className="utrecht-ordered-list__item">
                          {moment(e.op)}: {e.gebeurtenis}
                          {e.reden ? ` [${e.reden}]` : ''} ({e.actor}){e.toelichting ? `: ${leesbaar(e.toelichting)}` : ''}
                        </li>
                      ))}
                    </ol>
                  </details>
                ),
              },
            ]}
            rows={d.data.trekking}
            rowKey={(t) => t.declaratie_id}
          />
        </>
      )}
    </>
  );
}
