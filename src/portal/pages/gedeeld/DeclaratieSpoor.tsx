/**
 * One claim's trace from receipt to payment, for the holder and the provider: where it is now and
 * who holds it (the API's `bij`), whom to contact, the lines, every step with time and who did
 * it, and the payments.
 */
import { houderNaam } from './namen.ts';
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { api } from '../../api.ts';
import { Alert, DataList, Fout, Heading, Laden, Link, Paragraph, StatusBadge, Table, useData } from '../../components/index.ts';
import { aantal, datum, euro, moment, leesbaar } from '../../format.ts';
import { DECLARATIE_STATUS, redenUitleg, wetNaam } from './labels.ts';
import type { DeclaratieDetail } from './types.ts';

const STAPPEN: Record<string, string> = {
  ingediend: 'Ingediend',
  ontvangen: 'Ontvangen',
  goedgekeurd: 'Gecontroleerd en goedgekeurd',
  geparkeerd: 'Wacht op actie',
  afgekeurd: 'Afgekeurd',
  afgewezen: 'Afgewezen door de budgethouder',
  'in betaalrun': 'In betaalrun',
  betaald: 'Betaald',
  bevestigd: 'Bevestigd door de bank',
  teruggeboekt: 'Teruggeboekt',
};

/** Who did a step, in words (the trace keeps the technical actor); an outcome of the checks is the checks'. */
function door(actor: string, gebeurtenis: string, toelichting: string | null): string {
  if (['goedgekeurd', 'geparkeerd', 'afgekeurd'].includes(gebeurtenis) && !/^afgekeurd door|besluit/i.test(toelichting ?? '')) return 'de automatische controle';
  if (/budgethouder|vertegenwoordiger/.test(actor)) return 'budgethouder';
  if (/zorgverlener/.test(actor)) return 'zorgverlener';
  if (/verstrekker/.test(actor)) return 'verstrekker';
  if (/backoffice|demo|cli|import|systeem/.test(actor)) return 'betaalbureau';
  return actor;
}

export function DeclaratieSpoor({ terug, contact }: { terug: { pad: string; tekst: string }; contact?: (c: DeclaratieDetail) => ReactNode }) {
  const { id } = useParams();
  const d = useData((signal) => api.get<DeclaratieDetail>(`/api/declaraties/${encodeURIComponent(id ?? '')}`, { signal }), [id]);
  if (d.laden && !d.data) return <Laden wat="de declaratie" />;
  if (d.fout !== null || !d.data) return <Fout fout={d.fout} opnieuw={d.opnieuw} />;
  const c = d.data;
  const s = DECLARATIE_STATUS[c.status];
  const teDoen = c.status === 'afgekeurd' || c.status === 'geparkeerd' || c.status === 'afgewezen';
  return (
    <>
      <Paragraph>
        <Link to={terug.pad}>← {terug.tekst}</Link>
      </Paragraph>
      <Heading level={1}>Declaratie {c.declaratie_id}</Heading>
      <Paragraph lead>
        <StatusBadge status={s.kind}>{s.label}</StatusBadge> {euro(c.bedrag_centen)} voor zorg van {c.zorgverlener_naam} aan {c.budgethouder_naam ?? 'een onbekende budgethouder'}
      </Paragraph>
      {c.bij && (
        <Alert type={teDoen ? 'warning' : c.status === 'betaald' ? 'ok' : 'info'} titel="Waar is de declaratie nu?">
          <Paragraph>Bij {leesbaar(c.bij)}.</Paragraph>
        </Alert>
      )}
      {teDoen && c.melding && (
        <Alert type="error" titel={`Waarom: ${redenUitleg(c.reden) ?? 'zie de toelichting'}`}>
          <Paragraph>{leesbaar(c.melding)}</Paragraph>
        </Alert>
      )}
      <DataList
        items={[
          { key: 'Status', value: s.label },
          { key: 'Bedrag', value: euro(c.bedrag_centen) },
          { key: 'Ontvangen', value: `${moment(c.ontvangen_op)} via ${c.kanaal}` },
          ...(c.status === 'afgekeurd' || c.status === 'afgewezen'
            ? []
            : [{ key: 'Uiterlijk betaald op', value: c.uiterste_betaaldatum ? datum(c.uiterste_betaaldatum) : 'de termijn van 10 werkdagen begint bij goedkeuring door de budgethouder' }]),
          ...(c.betaald_op ? [{ key: 'Betaald op', value: datum(c.betaald_op) }] : []),
          { key: 'Zorgverlener', value: c.zorgverlener_naam },
          { key: 'Budgethouder', value: houderNaam(c) },
          { key: 'Zorgovereenkomst', value: c.zorgovereenkomst_id ?? '—' },
          { key: 'Wet', value: wetNaam(c.wet) },
        ]}
      />
      {contact && (
        <section aria-labelledby="contact">
          <Heading level={2} id="contact">
            Contact
          </Heading>
          {contact(c)}
        </section>
      )}
      <Heading level={2}>Regels</Heading>
      <Table
        caption="Gedeclareerde zorg"
        rowKey={(r) => String(r.regelnr)}
        rows={c.regels}
        columns={[
          { key: 'datum', header: 'Datum', cell: (r) => datum(r.datum) },
          { key: 'eenheden', header: 'Eenheden', cell: (r) => aantal(Number(r.eenheden)), numeric: true },
          { key: 'tarief', header: 'Tarief', cell: (r) => euro(r.tarief_centen), numeric: true },
          { key: 'bedrag', header: 'Bedrag', cell: (r) => euro(r.bedrag_centen), numeric: true },
          { key: 'omschrijving', header: 'Omschrijving', cell: (r) => r.omschrijving ?? '—' },
        ]}
      />
      <Heading level={2}>Spoor van ontvangst tot betaling</Heading>
      <ol className="pgb-spoor">
        {c.gebeurtenissen.map((e, i) => (
          <li key={i} className="pgb-spoor__stap">
            <p className="utrecht-paragraph">
              <strong>{STAPPEN[e.gebeurtenis] ?? e.gebeurtenis}</strong> <span className="pgb-spoor__tijd">{moment(e.op)}, door {door(e.actor, e.gebeurtenis, e.toelichting)}</span>
            </p>
            {e.reden && <p className="utrecht-paragraph">Reden: {redenUitleg(e.reden)}</p>}
            {e.toelichting && <p className="utrecht-paragraph utrecht-paragraph--small">{leesbaar(e.toelichting)}</p>}
          </li>
        ))}
      </ol>
      {c.betalingen.length > 0 && (
        <>
          <Heading level={2}>Betalingen</Heading>
          <Table
            caption="Betalingen van deze declaratie"
            rowKey={(b) => b.betaling_id}
            rows={c.betalingen}
            columns={[
              { key: 'id', header: 'Betaling', cell: (b) => b.betaling_id },
              { key: 'status', header: 'Status', cell: (b) => (b.teruggeboekt_op ? `teruggeboekt op ${datum(b.teruggeboekt_op)}${b.terugboekreden ? ` (${b.terugboekreden})` : ''}` : b.bevestigd_op ? `bevestigd door de bank op ${datum(b.bevestigd_op)}` : b.status) },
              { key: 'bedrag', header: 'Bedrag in deze overboeking', cell: (b) => euro(b.bedrag_centen), numeric: true },
            ]}
          />
        </>
      )}
    </>
  );
}
