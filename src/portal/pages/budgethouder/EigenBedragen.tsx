/**
 * Mijn PGB: the holder's own amounts (eigen bedragen) — the verantwoordingsvrij bedrag and other
 * amounts paid to the holder rather than a provider. The holder sees this year's maximum per law
 * (the funder's dated rule), requests an amount (the server checks it against the yearly maximum
 * and the budget) and follows each request until it is paid to their own IBAN.
 */
import { useState, type FormEvent } from 'react';
import { api, ApiFout, foutmelding } from '../../api.ts';
import { Alert, Button, Form, Fout, Heading, Laden, Paragraph, SelectField, StatusBadge, Table, TextField, useData } from '../../components/index.ts';
import { euro, moment, parseEuro } from '../../format.ts';
import type { Budgethouder } from '../gedeeld/types.ts';
import { alsEuroTekst, vandaag, wetNaam } from '../gedeeld/namen.ts';
import { useHouder, wie } from './houder.tsx';
import { EIGEN_BEDRAG_KEUZES, eigenBedragNaam } from '../../codelijsten.ts';


interface EigenBedrag {
  aanvraag_id: string;
  budgethouder_id: number;
  wet: string;
  soort: string;
  jaar: number;
  bedrag: string;
  omschrijving: string | null;
  status: 'goedgekeurd' | 'betaald';
  betaling_id: string | null;
  aangevraagd_op: string;
}

interface Regel {
  verstrekker: string | null;
  percentage: string | null;
  minimum: string;
  maximum: string;
}

/** GET /api/eigen-bedragen/ruimte: the rule that holds and what can still be requested, as the server decides a request. */
interface Ruimte {
  regel: Regel | null;
  besteed: string;
  jaarmaximum: string | null;
  aangevraagd: string;
  nog_aan_te_vragen: string;
  open_budget: boolean;
}

/** "12.50" (the API's euros) → cents. */
const centen = (e: string) => parseEuro(e) ?? 0;

/** The rule in words: "1,5% van wat besteed is, ten minste € 250,00 en ten hoogste € 1.250,00 per jaar". */
function regelTekst(r: Regel): string {
  const max = euro(centen(r.maximum));
  if (r.percentage === null) return `ten hoogste ${max} per jaar`;
  return `${r.percentage.replace(/\.?0+$/, '').replace('.', ',')}% van wat in het jaar uit het budget is besteed, ten minste ${euro(centen(r.minimum))} en ten hoogste ${max} per jaar`;
}

export function EigenBedragen() {
  const h = useHouder();
  const w = wie(h);
  const jaar = Number(vandaag().slice(0, 4));
  const d = useData(
    async (signal) => {
      const [houder, bedragen] = await Promise.all([
        api.get<Budgethouder>(`/api/budgethouders/${h.id}`, { signal }),
        api.get<EigenBedrag[]>(`/api/eigen-bedragen`, { signal }),
      ]);
      return { houder, bedragen: bedragen.filter((b) => b.budgethouder_id === h.id) };
    },
    [h.id],
  );
  const [wet, setWet] = useState('');
  const [soort, setSoort] = useState('verantwoordingsvrij');
  const [bedrag, setBedrag] = useState('');
  const [omschrijving, setOmschrijving] = useState('');
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [melding, setMelding] = useState<{ type: 'ok' | 'error'; tekst: string } | null>(null);
  const [bezig, setBezig] = useState(false);

  const wetten = d.data?.houder.per_wet.map((p) => p.wet) ?? [];
  const gekozenWet = wet || wetten[0] || '';
  // the rule and the room come from the server, computed as it decides a request (one place for the rule)
  const ruimte = useData(
    async (signal) => (gekozenWet ? api.get<Ruimte>(`/api/eigen-bedragen/ruimte?${new URLSearchParams({ budgethouder_id: String(h.id), wet: gekozenWet, soort, jaar: String(jaar) })}`, { signal }) : null),
    [h.id, gekozenWet, soort, jaar],
  );

  async function vraagAan(e: FormEvent) {
    e.preventDefault();
    const f: Record<string, string> = {};
    const wetGekozen = wet || d.data?.houder.per_wet[0]?.wet || '';
    if (!wetGekozen) f.wet = 'Kies het budget waaruit het bedrag komt.';
    const c = parseEuro(bedrag);
    if (c === null || c <= 0) f.bedrag = 'Vul een bedrag in euro’s in, bijvoorbeeld 250,00.';
    setFouten(f);
    setMelding(null);
    if (Object.keys(f).length > 0) {
      document.getElementById(f.wet ? 'eb-wet' : 'eb-bedrag')?.focus();
      return;
    }
    setBezig(true);
    try {
      const r = await api.post<EigenBedrag>('/api/eigen-bedragen', { budgethouder_id: h.id, wet: wetGekozen, soort, jaar, bedrag: alsEuroTekst(c!), ...(omschrijving.trim() ? { omschrijving: omschrijving.trim() } : {}) });
      setMelding({ type: 'ok', tekst: `Aangevraagd: ${euro(centen(r.bedrag))} (${eigenBedragNaam(r.soort)}). Het wordt in de volgende betaalrun overgemaakt naar het rekeningnummer van ${w.naam === 'u' ? 'u' : w.naam}.` });
      setBedrag('');
      setOmschrijving('');
      d.opnieuw();
      ruimte.opnieuw();
    } catch (err) {
      if (err instanceof ApiFout) {
        const v = err.veldfouten();
        setFouten(v);
        setMelding({ type: 'error', tekst: err.probleem.detail });
      } else setMelding({ type: 'error', tekst: foutmelding(err) });
    } finally {
      setBezig(false);
    }
  }

  const r = ruimte.data;
  return (
    <>
      <Heading level={1}>Eigen bedragen</Heading>
      <Paragraph lead>
        Sommige bedragen krijgt {h.vertegenwoordiger ? 'de budgethouder' : 'u'} zelf uit het budget, zonder declaratie van een zorgverlener: het verantwoordingsvrij bedrag, en waar de verstrekker dat toestaat reiskosten en
        administratiekosten. Het platform toetst elk bedrag aan het maximum van het jaar.
      </Paragraph>
      {d.laden && !d.data && <Laden wat="de eigen bedragen" />}
      {d.fout !== null && <Fout fout={d.fout} opnieuw={d.opnieuw} />}
      {d.data && wetten.length === 0 && <Paragraph>Er is (nog) geen budget toegekend; een eigen bedrag komt altijd uit een budget.</Paragraph>}
      {d.data && wetten.length > 0 && (
        <>
          <div aria-live="polite">{melding && <Alert type={melding.type}>{melding.tekst}</Alert>}</div>
          <Form onSubmit={vraagAan} noValidate>
            <Heading level={2}>Een eigen bedrag aanvragen voor {jaar}</Heading>
            <SelectField id="eb-wet" label="Uit welk budget" required value={gekozenWet} onChange={setWet} options={wetten.map((x) => ({ value: x, label: wetNaam(x) }))} error={fouten.wet} />
            <SelectField id="eb-soort" label="Soort" required value={soort} onChange={setSoort} options={EIGEN_BEDRAG_KEUZES} error={fouten.soort} />
            <div aria-live="polite">
              {ruimte.fout !== null && <Fout fout={ruimte.fout} opnieuw={ruimte.opnieuw} />}
              {r && (
                <Paragraph>
                  {r.regel === null
                    ? 'Voor dit budget en deze soort heeft de verstrekker geen regel vastgelegd; een aanvraag wordt dan afgewezen.'
                    : `Maximum: ${regelTekst(r.regel)}. Voor ${jaar} is dat ${euro(centen(r.jaarmaximum ?? '0'))} (besteed: ${euro(centen(r.besteed))}); al aangevraagd ${euro(centen(r.aangevraagd))}. U kunt nog ${euro(centen(r.nog_aan_te_vragen))} aanvragen.`}
                  {r.regel !== null && !r.open_budget && ` Er is voor ${jaar} geen open budget voor ${wetNaam(gekozenWet)}.`}
                </Paragraph>
              )}
            </div>
            <TextField id="eb-bedrag" label="Bedrag in euro" description="Bijvoorbeeld 250,00" inputMode="decimal" required value={bedrag} onChange={setBedrag} error={fouten.bedrag} />
            <TextField id="eb-omschrijving" label="Omschrijving" value={omschrijving} onChange={setOmschrijving} error={fouten.omschrijving} />
            <Button type="submit" appearance="primary-action" busy={bezig}>
              Aanvragen
            </Button>
          </Form>
          <Heading level={2}>Aangevraagd</Heading>
          <Table
            caption={`Aangevraagde eigen bedragen (${d.data.bedragen.length})`}
            captionHidden
            rowKey={(b) => b.aanvraag_id}
            rows={d.data.bedragen}
            empty="Er zijn nog geen eigen bedragen aangevraagd."
            columns={[
              { key: 'op', header: 'Aangevraagd', cell: (b) => moment(b.aangevraagd_op) },
              { key: 'soort', header: 'Soort', cell: (b) => `${eigenBedragNaam(b.soort)} ${b.jaar}` },
              { key: 'wet', header: 'Budget', cell: (b) => wetNaam(b.wet) },
              { key: 'bedrag', header: 'Bedrag', cell: (b) => euro(centen(b.bedrag)), numeric: true },
              { key: 'status', header: 'Status', cell: (b) => (b.status === 'betaald' ? <StatusBadge status="success">Betaald</StatusBadge> : <StatusBadge status="active">Wordt betaald in de volgende betaalrun</StatusBadge>) },
            ]}
          />
        </>
      )}
    </>
  );
}
