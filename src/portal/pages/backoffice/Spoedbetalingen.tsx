/**
 * Urgent payments (spoedbetalingen, issue #8): record a request; a second person approves or
 * rejects it (four eyes: the server refuses whoever recorded it, and says so); the urgent run of
 * today with its own SEPA file; the claims that could belong to more than one advance (a person
 * chooses); the advances not yet settled, with their age in working days; every request.
 */
import { useRef, useState } from 'react';
import { api, ApiFout, foutmelding } from '../../api.ts';
import { datum, euro, moment, parseEuro } from '../../format.ts';
import { Alert, Button, ButtonGroup, ExternalLink, Fout, Form, Heading, Laden, Paragraph, SelectField, StatusBadge, Table, TextField, useData, type StatusKind } from '../../components/index.ts';
import { alsEuroTekst, vandaag } from '../gedeeld/namen.ts';
import { SPOED_KANAAL_KEUZES, SPOED_OORZAAK_KEUZES } from '../../codelijsten.ts';

interface Aanvraag {
  aanvraag_id: string;
  clientnummer: number;
  zorgverlener_id: string;
  toekenning_id: string;
  bedrag_centen: number;
  van: string;
  tot: string;
  oorzaak: string;
  oorzaak_omschrijving: string;
  kanaal: string;
  status: string;
  aangevraagd_door: string;
  aangevraagd_op: string;
  beoordeeld_door: string | null;
  afwijsreden: string | null;
  betaalrun_id: string | null;
  te_vorderen: string;
}

interface OpenVoorschot {
  aanvraag_id: string;
  clientnummer: number;
  zorgverlener_id: string;
  bedrag_centen: number;
  open_centen: number;
  status: string;
  periode_van: string;
  periode_tot: string;
  betaald_op: string;
  werkdagen: number;
}

interface Wachtend {
  declaratie_id: string;
  aanvragen: string[];
  op: string;
}

interface RunAntwoord {
  betaalrun_id: string | null;
  betalingen: number;
  totaal_centen: number;
  aangehouden: { aanvraag_id: string; reden: string }[];
}


const STATUS: Record<string, { naam: string; soort: StatusKind }> = {
  aangevraagd: { naam: 'wacht op goedkeuring', soort: 'warning' },
  goedgekeurd: { naam: 'goedgekeurd, wacht op spoedrun', soort: 'neutral' },
  afgewezen: { naam: 'afgewezen', soort: 'danger' },
  betaald: { naam: 'betaald, nog niet verrekend', soort: 'warning' },
  verrekend: { naam: 'verrekend', soort: 'success' },
  te_vorderen: { naam: 'verrekend, rest te vorderen', soort: 'warning' },
};
const status = (s: string) => <StatusBadge status={STATUS[s]?.soort ?? 'neutral'}>{STATUS[s]?.naam ?? s}</StatusBadge>;

const LEEG = { bsn: '', zorgverlener: '', toekenning: '', bedrag: '', van: '', tot: '', oorzaak: '', kanaal: '', toelichting: '' };

function NieuweAanvraag({ klaar }: { klaar: (t: string) => void }) {
  const [v, setV] = useState(LEEG);
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [algemeen, setAlgemeen] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  const sleutel = useRef(crypto.randomUUID());
  const zet = (k: keyof typeof LEEG) => (x: string) => setV({ ...v, [k]: x });
  return (
    <Form
      aria-label="Spoedaanvraag vastleggen"
      onSubmit={async (e) => {
        e.preventDefault();
        const f: Record<string, string> = {};
        if (!/^\d{9}$/.test(v.bsn.trim())) f.bsn = 'Vul het BSN van de budgethouder in (9 cijfers).';
        if (!v.zorgverlener.trim()) f.zorgverlener_id = 'Vul de zorgverlener in.';
        if (!v.toekenning.trim()) f.toekenning_id = 'Vul de toekenning in waar het voorschot ten laste van komt.';
        const c = parseEuro(v.bedrag);
        if (c === null || c <= 0) f.bedrag = 'Vul een bedrag in, bijvoorbeeld 1250,00.';
        if (!v.van) f.van = 'Vul de eerste dag van de zorgperiode in.';
        if (!v.tot) f.tot = 'Vul de laatste dag van de zorgperiode in.';
        if (!v.oorzaak) f.oorzaak = 'Kies de oorzaak.';
        if (!v.kanaal) f.kanaal = 'Kies hoe de aanvraag binnenkwam.';
        setFouten(f);
        setAlgemeen(null);
        if (Object.keys(f).length > 0) return;
        setBezig(true);
        try {
          const r = await api.post<Aanvraag>(
            '/api/spoedbetalingen',
            { bsn: v.bsn.trim(), zorgverlener_id: v.zorgverlener.trim(), toekenning_id: v.toekenning.trim(), bedrag: alsEuroTekst(c!), van: v.van, tot: v.tot, oorzaak: v.oorzaak, kanaal: v.kanaal, ...(v.toelichting.trim() ? { toelichting: v.toelichting.trim() } : {}) },
            { sleutel: sleutel.current },
          );
          sleutel.current = crypto.randomUUID();
          setV(LEEG);
          klaar(`Spoedaanvraag ${r.aanvraag_id} van ${euro(r.bedrag_centen)} is vastgelegd. Een tweede medewerker keurt haar goed.`);
        } catch (err) {
          const vf = err instanceof ApiFout ? err.veldfouten() : {};
          if (Object.keys(vf).length > 0) setFouten(vf);
          else setAlgemeen(foutmelding(err));
        } finally {
          setBezig(false);
        }
      }}
    >
      {algemeen && <Alert type="error">{algemeen}</Alert>}
      <div className="pgb-inline">
        <TextField id="bsn" label="BSN budgethouder" autoComplete="off" inputMode="numeric" required value={v.bsn} onChange={zet('bsn')} error={fouten.bsn} />
        <TextField id="zorgverlener_id" label="Zorgverlener" required value={v.zorgverlener} onChange={zet('zorgverlener')} error={fouten.zorgverlener_id} />
        <TextField id="toekenning_id" label="Toekenning" description="Het budget dat het voorschot draagt." required value={v.toekenning} onChange={zet('toekenning')} error={fouten.toekenning_id} />
        <TextField id="bedrag" label="Bedrag" inputMode="decimal" required value={v.bedrag} onChange={zet('bedrag')} error={fouten.bedrag} />
      </div>
      <div className="pgb-inline">
        <TextField id="van" label="Zorg van" type="date" required value={v.van} onChange={zet('van')} error={fouten.van} />
        <TextField id="tot" label="Zorg tot en met" type="date" required value={v.tot} onChange={zet('tot')} error={fouten.tot} />
        <SelectField id="oorzaak" label="Oorzaak" required value={v.oorzaak} onChange={zet('oorzaak')} options={SPOED_OORZAAK_KEUZES} placeholder="Kies een oorzaak" error={fouten.oorzaak} />
        <SelectField id="kanaal" label="Kanaal" required value={v.kanaal} onChange={zet('kanaal')} options={SPOED_KANAAL_KEUZES} placeholder="Kies een kanaal" error={fouten.kanaal} />
      </div>
      <TextField id="toelichting" label="Toelichting" value={v.toelichting} onChange={zet('toelichting')} error={fouten.toelichting} />
      <Button type="submit" appearance="primary-action" busy={bezig}>
        Spoedaanvraag vastleggen
      </Button>
    </Form>
  );
}

function Beoordelen({ a, klaar, fout }: { a: Aanvraag; klaar: (t: string) => void; fout: (t: string) => void }) {
  const [reden, setReden] = useState('');
  const [redenFout, setRedenFout] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  const doe = async (actie: 'goedkeuren' | 'afwijzen') => {
    if (actie === 'afwijzen' && reden.trim().length < 3) return setRedenFout('Schrijf waarom de aanvraag wordt afgewezen.');
    setRedenFout(null);
    setBezig(true);
    try {
      await api.post(`/api/spoedbetalingen/${encodeURIComponent(a.aanvraag_id)}/${actie}`, actie === 'afwijzen' ? { reden: reden.trim() } : {});
      klaar(actie === 'goedkeuren' ? `Spoedaanvraag ${a.aanvraag_id} is goedgekeurd en gaat mee in de volgende spoedrun.` : `Spoedaanvraag ${a.aanvraag_id} is afgewezen.`);
    } catch (err) {
      fout(foutmelding(err));
    } finally {
      setBezig(false);
    }
  };
  const id = a.aanvraag_id.replace(/[^A-Za-z0-9_-]/g, '_');
  return (
    <div className="pgb-inline">
      <TextField id={`reden-${id}`} label="Reden (bij afwijzen)" value={reden} onChange={setReden} error={redenFout} />
      <ButtonGroup>
        <Button appearance="primary-action" busy={bezig} onClick={() => void doe('goedkeuren')} aria-label={`Spoedaanvraag ${a.aanvraag_id} goedkeuren`}>
          Goedkeuren
        </Button>
        <Button appearance="secondary-action" busy={bezig} onClick={() => void doe('afwijzen')} aria-label={`Spoedaanvraag ${a.aanvraag_id} afwijzen`}>
          Afwijzen
        </Button>
      </ButtonGroup>
    </div>
  );
}

export function SpoedbetalingenPagina() {
  const [melding, setMelding] = useState<{ type: 'ok' | 'error'; tekst: string } | null>(null);
  const [run, setRun] = useState<RunAntwoord | null>(null);
  const [bezig, setBezig] = useState(false);
  // one load for the three lists, so the page shows one loading message and one error
  const d = useData(async (signal) => {
    const [a, o, w] = await Promise.all([
      api.get<{ items: Aanvraag[] }>('/api/spoedbetalingen', { signal }),
      api.get<{ items: OpenVoorschot[] }>('/api/spoedbetalingen/open', { signal }),
      api.get<{ items: Wachtend[] }>('/api/spoedbetalingen/koppelwachtrij', { signal }),
    ]);
    return { aanvragen: a.items, open: o.items, wachtrij: w.items };
  }, []);
  const alles = () => d.opnieuw();
  const klaar = (tekst: string) => {
    setMelding({ type: 'ok', tekst });
    alles();
  };
  const fout = (tekst: string) => setMelding({ type: 'error', tekst });
  const koppel = async (declaratieId: string, aanvraagId: string | null) => {
    try {
      await api.post(`/api/spoedbetalingen/koppelwachtrij/${encodeURIComponent(declaratieId)}`, { aanvraag_id: aanvraagId });
      klaar(aanvraagId ? `Declaratie ${declaratieId} is verrekend met spoedbetaling ${aanvraagId}.` : `Declaratie ${declaratieId} hoort bij geen spoedbetaling en gaat mee in de volgende betaalrun.`);
    } catch (err) {
      fout(foutmelding(err));
    }
  };
  const wachtend = d.data?.aanvragen.filter((a) => a.status === 'aangevraagd') ?? [];
  return (
    <>
      <Heading level={1}>Spoedbetalingen</Heading>
      <Paragraph lead>
        Een spoedbetaling is een voorschot aan de zorgverlener, dezelfde dag betaald en ten laste van het budget. Een tweede medewerker keurt elke aanvraag goed. Latere declaraties voor dezelfde budgethouder, zorgverlener en periode worden ermee verrekend, zodat niets twee keer wordt betaald.
      </Paragraph>
      {melding && <Alert type={melding.type}>{melding.tekst}</Alert>}
      {d.laden && <Laden wat="de spoedbetalingen" />}
      {d.fout != null && <Fout fout={d.fout} opnieuw={d.opnieuw} />}

      <Heading level={2}>Spoedaanvraag vastleggen</Heading>
      <NieuweAanvraag klaar={klaar} />

      <Heading level={2}>Wachten op goedkeuring</Heading>
      <Paragraph>Wie een aanvraag vastlegde, mag haar niet zelf goedkeuren of afwijzen (vier ogen).</Paragraph>
      {d.data && (
        <Table
          caption="Spoedaanvragen die wachten op goedkeuring"
          captionHidden
          empty="Er wachten geen spoedaanvragen op goedkeuring."
          columns={[
            { key: 'id', header: 'Aanvraag', cell: (a: Aanvraag) => a.aanvraag_id },
            { key: 'wie', header: 'Budgethouder en zorgverlener', cell: (a) => `cliënt ${a.clientnummer}, ${a.zorgverlener_id}` },
            { key: 'bedrag', header: 'Bedrag', numeric: true, cell: (a) => euro(a.bedrag_centen) },
            { key: 'periode', header: 'Periode', cell: (a) => `${datum(a.van)} t/m ${datum(a.tot)}` },
            { key: 'oorzaak', header: 'Oorzaak', cell: (a) => a.oorzaak_omschrijving },
            { key: 'door', header: 'Vastgelegd', cell: (a) => `${moment(a.aangevraagd_op)} door ${a.aangevraagd_door}` },
            { key: 'actie', header: 'Beoordelen', cell: (a) => <Beoordelen a={a} klaar={klaar} fout={fout} /> },
          ]}
          rows={wachtend}
          rowKey={(a) => a.aanvraag_id}
        />
      )}

      <Heading level={2}>Spoedrun</Heading>
      <Paragraph>De spoedrun betaalt vandaag elke goedgekeurde aanvraag: één overboeking per aanvraag, in een eigen SEPA-bestand.</Paragraph>
      <Button
        appearance="primary-action"
        busy={bezig}
        onClick={async () => {
          setBezig(true);
          try {
            setRun(await api.post<RunAntwoord>('/api/spoedbetalingen/run', { datum: vandaag() }));
            alles();
          } catch (err) {
            fout(foutmelding(err));
          } finally {
            setBezig(false);
          }
        }}
      >
        Spoedrun van vandaag starten
      </Button>
      {run && (
        <Alert type={run.betaalrun_id ? 'ok' : 'info'} titel={run.betaalrun_id ? `Spoedrun ${run.betaalrun_id} gemaakt` : 'Er was niets te betalen'}>
          {run.betaalrun_id && (
            <>
              <Paragraph>
                {run.betalingen} overboeking(en), samen {euro(run.totaal_centen)}.
              </Paragraph>
              <Paragraph>
                <ExternalLink href={`/api/betaalruns/${encodeURIComponent(run.betaalrun_id)}/sepa`} download>
                  Download het SEPA-bestand van {run.betaalrun_id}
                </ExternalLink>
              </Paragraph>
            </>
          )}
          {run.aangehouden.length > 0 && <Paragraph>Aangehouden: {run.aangehouden.map((h) => `${h.aanvraag_id} (${h.reden})`).join('; ')}.</Paragraph>}
        </Alert>
      )}

      <Heading level={2}>Koppelwachtrij</Heading>
      <Paragraph>Declaraties die bij meer dan één spoedbetaling kunnen horen. Tot u kiest, worden ze niet betaald.</Paragraph>
      {d.data && (
        <Table
          caption="Declaraties in de koppelwachtrij"
          captionHidden
          empty="De koppelwachtrij is leeg."
          columns={[
            { key: 'declaratie', header: 'Declaratie', cell: (w: Wachtend) => w.declaratie_id },
            { key: 'sinds', header: 'Sinds', cell: (w) => moment(w.op) },
            {
              key: 'keuze',
              header: 'Verrekenen met',
              cell: (w) => (
                <ButtonGroup>
                  {w.aanvragen.map((a) => (
                    <Button key={a} appearance="secondary-action" onClick={() => void koppel(w.declaratie_id, a)} aria-label={`Declaratie ${w.declaratie_id} verrekenen met ${a}`}>
                      {a}
                    </Button>
                  ))}
                  <Button appearance="secondary-action" onClick={() => void koppel(w.declaratie_id, null)} aria-label={`Declaratie ${w.declaratie_id} met geen spoedbetaling verrekenen`}>
                    Geen
                  </Button>
                </ButtonGroup>
              ),
            },
          ]}
          rows={d.data.wachtrij}
          rowKey={(w) => w.declaratie_id}
        />
      )}

      <Heading level={2}>Open voorschotten</Heading>
      <Paragraph>Betaalde spoedbetalingen die nog niet (helemaal) met een declaratie zijn verrekend, met hun leeftijd in werkdagen sinds de betaling.</Paragraph>
      {d.data && (
        <Table
          caption="Open voorschotten"
          captionHidden
          empty="Er zijn geen open voorschotten."
          columns={[
            { key: 'id', header: 'Aanvraag', cell: (a: OpenVoorschot) => a.aanvraag_id },
            { key: 'wie', header: 'Budgethouder en zorgverlener', cell: (a) => `cliënt ${a.clientnummer}, ${a.zorgverlener_id}` },
            { key: 'periode', header: 'Periode', cell: (a) => `${datum(a.periode_van)} t/m ${datum(a.periode_tot)}` },
            { key: 'open', header: 'Open', numeric: true, cell: (a) => `${euro(a.open_centen)} van ${euro(a.bedrag_centen)}` },
            { key: 'status', header: 'Stand', cell: (a) => status(a.status) },
            { key: 'betaald', header: 'Betaald', cell: (a) => datum(a.betaald_op) },
            { key: 'leeftijd', header: 'Werkdagen', numeric: true, cell: (a) => a.werkdagen },
          ]}
          rows={d.data.open}
          rowKey={(a) => a.aanvraag_id}
        />
      )}

      <Heading level={2}>Alle spoedaanvragen</Heading>
      {d.data && (
        <Table
          caption="Alle spoedaanvragen, oudste eerst"
          captionHidden
          empty="Er zijn nog geen spoedaanvragen."
          columns={[
            { key: 'id', header: 'Aanvraag', cell: (a: Aanvraag) => a.aanvraag_id },
            { key: 'status', header: 'Stand', cell: (a) => status(a.status) },
            { key: 'bedrag', header: 'Bedrag', numeric: true, cell: (a) => euro(a.bedrag_centen) },
            { key: 'wie', header: 'Budgethouder en zorgverlener', cell: (a) => `cliënt ${a.clientnummer}, ${a.zorgverlener_id}` },
            { key: 'oorzaak', header: 'Oorzaak', cell: (a) => a.oorzaak_omschrijving },
            { key: 'vier', header: 'Vastgelegd / beoordeeld', cell: (a) => `${a.aangevraagd_door} / ${a.beoordeeld_door ?? '—'}${a.afwijsreden ? `: ${a.afwijsreden}` : ''}` },
            { key: 'run', header: 'Spoedrun', cell: (a) => a.betaalrun_id ?? '—' },
          ]}
          rows={d.data.aanvragen}
          rowKey={(a) => a.aanvraag_id}
        />
      )}
    </>
  );
}
