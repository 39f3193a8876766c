/**
 * Recoveries (vorderingen) in the back office: a payment found wrong (paid twice, wrong amount,
 * after death) becomes a recovery on the provider or the holder. It is set off against the next
 * payments to that party in the payment run, or repaid with the reference `VORDERING V-…` (read
 * from the bank statement); what is recovered goes back to the budget. Here: the list with age and
 * what is open, a new recovery, one recovery's whole history, and writing off what is left.
 */
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { api, ApiFout, foutmelding, query } from '../../api.ts';
import { Alert, Button, DataList, Form, FormField, Fout, Heading, Laden, Link, Paragraph, SelectField, StatusBadge, Table, Textarea, TextField, useData } from '../../components/index.ts';
import { datum, euro, leesbaar, moment, parseEuro } from '../../format.ts';
import { alsEuroTekst } from '../gedeeld/namen.ts';
import { VORDERING_REDEN_KEUZES } from '../../codelijsten.ts';

const BASIS = '/backoffice/vorderingen';


const STATUS: Record<string, { label: string; kind: 'warning' | 'success' | 'inactive' }> = {
  open: { label: 'Open', kind: 'warning' },
  voldaan: { label: 'Voldaan', kind: 'success' },
  kwijtgescholden: { label: 'Kwijtgescholden', kind: 'inactive' },
};

interface Vordering {
  vordering_id: string;
  debiteur_soort: 'zorgverlener' | 'budgethouder';
  zorgverlener_id: string | null;
  budgethouder_id: number | null;
  declaratie_id: string | null;
  betaling_id: string | null;
  budget_id: string | null;
  reden: string;
  reden_omschrijving: string;
  toelichting: string;
  bedrag_centen: number;
  openstaand_centen: number;
  kwijtgescholden_centen: number;
  status: string;
  vastgesteld_op: string;
  aangemaakt_door: string;
  aangemaakt_op: string;
  kwijtschelding_reden: string | null;
  betaalkenmerk: string;
  leeftijd_dagen?: number;
  verrekend_centen?: number;
  terugbetaald_centen?: number;
}

interface VorderingSpoor extends Vordering {
  verrekeningen: { betaling_id: string; betaalrun_id: string; bedrag_centen: number; actief: boolean; op: string }[];
  terugbetalingen: { afschrift_id: string; post_ref: string; boekdatum: string; bedrag_centen: number; op: string }[];
  boekingen: { journaalpost_id: number; op: string; soort: string; omschrijving: string; rekening: string; bedrag_centen: number }[];
  audit: { op: string; actor: string; actie: string; reden: string | null }[];
}

const debiteur = (v: Vordering) => (v.debiteur_soort === 'zorgverlener' ? `zorgverlener ${v.zorgverlener_id}` : `budgethouder ${v.budgethouder_id}`);
const statusBadge = (s: string) => <StatusBadge status={STATUS[s]?.kind ?? 'neutral'}>{STATUS[s]?.label ?? s}</StatusBadge>;

export function VorderingenPagina() {
  const [status, setStatus] = useState('open');
  const [melding, setMelding] = useState<string | null>(null);
  const d = useData((signal) => api.get<{ items: Vordering[]; totaal_open_centen: number }>(`/api/vorderingen${query({ status })}`, { signal }), [status]);
  return (
    <>
      <Heading level={1}>Vorderingen</Heading>
      <Paragraph lead>
        Een betaling die niet klopte (dubbel, een onjuist bedrag, na overlijden) wordt een vordering op de zorgverlener of de budgethouder. De betaalrun verrekent haar met de volgende betalingen aan die partij; terugbetalen kan met
        het betalingskenmerk VORDERING en het nummer. Wat terugkomt, gaat terug naar het budget.
      </Paragraph>
      <div aria-live="polite">{melding && <Alert type="ok">{melding}</Alert>}</div>
      <SelectField
        id="vordering-status"
        label="Toon"
        value={status}
        onChange={setStatus}
        options={[
          { value: 'open', label: 'Open vorderingen' },
          { value: 'voldaan', label: 'Voldaan' },
          { value: 'kwijtgescholden', label: 'Kwijtgescholden' },
          { value: 'alle', label: 'Alle vorderingen' },
        ]}
      />
      {d.laden && !d.data && <Laden wat="de vorderingen" />}
      {d.fout !== null && <Fout fout={d.fout} opnieuw={d.opnieuw} />}
      {d.data && (
        <>
          {status === 'open' && <Paragraph>Samen staat {euro(d.data.totaal_open_centen)} open.</Paragraph>}
          <Table
            caption={`Vorderingen (${d.data.items.length})`}
            rowKey={(v) => v.vordering_id}
            rows={d.data.items}
            empty="Er zijn geen vorderingen om te tonen."
            columns={[
              { key: 'id', header: 'Vordering', cell: (v) => <Link to={`${BASIS}/${encodeURIComponent(v.vordering_id)}`}>{v.vordering_id}</Link> },
              { key: 'op', header: 'Op', cell: debiteur },
              { key: 'reden', header: 'Reden', cell: (v) => v.reden_omschrijving },
              { key: 'bedrag', header: 'Bedrag', cell: (v) => euro(v.bedrag_centen), numeric: true },
              { key: 'verrekend', header: 'Verrekend', cell: (v) => euro(v.verrekend_centen ?? 0), numeric: true },
              { key: 'terug', header: 'Terugbetaald', cell: (v) => euro(v.terugbetaald_centen ?? 0), numeric: true },
              { key: 'open', header: 'Open', cell: (v) => euro(v.openstaand_centen), numeric: true },
              { key: 'leeftijd', header: 'Dagen', cell: (v) => String(v.leeftijd_dagen ?? '—'), numeric: true },
              { key: 'status', header: 'Status', cell: (v) => statusBadge(v.status) },
            ]}
          />
        </>
      )}
      <NieuweVordering
        klaar={(v) => {
          setMelding(`Vordering ${v.vordering_id} van ${euro(v.bedrag_centen)} op ${debiteur(v)} is vastgelegd; de volgende betaalrun verrekent haar, of zij wordt terugbetaald met kenmerk ${v.betaalkenmerk}.`);
          d.opnieuw();
        }}
      />
    </>
  );
}

function NieuweVordering({ klaar }: { klaar: (v: Vordering) => void }) {
  const [declaratie, setDeclaratie] = useState('');
  const [soort, setSoort] = useState('');
  const [debiteurId, setDebiteurId] = useState('');
  const [reden, setReden] = useState('DUBBEL_BETAALD');
  const [bedrag, setBedrag] = useState('');
  const [toelichting, setToelichting] = useState('');
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [algemeen, setAlgemeen] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  async function leg(e: FormEvent) {
    e.preventDefault();
    const f: Record<string, string> = {};
    if (!declaratie.trim() && (!soort || !debiteurId.trim())) f.declaratie_id = 'Noem de betaalde declaratie, of kies op wie de vordering is en vul het nummer in.';
    const c = parseEuro(bedrag);
    if (c === null || c <= 0) f.bedrag = 'Vul het bedrag in euro’s in, bijvoorbeeld 85,50.';
    if (toelichting.trim().length < 3) f.toelichting = 'Schrijf waarom deze betaling niet klopte; dit staat in het spoor en het audittrail.';
    setFouten(f);
    setAlgemeen(null);
    if (Object.keys(f).length > 0) {
      document.getElementById(f.declaratie_id ? 'vord-declaratie' : f.bedrag ? 'vord-bedrag' : 'vord-toelichting')?.focus();
      return;
    }
    setBezig(true);
    try {
      const v = await api.post<Vordering>('/api/vorderingen', {
        ...(declaratie.trim() ? { declaratie_id: declaratie.trim() } : {}),
        ...(soort && debiteurId.trim() ? { debiteur_soort: soort, debiteur_id: debiteurId.trim() } : {}),
        reden,
        bedrag: alsEuroTekst(c!),
        toelichting: toelichting.trim(),
      });
      setDeclaratie('');
      setDebiteurId('');
      setBedrag('');
      setToelichting('');
      klaar(v);
    } catch (err) {
      if (err instanceof ApiFout) {
        const v = err.veldfouten();
        if (v.debiteur_id && !v.declaratie_id) v.declaratie_id = v.debiteur_id;
        setFouten(v);
        setAlgemeen(err.probleem.detail);
      } else setAlgemeen(foutmelding(err));
    } finally {
      setBezig(false);
    }
  }
  return (
    <Form onSubmit={leg} noValidate aria-labelledby="nieuwe-vordering">
      <Heading level={2} id="nieuwe-vordering">
        Nieuwe vordering
      </Heading>
      {algemeen && <Alert type="error">{algemeen}</Alert>}
      <TextField id="vord-declaratie" label="Betaalde declaratie" description="Het nummer van de declaratie die niet goed betaald is; zorgverlener, betaling en budget volgen eruit." value={declaratie} onChange={setDeclaratie} error={fouten.declaratie_id} />
      <SelectField
        id="vord-soort"
        label="Of: op wie"
        description="Alleen zonder declaratie, bijvoorbeeld een eigen bedrag dat ten onrechte aan de budgethouder is betaald."
        value={soort}
        onChange={setSoort}
        placeholder="Volgt uit de declaratie"
        options={[
          { value: 'zorgverlener', label: 'Zorgverlener' },
          { value: 'budgethouder', label: 'Budgethouder' },
        ]}
      />
      {soort && <TextField id="vord-debiteur" label={soort === 'zorgverlener' ? 'Zorgverlenernummer' : 'Nummer van de budgethouder'} value={debiteurId} onChange={setDebiteurId} error={fouten.debiteur_id} />}
      <SelectField id="vord-reden" label="Reden" required value={reden} onChange={setReden} options={VORDERING_REDEN_KEUZES} error={fouten.reden} />
      <TextField id="vord-bedrag" label="Bedrag in euro" required inputMode="decimal" value={bedrag} onChange={setBedrag} error={fouten.bedrag} />
      <FormField id="vord-toelichting" label="Toelichting" required error={fouten.toelichting}>
        {(aria) => <Textarea {...aria} value={toelichting} onChange={(e) => setToelichting(e.target.value)} invalid={Boolean(fouten.toelichting)} rows={3} />}
      </FormField>
      <Button type="submit" appearance="primary-action" busy={bezig}>
        Vordering vastleggen
      </Button>
    </Form>
  );
}

export function VorderingDetail() {
  const { id = '' } = useParams();
  const d = useData((signal) => api.get<VorderingSpoor>(`/api/vorderingen/${encodeURIComponent(id)}`, { signal }), [id]);
  const [reden, setReden] = useState('');
  const [fout, setFout] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  if (d.laden && !d.data) return <Laden wat="de vordering" />;
  if (d.fout !== null || !d.data) return <Fout fout={d.fout} opnieuw={d.opnieuw} />;
  const v = d.data;
  return (
    <>
      <Paragraph>
        <Link to={BASIS}>← Alle vorderingen</Link>
      </Paragraph>
      <Heading level={1}>Vordering {v.vordering_id}</Heading>
      <DataList
        items={[
          { key: 'Status', value: statusBadge(v.status) },
          { key: 'Op', value: debiteur(v) },
          { key: 'Reden', value: `${v.reden_omschrijving}: ${leesbaar(v.toelichting)}` },
          { key: 'Bedrag', value: euro(v.bedrag_centen) },
          { key: 'Nog open', value: euro(v.openstaand_centen) },
          ...(v.kwijtgescholden_centen > 0 ? [{ key: 'Kwijtgescholden', value: `${euro(v.kwijtgescholden_centen)}${v.kwijtschelding_reden ? `: ${v.kwijtschelding_reden}` : ''}` }] : []),
          ...(v.declaratie_id ? [{ key: 'Declaratie', value: <Link to={`/backoffice/declaraties/${encodeURIComponent(v.declaratie_id)}`}>{v.declaratie_id}</Link> }] : []),
          ...(v.betaling_id ? [{ key: 'Betaling', value: v.betaling_id }] : []),
          ...(v.budget_id ? [{ key: 'Terug naar budget', value: v.budget_id }] : []),
          { key: 'Betalingskenmerk', value: v.betaalkenmerk },
          { key: 'Vastgesteld', value: `${datum(v.vastgesteld_op)} door ${v.aangemaakt_door}` },
        ]}
      />
      <Heading level={2}>Verrekend in betaalruns</Heading>
      <Table
        caption="Verrekend in betaalruns"
        captionHidden
        rowKey={(s) => `${s.betaling_id}-${s.op}`}
        rows={v.verrekeningen}
        empty="Nog niets verrekend."
        columns={[
          { key: 'op', header: 'Wanneer', cell: (s) => moment(s.op) },
          { key: 'run', header: 'Betaalrun', cell: (s) => s.betaalrun_id },
          { key: 'betaling', header: 'Betaling', cell: (s) => s.betaling_id },
          { key: 'bedrag', header: 'Verrekend', cell: (s) => euro(s.bedrag_centen), numeric: true },
          { key: 'actief', header: 'Stand', cell: (s) => (s.actief ? 'verrekend' : 'ongedaan (betaling teruggeboekt)') },
        ]}
      />
      <Heading level={2}>Terugbetaald (bankafschriften)</Heading>
      <Table
        caption="Terugbetaald (bankafschriften)"
        captionHidden
        rowKey={(p) => `${p.afschrift_id}-${p.post_ref}`}
        rows={v.terugbetalingen}
        empty="Nog niets terugbetaald."
        columns={[
          { key: 'datum', header: 'Boekdatum', cell: (p) => datum(p.boekdatum) },
          { key: 'afschrift', header: 'Afschrift', cell: (p) => `${p.afschrift_id} / ${p.post_ref}` },
          { key: 'bedrag', header: 'Bedrag', cell: (p) => euro(p.bedrag_centen), numeric: true },
        ]}
      />
      <Heading level={2}>Boekingen</Heading>
      <Table
        caption="Boekingen"
        captionHidden
        rowKey={(b) => `${b.journaalpost_id}-${b.rekening}`}
        rows={v.boekingen}
        empty="Geen boekingen."
        columns={[
          { key: 'op', header: 'Wanneer', cell: (b) => moment(b.op) },
          { key: 'post', header: 'Journaalpost', cell: (b) => `#${b.journaalpost_id} ${b.soort}` },
          { key: 'rekening', header: 'Rekening', cell: (b) => b.rekening },
          { key: 'bedrag', header: 'Bedrag', cell: (b) => euro(b.bedrag_centen), numeric: true },
        ]}
      />
      <Heading level={2}>Audittrail</Heading>
      <Table
        caption="Audittrail"
        captionHidden
        rowKey={(a) => `${a.op}-${a.actie}`}
        rows={v.audit}
        empty="—"
        columns={[
          { key: 'op', header: 'Wanneer', cell: (a) => moment(a.op) },
          { key: 'actie', header: 'Actie', cell: (a) => a.actie },
          { key: 'door', header: 'Door', cell: (a) => a.actor },
          { key: 'reden', header: 'Reden', cell: (a) => (a.reden ? leesbaar(a.reden) : '—') },
        ]}
      />
      {v.status === 'open' && (
        <Form
          aria-labelledby="kwijtschelden"
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            if (reden.trim().length < 3) {
              setFout('Schrijf waarom het openstaande bedrag wordt kwijtgescholden; het budget krijgt het niet terug.');
              document.getElementById('kwijt-reden')?.focus();
              return;
            }
            setBezig(true);
            try {
              await api.post(`/api/vorderingen/${encodeURIComponent(v.vordering_id)}/kwijtschelding`, { reden: reden.trim() });
              setReden('');
              setFout(null);
              d.opnieuw();
            } catch (err) {
              setFout(foutmelding(err));
            } finally {
              setBezig(false);
            }
          }}
        >
          <Heading level={2} id="kwijtschelden">
            Kwijtschelden
          </Heading>
          <Paragraph>Wat nog openstaat ({euro(v.openstaand_centen)}) kwijtschelden: het wordt niet meer verrekend en het budget krijgt het niet terug.</Paragraph>
          <FormField id="kwijt-reden" label="Reden" required error={fout}>
            {(aria) => <Textarea {...aria} value={reden} onChange={(e) => setReden(e.target.value)} invalid={Boolean(fout)} rows={2} />}
          </FormField>
          <Button type="submit" appearance="secondary-action" busy={bezig}>
            Openstaand bedrag kwijtschelden
          </Button>
        </Form>
      )}
    </>
  );
}
