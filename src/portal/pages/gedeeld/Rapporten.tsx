/**
 * The reports of issue #5 on screen, for the funder (its own holders), the back office and the
 * auditor: the list, and one report for a period with its chart (the SVG the API draws), its table
 * and its downloads as Excel and CSV.
 */
import { useState } from 'react';
import { useParams } from 'react-router';
import { api, query } from '../../api.ts';
import { datum, euro } from '../../format.ts';
import { Alert, Button, ExternalLink, Fout, Form, Heading, Laden, Link, Paragraph, Table, TextField, UnorderedList, ListItem, useData } from '../../components/index.ts';
import { vandaag } from './namen.ts';

interface RapportInfo {
  naam: string;
  titel: string;
  bron: string;
  beschrijving: string;
}

export interface Kolom {
  key: string;
  header: string;
  kind: 'text' | 'int' | 'euro' | 'percent' | 'date';
}

export interface Rapport {
  naam: string;
  titel: string;
  bron: string;
  van: string;
  tot: string;
  peildatum: string;
  verstrekker: string | null;
  kolommen: Kolom[];
  rijen: Record<string, string | number | null>[];
  toelichting: string[];
}

export function RapportLijst({ basis }: { basis: string }) {
  const d = useData((signal) => api.get<{ items: RapportInfo[] }>('/api/rapportages', { signal }), []);
  return (
    <>
      <Heading level={1}>Rapporten</Heading>
      <Paragraph lead>Elk rapport komt uit de eigen gegevens van het platform, voor een periode naar keuze, met een grafiek en als Excel- of CSV-bestand.</Paragraph>
      {d.laden && <Laden wat="de rapporten" />}
      {d.fout != null && <Fout fout={d.fout} opnieuw={d.opnieuw} />}
      {d.data && (
        <UnorderedList>
          {d.data.items.map((r) => (
            <ListItem key={r.naam}>
              <Link to={`${basis}/rapporten/${r.naam}`}>{r.titel}</Link>
              <Paragraph small>{r.beschrijving}</Paragraph>
            </ListItem>
          ))}
        </UnorderedList>
      )}
    </>
  );
}

/** A report cell as people read it: euros from the cents the API gives next to the text, Dutch dates. */
export function cel(k: Kolom, v: string | number | null, r: Record<string, string | number | null>): string {
  if (v === null || v === undefined) return '—';
  if (k.kind === 'euro') {
    const c = r[`${k.key}_centen`];
    return typeof c === 'number' ? euro(c) : String(v);
  }
  if (k.kind === 'percent') return `${v}%`;
  if (k.kind === 'date') return datum(String(v));
  if (k.kind === 'int' && typeof v === 'number') return v.toLocaleString('nl-NL');
  return String(v);
}

/** First of the month, two months before today. */
function standaardVan(): string {
  const t = vandaag();
  const y = Number(t.slice(0, 4));
  const m = Number(t.slice(5, 7)) - 2;
  const d = new Date(Date.UTC(y, m - 1, 1));
  return d.toISOString().slice(0, 10);
}

export function RapportPagina({ basis }: { basis: string }) {
  const { naam = '' } = useParams();
  const [van, setVan] = useState(standaardVan);
  const [tot, setTot] = useState(vandaag);
  const [periode, setPeriode] = useState({ van: standaardVan(), tot: vandaag() });
  const [fout, setFout] = useState<string | null>(null);
  const d = useData((signal) => api.get<Rapport>(`/api/rapportages/${encodeURIComponent(naam)}${query({ van: periode.van, tot: periode.tot })}`, { signal }), [naam, periode.van, periode.tot]);
  const pad = (formaat: string) => `/api/rapportages/${encodeURIComponent(naam)}${query({ van: periode.van, tot: periode.tot, formaat })}`;
  const toon = () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(van) || !/^\d{4}-\d{2}-\d{2}$/.test(tot)) return setFout('Vul beide datums in als JJJJ-MM-DD.');
    if (van > tot) return setFout('De begindatum ligt na de einddatum.');
    setFout(null);
    setPeriode({ van, tot });
  };
  return (
    <>
      <Paragraph>
        <Link to={`${basis}/rapporten`}>← Alle rapporten</Link>
      </Paragraph>
      <Heading level={1}>{d.data?.titel ?? 'Rapport'}</Heading>
      <Form
        aria-label="Periode van het rapport"
        onSubmit={(e) => {
          e.preventDefault();
          toon();
        }}
      >
        <div className="pgb-inline">
          <TextField id="rapport-van" label="Van" type="date" required value={van} onChange={setVan} error={fout && van > tot ? fout : null} />
          <TextField id="rapport-tot" label="Tot en met" type="date" required value={tot} onChange={setTot} />
          <Button type="submit" appearance="primary-action">
            Toon
          </Button>
        </div>
        {fout && !(van > tot) && <Alert type="error">{fout}</Alert>}
      </Form>
      {d.laden && <Laden wat="het rapport" />}
      {d.fout != null && <Fout fout={d.fout} opnieuw={d.opnieuw} />}
      {d.data && (
        <>
          <Paragraph>
            Periode {datum(d.data.van)} tot en met {datum(d.data.tot)}
            {d.data.verstrekker ? `, verstrekker ${d.data.verstrekker}` : ''}. Bron: {d.data.bron}.
          </Paragraph>
          <Paragraph>
            Downloaden:{' '}
            <ExternalLink href={pad('xlsx')} download>
              Excel (.xlsx)
            </ExternalLink>{' '}
            ·{' '}
            <ExternalLink href={pad('csv')} download>
              CSV
            </ExternalLink>
          </Paragraph>
          <figure className="pgb-rapportfiguur">
            <img className="pgb-rapportfiguur__beeld" width={960} height={520} src={pad('svg')} alt={`Grafiek: ${d.data.titel}. De cijfers staan in de tabel hieronder.`} />
          </figure>
          <Table
            caption={d.data.titel}
            columns={d.data.kolommen.map((k) => ({ key: k.key, header: k.header, numeric: k.kind !== 'text' && k.kind !== 'date', cell: (r: Record<string, string | number | null>) => cel(k, r[k.key] ?? null, r) }))}
            rows={d.data.rijen}
            rowKey={(r) => String(d.data!.rijen.indexOf(r))}
            empty="In deze periode is er niets te tellen."
          />
          {d.data.toelichting.length > 0 && (
            <>
              <Heading level={2}>Toelichting</Heading>
              <UnorderedList>
                {d.data.toelichting.map((t) => (
                  <ListItem key={t}>{t}</ListItem>
                ))}
              </UnorderedList>
            </>
          )}
        </>
      )}
    </>
  );
}
