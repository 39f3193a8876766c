/**
 * The back office looks up any claim by its number and sees its whole trace: lines, every step
 * with time, actor and reason, the budgets charged, payments and bookings. The holder's BSN is
 * masked; the whole number is shown only on request with a reason, and that view is audited.
 */
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, foutmelding } from '../../api.ts';
import { datum, euro, moment, leesbaar } from '../../format.ts';
import { Alert, Button, DataList, Fout, Form, Heading, Laden, Link, Paragraph, StatusBadge, Table, TextField, useData } from '../../components/index.ts';
import { bsnGemaskeerd, KANAAL_NAAM, redenNaam, statusNaam, wetNaam } from '../gedeeld/namen.ts';
import type { DeclaratieDetail } from '../gedeeld/types.ts';

/** The back office's trace is the holder's claim detail plus the bookings (gedeeld/types.ts). */
export interface DeclaratieSpoor extends DeclaratieDetail {
  boekingen?: { journaalpost_id: number; op: string; soort: string; omschrijving: string; rekening: string; bedrag_centen: number }[];
}

export function statusBadge(status: string) {
  const kind = status === 'betaald' ? 'success' : status === 'afgekeurd' || status === 'afgewezen' ? 'danger' : status === 'geparkeerd' ? 'warning' : 'active';
  return <StatusBadge status={kind}>{statusNaam(status)}</StatusBadge>;
}

export function DeclaratieZoeken() {
  const [id, setId] = useState('');
  const [fout, setFout] = useState<string | null>(null);
  const navigate = useNavigate();
  return (
    <>
      <Heading level={1}>Declaratie opzoeken</Heading>
      <Paragraph lead>Het hele spoor van een declaratie, van ontvangst tot betaling: wie deed wat, wanneer en waarom.</Paragraph>
      <Form
        aria-label="Declaratie opzoeken"
        onSubmit={(e) => {
          e.preventDefault();
          if (!id.trim()) return setFout('Vul het declaratienummer in.');
          navigate(`/backoffice/declaraties/${encodeURIComponent(id.trim())}`);
        }}
      >
        <TextField id="declaratie-id" label="Declaratienummer" description="Bijvoorbeeld PAP-2026-0001 of dcl_…" required value={id} onChange={(v) => (setId(v), setFout(null))} error={fout} />
        <Button type="submit" appearance="primary-action">
          Zoeken
        </Button>
      </Form>
    </>
  );
}

function BsnInzage({ holderId, masked }: { holderId: number; masked: string }) {
  const [open, setOpen] = useState(false);
  const [reden, setReden] = useState('');
  const [bsn, setBsn] = useState<string | null>(null);
  const [fout, setFout] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  if (bsn)
    return (
      <>
        {bsn} <span className="utrecht-paragraph--small">(inzage vastgelegd in de audittrail)</span>
      </>
    );
  if (!open)
    return (
      <>
        {bsnGemaskeerd(masked)}{' '}
        <Button appearance="subtle" onClick={() => setOpen(true)}>
          Toon het hele BSN
        </Button>
      </>
    );
  return (
    <Form
      aria-label="Het hele BSN inzien"
      onSubmit={async (e) => {
        e.preventDefault();
        if (reden.trim().length < 3) return setFout('Geef op waarom u het hele BSN nodig hebt.');
        setBezig(true);
        try {
          const r = await api.post<{ bsn: string }>(`/api/budgethouders/${holderId}/bsn-inzage`, { reden: reden.trim() });
          setBsn(r.bsn);
        } catch (err) {
          setFout(foutmelding(err));
        } finally {
          setBezig(false);
        }
      }}
    >
      <TextField id="bsn-reden" label="Waarom hebt u het hele BSN nodig?" description="Elke inzage wordt vastgelegd in de audittrail, met deze reden." required value={reden} onChange={setReden} error={fout} />
      <Button type="submit" busy={bezig}>
        Toon BSN
      </Button>
    </Form>
  );
}

export function Spoor() {
  const { id = '' } = useParams();
  const d = useData((signal) => api.get<DeclaratieSpoor>(`/api/declaraties/${encodeURIComponent(id)}`, { signal }), [id]);
  return (
    <>
      <Paragraph>
        <Link to="/backoffice/declaraties">← Andere declaratie opzoeken</Link>
      </Paragraph>
      <Heading level={1}>Declaratie {id}</Heading>
      {d.laden && <Laden wat="het spoor" />}
      {d.fout != null && <Fout fout={d.fout} opnieuw={d.opnieuw} />}
      {d.data && <SpoorInhoud c={d.data} />}
    </>
  );
}

export function SpoorInhoud({ c }: { c: DeclaratieSpoor }) {
  return (
    <>
      {c.status === 'geparkeerd' && (
        <Alert type="warning" titel="Deze declaratie is geparkeerd">
          <Paragraph>
            Beoordeel haar bij <Link to="/backoffice/geparkeerd">Geparkeerde declaraties</Link>.
          </Paragraph>
        </Alert>
      )}
      <DataList
            className="pgb-feiten"
        items={[
          { key: 'Status', value: statusBadge(c.status) },
          ...(c.reden ? [{ key: 'Reden', value: redenNaam(c.reden) }] : []),
          ...(c.melding ? [{ key: 'Melding', value: leesbaar(c.melding) }] : []),
          { key: 'Bedrag', value: euro(c.bedrag_centen) },
          { key: 'Budgethouder', value: `${c.budgethouder_naam} (cliënt ${c.clientnummer})` },
          { key: 'BSN', value: <BsnInzage holderId={c.budgethouder_id} masked={c.bsn} /> },
          { key: 'Zorgverlener', value: `${c.zorgverlener_naam} (${c.zorgverlener_id})` },
          { key: 'Zorgovereenkomst', value: c.zorgovereenkomst_id ?? '—' },
          { key: 'Wet', value: wetNaam(c.wet) },
          { key: "Kanaal", value: `${KANAAL_NAAM[c.kanaal] ?? c.kanaal}${c.ingediend_door ? `, ingediend door ${c.ingediend_door}` : ""}` },
          { key: 'Ontvangen', value: moment(c.ontvangen_op) },
          { key: 'Uiterste betaaldatum', value: datum(c.uiterste_betaaldatum) },
          { key: 'Betaald op', value: datum(c.betaald_op) },
        ]}
      />
      <Heading level={2}>Regels</Heading>
      <Table
        caption="Declaratieregels"
        captionHidden
        columns={[
          { key: 'nr', header: 'Regel', cell: (r: DeclaratieSpoor['regels'][number]) => r.regelnr },
          { key: 'datum', header: 'Datum', cell: (r) => datum(r.datum) },
          { key: 'eenheden', header: 'Eenheden', numeric: true, cell: (r) => r.eenheden },
          { key: 'tarief', header: 'Tarief', numeric: true, cell: (r) => euro(r.tarief_centen) },
          { key: 'bedrag', header: 'Bedrag', numeric: true, cell: (r) => euro(r.bedrag_centen) },
          { key: 'oms', header: 'Omschrijving', cell: (r) => r.omschrijving ?? '—' },
        ]}
        rows={c.regels}
        rowKey={(r) => String(r.regelnr)}
      />
      <Heading level={2}>Spoor</Heading>
      <Table
        caption="Gebeurtenissen, oudste eerst"
        captionHidden
        columns={[
          { key: 'op', header: 'Wanneer', cell: (e: DeclaratieSpoor['gebeurtenissen'][number]) => moment(e.op) },
          { key: 'wat', header: 'Wat', cell: (e) => e.gebeurtenis },
          { key: 'status', header: 'Status', cell: (e) => (e.status ? statusNaam(e.status) : '—') },
          { key: 'reden', header: 'Reden', cell: (e) => (e.reden ? redenNaam(e.reden) : '—') },
          { key: 'wie', header: 'Door', cell: (e) => e.actor },
          { key: 'toel', header: 'Toelichting', cell: (e) => (e.toelichting ? leesbaar(e.toelichting) : '—') },
        ]}
        rows={c.gebeurtenissen}
        rowKey={(e) => `${e.op}-${c.gebeurtenissen.indexOf(e)}`}
      />
      <Heading level={2}>Betalingen</Heading>
      <Table
        caption="Betalingen"
        captionHidden
        empty="Nog niet betaald."
        columns={[
          { key: 'id', header: 'Betaling', cell: (b: DeclaratieSpoor['betalingen'][number]) => b.betaling_id },
          { key: 'run', header: 'Betaalrun', cell: (b) => b.betaalrun_id },
          { key: 'status', header: 'Status', cell: (b) => `${b.status}${b.actief ? '' : ' (vervangen)'}` },
          { key: 'bedrag', header: 'Bedrag', numeric: true, cell: (b) => euro(b.bedrag_centen) },
          { key: 'bev', header: 'Bevestigd', cell: (b) => datum(b.bevestigd_op) },
          { key: 'terug', header: 'Teruggeboekt', cell: (b) => (b.teruggeboekt_op ? `${datum(b.teruggeboekt_op)}: ${b.terugboekreden ?? ''}` : '—') },
        ]}
        rows={c.betalingen}
        rowKey={(b) => b.betaling_id}
      />
      {c.lasten && (
        <>
          <Heading level={2}>Ten laste van</Heading>
          <Table
            caption="Lasten per regel"
            captionHidden
            empty="Nog niets ten laste gebracht."
            columns={[
              { key: 'nr', header: 'Regel', cell: (l: NonNullable<DeclaratieSpoor['lasten']>[number]) => l.regelnr },
              { key: 'bron', header: 'Bron', cell: (l) => (l.budget_id ? `${l.bron}: ${l.budget_id}` : l.bron) },
              { key: 'bedrag', header: 'Bedrag', numeric: true, cell: (l) => euro(l.bedrag_centen) },
            ]}
            rows={c.lasten}
            rowKey={(l) => String(c.lasten!.indexOf(l))}
          />
        </>
      )}
      {c.boekingen && (
        <>
          <Heading level={2}>Boekingen</Heading>
          <Table
            caption="Boekingen in het grootboek"
            captionHidden
            empty="Geen boekingen."
            columns={[
              { key: 'jp', header: 'Journaalpost', cell: (b: NonNullable<DeclaratieSpoor['boekingen']>[number]) => b.journaalpost_id },
              { key: 'op', header: 'Wanneer', cell: (b) => moment(b.op) },
              { key: 'soort', header: 'Soort', cell: (b) => b.soort },
              { key: 'rek', header: 'Rekening', cell: (b) => b.rekening },
              { key: 'bedrag', header: 'Bedrag', numeric: true, cell: (b) => euro(b.bedrag_centen) },
            ]}
            rows={c.boekingen}
            rowKey={(b) => String(c.boekingen!.indexOf(b))}
          />
        </>
      )}
    </>
  );
}
