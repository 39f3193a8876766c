/**
 * The funder's queue of agreements to approve (signed by holder and provider, status
 * `ingediend`), oldest first, and one agreement with the decision: approve with the maximum
 * tariff the funder pays, or reject with a reason the holder and provider read. Claims parked for
 * want of this approval are checked again at once; the answer says how they went.
 */
import { useRef, useState } from 'react';
import { useParams } from 'react-router';
import { api, ApiFout, foutmelding } from '../../api.ts';
import { datum, euro, euroInvoer, moment, parseEuro } from '../../format.ts';
import { Alert, Button, DataList, Fout, Form, FormField, Heading, Laden, Link, Paragraph, StatusBadge, Table, Textarea, TextField, useData } from '../../components/index.ts';
import { Keuzerondjes } from '../../components/Keuzerondjes.tsx';
import { SOORT_ZOK, statusNaam, wetNaam } from '../gedeeld/namen.ts';
import { alsEuroTekst } from '../gedeeld/namen.ts';

export interface Zorgovereenkomst {
  zorgovereenkomst_id: string;
  clientnummer: number;
  budgethouder: string;
  zorgverlener_id: string;
  zorgverlener: string;
  wet: string;
  soort: string;
  ingangsdatum: string;
  einddatum: string | null;
  eenheid: string;
  tarief: number;
  maandbedrag: number | null;
  maximumtarief: number | null;
  status: string;
  versie: number;
  sinds: string;
}

interface Versie {
  versie: number;
  status: string;
  maximumtarief: number | null;
  datum: string;
  reden: string | null;
  bron: string;
  actor: string;
  op: string;
}

/** Days since an ISO moment, in whole calendar days. */
function dagenSinds(iso: string): number {
  return Math.max(0, Math.floor((Date.now() - new Date(iso).getTime()) / 86_400_000));
}

export function TeBeoordelen() {
  const d = useData((signal) => api.get<{ items: Zorgovereenkomst[] }>('/api/zorgovereenkomsten?status=ingediend&limit=500', { signal }), []);
  const rijen = d.data ? [...d.data.items].sort((a, b) => a.sinds.localeCompare(b.sinds)) : [];
  return (
    <>
      <Heading level={1}>Zorgovereenkomsten te beoordelen</Heading>
      <Paragraph lead>Ondertekend door budgethouder en zorgverlener en wachtend op uw besluit, oudste eerst. Declaraties onder een zorgovereenkomst wachten tot zij geaccordeerd is.</Paragraph>
      {d.laden && <Laden wat="de zorgovereenkomsten" />}
      {d.fout != null && <Fout fout={d.fout} opnieuw={d.opnieuw} />}
      {d.data && (
        <Table
          caption="Wachtend op accordering"
          captionHidden
          empty="Er wachten geen zorgovereenkomsten op uw besluit."
          columns={[
            { key: 'id', header: 'Zorgovereenkomst', cell: (z: Zorgovereenkomst) => <Link to={`/verstrekker/zorgovereenkomsten/${encodeURIComponent(z.zorgovereenkomst_id)}`}>{z.zorgovereenkomst_id}</Link> },
            { key: 'bh', header: 'Budgethouder', cell: (z) => `${z.budgethouder} (cliënt ${z.clientnummer})` },
            { key: 'zv', header: 'Zorgverlener', cell: (z) => z.zorgverlener },
            { key: 'wet', header: 'Wet', cell: (z) => wetNaam(z.wet) },
            { key: 'tarief', header: 'Tarief', numeric: true, cell: (z) => `${euro(z.tarief)} per ${z.eenheid}` },
            { key: 'wacht', header: 'Wacht', numeric: true, cell: (z) => `${dagenSinds(z.sinds)} dagen` },
          ]}
          rows={rijen}
          rowKey={(z) => z.zorgovereenkomst_id}
        />
      )}
    </>
  );
}

export function Beoordelen() {
  const { id = '' } = useParams();
  const d = useData((signal) => api.get<Zorgovereenkomst & { versies: Versie[] }>(`/api/zorgovereenkomsten/${encodeURIComponent(id)}`, { signal }), [id]);
  const [uitkomst, setUitkomst] = useState<string | null>(null);
  return (
    <>
      <Paragraph>
        <Link to="/verstrekker/zorgovereenkomsten">← Alle zorgovereenkomsten te beoordelen</Link>
      </Paragraph>
      <Heading level={1}>Zorgovereenkomst {id}</Heading>
      {uitkomst && (
        <Alert type="ok" titel="Besluit vastgelegd">
          <Paragraph>{uitkomst}</Paragraph>
        </Alert>
      )}
      {d.laden && !d.data && <Laden wat="de zorgovereenkomst" />}
      {d.fout != null && <Fout fout={d.fout} opnieuw={d.opnieuw} />}
      {d.data && (
        <>
          <DataList
            className="pgb-feiten"
            items={[
              { key: 'Status', value: <StatusBadge status={d.data.status === 'geaccordeerd' ? 'success' : d.data.status === 'afgekeurd' ? 'danger' : 'active'}>{statusNaam(d.data.status)}</StatusBadge> },
              { key: 'Budgethouder', value: `${d.data.budgethouder} (cliënt ${d.data.clientnummer})` },
              { key: 'Zorgverlener', value: `${d.data.zorgverlener} (${d.data.zorgverlener_id})` },
              { key: 'Wet', value: wetNaam(d.data.wet) },
              { key: 'Soort', value: SOORT_ZOK[d.data.soort] ?? d.data.soort },
              { key: 'Looptijd', value: `${datum(d.data.ingangsdatum)} tot en met ${d.data.einddatum ? datum(d.data.einddatum) : 'onbepaalde tijd'}` },
              { key: 'Tarief', value: `${euro(d.data.tarief)} per ${d.data.eenheid}` },
              ...(d.data.maandbedrag !== null ? [{ key: 'Maandbedrag', value: euro(d.data.maandbedrag) }] : []),
              ...(d.data.maximumtarief !== null ? [{ key: 'Maximumtarief', value: euro(d.data.maximumtarief) }] : []),
            ]}
          />
          {d.data.status === 'ingediend' && !uitkomst ? (
            <Besluit
              z={d.data}
              klaar={(tekst) => {
                setUitkomst(tekst);
                d.opnieuw();
              }}
            />
          ) : null}
          <Heading level={2}>Versies</Heading>
          <Table
            caption="Versies van de zorgovereenkomst"
            captionHidden
            columns={[
              { key: 'v', header: 'Versie', cell: (v: Versie) => v.versie },
              { key: 's', header: 'Status', cell: (v) => statusNaam(v.status) },
              { key: 'm', header: 'Maximumtarief', numeric: true, cell: (v) => (v.maximumtarief === null ? '—' : euro(v.maximumtarief)) },
              { key: 'r', header: 'Reden', cell: (v) => v.reden ?? '—' },
              { key: 'a', header: 'Door', cell: (v) => v.actor },
              { key: 'op', header: 'Wanneer', cell: (v) => moment(v.op) },
            ]}
            rows={d.data.versies}
            rowKey={(v) => String(v.versie)}
          />
        </>
      )}
    </>
  );
}

function Besluit({ z, klaar }: { z: Zorgovereenkomst; klaar: (uitkomst: string) => void }) {
  const [besluit, setBesluit] = useState<'' | 'geaccordeerd' | 'afgekeurd'>('');
  const [max, setMax] = useState(euroInvoer(z.tarief));
  const [reden, setReden] = useState('');
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [algemeen, setAlgemeen] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  const sleutel = useRef(crypto.randomUUID());
  const maxCenten = parseEuro(max);
  const waarschuwing = besluit === 'geaccordeerd' && maxCenten !== null && maxCenten < z.tarief ? `Het maximumtarief is lager dan het afgesproken tarief (${euro(z.tarief)}): het verschil betaalt de budgethouder uit eigen middelen.` : null;
  return (
    <Form
      aria-label="Besluit over de zorgovereenkomst"
      onSubmit={async (e) => {
        e.preventDefault();
        const f: Record<string, string> = {};
        if (!besluit) f.besluit = 'Kies: accorderen of afkeuren.';
        if (besluit === 'geaccordeerd' && (maxCenten === null || maxCenten <= 0)) f.maximumtarief = 'Vul het maximumtarief in euro’s in, bijvoorbeeld 28,50.';
        if (besluit === 'afgekeurd' && !reden.trim()) f.reden = 'Schrijf waarom u afkeurt; budgethouder en zorgverlener lezen dit.';
        setFouten(f);
        setAlgemeen(null);
        if (Object.keys(f).length > 0) return;
        setBezig(true);
        try {
          const body = besluit === 'geaccordeerd' ? { besluit, maximumtarief: alsEuroTekst(maxCenten!), ...(reden.trim() ? { reden: reden.trim() } : {}) } : { besluit, reden: reden.trim() };
          const r = await api.post<{ status: string; declaraties: Record<string, number> }>(`/api/zorgovereenkomsten/${encodeURIComponent(z.zorgovereenkomst_id)}/accordering`, body, { sleutel: sleutel.current });
          const dcl = Object.entries(r.declaraties ?? {}).filter(([, n]) => n > 0);
          klaar(
            `Zorgovereenkomst ${z.zorgovereenkomst_id} is ${r.status === 'geaccordeerd' ? `geaccordeerd met een maximumtarief van ${euro(maxCenten!)}` : 'afgekeurd'}.${dcl.length > 0 ? ` Wachtende declaraties opnieuw gecontroleerd: ${dcl.map(([k, n]) => `${n} ${statusNaam(k).toLowerCase()}`).join(', ')}.` : ''}`,
          );
        } catch (err) {
          if (err instanceof ApiFout) setFouten(err.veldfouten());
          setAlgemeen(foutmelding(err));
        } finally {
          setBezig(false);
        }
      }}
    >
      <Heading level={2}>Uw besluit</Heading>
      {algemeen && <Alert type="error">{algemeen}</Alert>}
      <Keuzerondjes
        id="besluit"
        legend="Besluit"
        required
        value={besluit}
        onChange={(v) => {
          setBesluit(v);
          setFouten(({ besluit: _, ...rest }) => rest);
        }}
        error={fouten.besluit}
        options={[
          { value: 'geaccordeerd', label: 'Accorderen met een maximumtarief' },
          { value: 'afgekeurd', label: 'Afkeuren' },
        ]}
      />
      {besluit === 'geaccordeerd' && (
        <TextField
          id="maximumtarief"
          label={`Maximumtarief per ${z.eenheid} (€)`}
          description="Het hoogste tarief dat u uit het budget betaalt. Standaard het afgesproken tarief."
          inputMode="decimal"
          required
          value={max}
          onChange={(v) => {
            setMax(v);
            setFouten(({ maximumtarief: _, ...rest }) => rest);
          }}
          error={fouten.maximumtarief}
          warning={waarschuwing}
        />
      )}
      {besluit !== '' && (
        <FormField id="reden" label={besluit === 'afgekeurd' ? 'Reden van afkeuren' : 'Toelichting'} required={besluit === 'afgekeurd'} error={fouten.reden}>
          {(aria) => (
            <Textarea
              {...aria}
              rows={3}
              value={reden}
              onChange={(e) => {
                setReden(e.target.value);
                setFouten(({ reden: _, ...rest }) => rest);
              }}
              invalid={!!fouten.reden}
            />
          )}
        </FormField>
      )}
      <Button type="submit" appearance="primary-action" busy={bezig}>
        Besluit vastleggen
      </Button>
    </Form>
  );
}
