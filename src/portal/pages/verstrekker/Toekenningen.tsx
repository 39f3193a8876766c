/**
 * The funder grants budgets (toekenningen) and withdraws them. A grant is the decision's number,
 * the holder's BSN, the law, the period and the amount; the platform checks it as a line of
 * toekenningen.csv and answers with the same messages. Withdrawing books a correction to 0.00 under
 * the number of the withdrawal decision; claims already paid stay paid.
 */
import { useRef, useState } from 'react';
import { api, ApiFout, foutmelding, query } from '../../api.ts';
import { datum, euro, parseEuro } from '../../format.ts';
import { Alert, Button, ButtonGroup, Fieldset, Fout, Form, Heading, Laden, Paragraph, SelectField, StatusBadge, Table, TextField, useData } from '../../components/index.ts';
import { bsnGemaskeerd, WETTEN, wetNaam } from '../gedeeld/namen.ts';
import { alsEuroTekst } from '../gedeeld/namen.ts';

interface Toekenning {
  toekenning_id: string;
  verstrekker: string;
  budgethouder_id: number;
  clientnummer: number;
  bsn: string;
  wet: string;
  ingangsdatum: string;
  einddatum: string;
  bedrag_centen: number;
  vervangt: string | null;
  budget_id: string;
  actueel: boolean;
}

interface Antwoord {
  nieuw: number;
  al_bekend: number;
  toekenningen?: Toekenning[];
  toekenning?: Toekenning | null;
}

function Toekennen({ klaar }: { klaar: (t: string) => void }) {
  const [v, setV] = useState({ toekenning_id: '', bsn: '', wet: '', ingangsdatum: '', einddatum: '', bedrag: '' });
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [algemeen, setAlgemeen] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  const sleutel = useRef(crypto.randomUUID());
  const zet = (k: keyof typeof v) => (x: string) => {
    setV((o) => ({ ...o, [k]: x }));
    setFouten(({ [k]: _, ...rest }) => rest);
  };
  return (
    <Form
      aria-label="Budget toekennen"
      onSubmit={async (e) => {
        e.preventDefault();
        const f: Record<string, string> = {};
        if (!v.toekenning_id.trim()) f.toekenning_id = 'Vul het nummer van de beschikking in.';
        if (!/^\d{9}$/.test(v.bsn.trim())) f.bsn = 'Vul het BSN in: negen cijfers.';
        if (!v.wet) f.wet = 'Kies de wet.';
        if (!v.ingangsdatum) f.ingangsdatum = 'Vul de ingangsdatum in.';
        if (!v.einddatum) f.einddatum = 'Vul de einddatum in.';
        else if (v.ingangsdatum && v.einddatum < v.ingangsdatum) f.einddatum = 'De einddatum ligt voor de ingangsdatum.';
        const c = parseEuro(v.bedrag);
        if (c === null || c <= 0) f.bedrag = 'Vul het bedrag in euro’s in, bijvoorbeeld 12.000,00.';
        setFouten(f);
        setAlgemeen(null);
        if (Object.keys(f).length > 0) return;
        setBezig(true);
        try {
          const r = await api.post<Antwoord>(
            '/api/toekenningen',
            { toekenningen: [{ toekenning_id: v.toekenning_id.trim(), bsn: v.bsn.trim(), wet: v.wet, ingangsdatum: v.ingangsdatum, einddatum: v.einddatum, bedrag: alsEuroTekst(c!) }] },
            { sleutel: sleutel.current },
          );
          sleutel.current = crypto.randomUUID();
          const t = r.toekenningen?.[0];
          klaar(r.nieuw > 0 ? `Toekenning ${v.toekenning_id.trim()} vastgelegd: ${euro(c!)} voor ${wetNaam(v.wet)}${t ? `, cliënt ${t.clientnummer}` : ''}.` : `Toekenning ${v.toekenning_id.trim()} was al vastgelegd; er is niets dubbel geboekt.`);
          setV({ toekenning_id: '', bsn: '', wet: '', ingangsdatum: '', einddatum: '', bedrag: '' });
        } catch (err) {
          if (err instanceof ApiFout) setFouten(err.veldfouten());
          setAlgemeen(foutmelding(err));
        } finally {
          setBezig(false);
        }
      }}
    >
      {algemeen && <Alert type="error" titel="De toekenning is niet vastgelegd"><Paragraph>{algemeen}</Paragraph></Alert>}
      <Fieldset legend="Nieuwe toekenning">
        <TextField id="toekenning_id" label="Nummer van de beschikking" required value={v.toekenning_id} onChange={zet('toekenning_id')} error={fouten.toekenning_id} />
        <TextField id="bsn" label="BSN van de budgethouder" inputMode="numeric" autoComplete="off" required value={v.bsn} onChange={zet('bsn')} error={fouten.bsn} />
        <SelectField id="wet" label="Wet" required value={v.wet} onChange={zet('wet')} placeholder="Kies…" options={WETTEN.map((w) => ({ value: w, label: wetNaam(w) }))} error={fouten.wet} />
        <div className="pgb-inline">
          <TextField id="ingangsdatum" label="Ingangsdatum" type="date" required value={v.ingangsdatum} onChange={zet('ingangsdatum')} error={fouten.ingangsdatum} />
          <TextField id="einddatum" label="Einddatum" type="date" required value={v.einddatum} onChange={zet('einddatum')} error={fouten.einddatum} />
        </div>
        <TextField id="bedrag" label="Bedrag (€)" inputMode="decimal" required value={v.bedrag} onChange={zet('bedrag')} error={fouten.bedrag} />
      </Fieldset>
      <Button type="submit" appearance="primary-action" busy={bezig}>
        Budget toekennen
      </Button>
    </Form>
  );
}

function Intrekken({ t, klaar }: { t: Toekenning; klaar: (tekst: string) => void }) {
  const [open, setOpen] = useState(false);
  const [nummer, setNummer] = useState('');
  const [fout, setFout] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  const id = t.toekenning_id.replace(/[^A-Za-z0-9_-]/g, '_');
  if (!open)
    return (
      <Button appearance="subtle" onClick={() => setOpen(true)} aria-label={`Toekenning ${t.toekenning_id} intrekken`}>
        Intrekken
      </Button>
    );
  return (
    <Form
      aria-label={`Toekenning ${t.toekenning_id} intrekken`}
      onSubmit={async (e) => {
        e.preventDefault();
        if (!nummer.trim()) return setFout('Vul het nummer van de intrekkingsbeschikking in.');
        setBezig(true);
        try {
          await api.post<Antwoord>(`/api/toekenningen/${encodeURIComponent(t.toekenning_id)}/intrekking`, { toekenning_id: nummer.trim() });
          klaar(`Toekenning ${t.toekenning_id} is ingetrokken (beschikking ${nummer.trim()}).`);
        } catch (err) {
          setFout(foutmelding(err));
        } finally {
          setBezig(false);
        }
      }}
    >
      <TextField id={`intrekking-${id}`} label="Nummer van de intrekking" required value={nummer} onChange={setNummer} error={fout} />
      <ButtonGroup>
        <Button type="submit" danger busy={bezig}>
          Intrekking vastleggen
        </Button>
        <Button appearance="subtle" onClick={() => setOpen(false)}>
          Annuleren
        </Button>
      </ButtonGroup>
    </Form>
  );
}

export function ToekenningenPagina() {
  const [melding, setMelding] = useState<string | null>(null);
  const [wet, setWet] = useState('');
  const d = useData((signal) => api.get<{ items: Toekenning[] }>(`/api/toekenningen${query({ actueel: 'true', wet, limit: 500 })}`, { signal }), [wet]);
  const klaar = (t: string) => {
    setMelding(t);
    d.opnieuw();
  };
  return (
    <>
      <Heading level={1}>Toekenningen</Heading>
      <Paragraph lead>Ken een budget toe of trek een toekenning in. De budgethouder ziet het budget direct in Mijn PGB.</Paragraph>
      {melding && <Alert type="ok">{melding}</Alert>}
      <Toekennen klaar={klaar} />
      <Heading level={2}>Huidige toekenningen</Heading>
      <SelectField id="filter-wet" label="Wet" value={wet} onChange={setWet} placeholder="Alle wetten" options={WETTEN.map((w) => ({ value: w, label: wetNaam(w) }))} />
      {d.laden && <Laden wat="de toekenningen" />}
      {d.fout != null && <Fout fout={d.fout} opnieuw={d.opnieuw} />}
      {d.data && (
        <Table
          caption="Huidige toekenningen, nieuwste eerst"
          captionHidden
          empty="Er zijn geen toekenningen."
          columns={[
            { key: 'id', header: 'Toekenning', cell: (t: Toekenning) => t.toekenning_id },
            { key: 'bh', header: 'Cliënt', cell: (t) => `${t.clientnummer} (BSN ${bsnGemaskeerd(t.bsn)})` },
            { key: 'wet', header: 'Wet', cell: (t) => wetNaam(t.wet) },
            { key: 'periode', header: 'Periode', cell: (t) => `${datum(t.ingangsdatum)} – ${datum(t.einddatum)}` },
            { key: 'bedrag', header: 'Bedrag', numeric: true, cell: (t) => (t.bedrag_centen === 0 ? <StatusBadge status="inactive">ingetrokken</StatusBadge> : euro(t.bedrag_centen)) },
            { key: 'actie', header: 'Actie', cell: (t) => (t.bedrag_centen === 0 ? '—' : <Intrekken t={t} klaar={klaar} />) },
          ]}
          rows={d.data.items}
          rowKey={(t) => t.toekenning_id}
        />
      )}
    </>
  );
}
