/**
 * The back office's work queues: open claims per status and reason, counted by age in Dutch
 * working days since receipt (0–5, 6–10, more than 10: the payment term is 10), with the oldest of
 * each queue to pick up first.
 */
import { api } from '../../api.ts';
import { datum, euro, moment } from '../../format.ts';
import { Alert, Fout, Heading, Laden, Link, Paragraph, StatusBadge, Table, useData } from '../../components/index.ts';
import { bsnGemaskeerd, KANAAL_NAAM, redenNaam, statusNaam } from '../gedeeld/namen.ts';

interface Wachtrij {
  status: string;
  reden: string | null;
  aantal: number;
  bedrag_centen: number;
  per_leeftijd: { '0-5': number; '6-10': number; '>10': number };
  oudste: { declaratie_id: string; ontvangen_op: string; werkdagen: number; uiterste_betaaldatum: string | null; bedrag_centen: number; kanaal: string; bsn: string; zorgverlener_id: string }[];
}

interface Werkvoorraad {
  peildatum: string;
  totaal: number;
  wachtrijen: Wachtrij[];
}

const naam = (q: Wachtrij) => `${statusNaam(q.status)}${q.reden ? `: ${redenNaam(q.reden)}` : ''}`;
const sleutel = (q: Wachtrij) => `${q.status}-${q.reden ?? 'geen'}`;

export function WerkvoorraadPagina() {
  const d = useData((signal) => api.get<Werkvoorraad>('/api/werkvoorraad', { signal }), []);
  const laat = d.data?.wachtrijen.reduce((n, q) => n + q.per_leeftijd['>10'], 0) ?? 0;
  return (
    <>
      <Heading level={1}>Werkvoorraad</Heading>
      <Paragraph lead>Open declaraties per wachtrij (status en reden), naar leeftijd in werkdagen sinds ontvangst. De betaaltermijn is 10 werkdagen.</Paragraph>
      {d.laden && <Laden wat="de werkvoorraad" />}
      {d.fout != null && <Fout fout={d.fout} opnieuw={d.opnieuw} />}
      {d.data && (
        <>
          <Paragraph>
            Stand van {datum(d.data.peildatum)}: {d.data.totaal.toLocaleString('nl-NL')} open declaraties.
          </Paragraph>
          {laat > 0 && (
            <Alert type="warning" titel="Over de termijn">
              <Paragraph>{laat.toLocaleString('nl-NL')} declaratie(s) zijn meer dan 10 werkdagen geleden ontvangen.</Paragraph>
            </Alert>
          )}
          <Table
            caption="Wachtrijen"
            columns={[
              { key: 'rij', header: 'Wachtrij', cell: (q: Wachtrij) => <a className="utrecht-link utrecht-link--html-a" href={`#wachtrij-${sleutel(q)}`}>{naam(q)}</a> },
              { key: 'aantal', header: 'Aantal', numeric: true, cell: (q) => q.aantal.toLocaleString('nl-NL') },
              { key: 'bedrag', header: 'Bedrag', numeric: true, cell: (q) => euro(q.bedrag_centen) },
              { key: 'a', header: '0–5 werkdagen', numeric: true, cell: (q) => q.per_leeftijd['0-5'] },
              { key: 'b', header: '6–10 werkdagen', numeric: true, cell: (q) => q.per_leeftijd['6-10'] },
              { key: 'c', header: 'Meer dan 10', numeric: true, cell: (q) => (q.per_leeftijd['>10'] > 0 ? <StatusBadge status="danger">{q.per_leeftijd['>10']}</StatusBadge> : 0) },
            ]}
            rows={d.data.wachtrijen}
            rowKey={sleutel}
            empty="Er liggen geen open declaraties."
          />
          {d.data.wachtrijen.map((q) => (
            <section key={sleutel(q)} id={`wachtrij-${sleutel(q)}`} aria-labelledby={`kop-${sleutel(q)}`}>
              <Heading level={2} id={`kop-${sleutel(q)}`}>
                {naam(q)}
              </Heading>
              {q.status === 'geparkeerd' && (
                <Paragraph>
                  <Link to="/backoffice/geparkeerd">Beoordeel de geparkeerde declaraties</Link>
                </Paragraph>
              )}
              <Table
                caption={`Oudste declaraties: ${naam(q)}`}
                captionHidden
                columns={[
                  { key: 'id', header: 'Declaratie', cell: (c: Wachtrij['oudste'][number]) => <Link to={`/backoffice/declaraties/${encodeURIComponent(c.declaratie_id)}`}>{c.declaratie_id}</Link> },
                  { key: 'ontv', header: 'Ontvangen', cell: (c) => moment(c.ontvangen_op) },
                  { key: 'wd', header: 'Werkdagen', numeric: true, cell: (c) => c.werkdagen },
                  { key: 'uiterst', header: 'Uiterlijk betalen', cell: (c) => datum(c.uiterste_betaaldatum) },
                  { key: 'bedrag', header: 'Bedrag', numeric: true, cell: (c) => euro(c.bedrag_centen) },
                  { key: 'kanaal', header: 'Kanaal', cell: (c) => KANAAL_NAAM[c.kanaal] ?? c.kanaal },
                  { key: 'bsn', header: 'BSN', cell: (c) => bsnGemaskeerd(c.bsn) },
                  { key: 'zv', header: 'Zorgverlener', cell: (c) => c.zorgverlener_id },
                ]}
                rows={q.oudste}
                rowKey={(c) => c.declaratie_id}
              />
            </section>
          ))}
        </>
      )}
    </>
  );
}
