/**
 * A claim as a form, for the holder (a claim from the holder's own portal) and for the provider
 * (a digital invoice that goes to the holder for approval). While one types, the server checks it
 * without storing it (POST /api/declaraties/controle) and the form says, next to each field, what
 * to fix, and above the button how the claim would end (paid, waiting, refused, and why). Sending
 * is POST /api/declaraties; a refusal or a problem from the server is shown the same way.
 */
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiFout, foutmelding } from '../../api.ts';
import { Alert, Button, ButtonGroup, Fieldset, Form, FormField, Heading, Paragraph, SelectField, Textbox, TextField } from '../../components/index.ts';
import { euro, euroInvoer, parseEuro, leesbaar } from '../../format.ts';
import { EENHEDEN, redenUitleg, wetNaam } from './labels.ts';
import type { ClaimControle, Declaratie, Zorgovereenkomst } from './types.ts';
import { useControle } from './useControle.ts';

interface Regel {
  sleutel: number;
  datum: string;
  eenheden: string;
  tarief: string;
  omschrijving: string;
}

export interface DeclaratieFormulierProps {
  wie: 'budgethouder' | 'zorgverlener';
  /** the approved agreements one may claim under */
  overeenkomsten: Zorgovereenkomst[];
  /** for the holder's portal: the holder claimed for */
  budgethouderId?: number;
  /** where to go after sending (gets the claim's id) */
  naVersturen: (id: string) => string;
}

let volgnummer = 0;
const nieuweRegel = (tarief = ''): Regel => ({ sleutel: ++volgnummer, datum: '', eenheden: '', tarief, omschrijving: '' });

export function DeclaratieFormulier({ wie, overeenkomsten, budgethouderId, naVersturen }: DeclaratieFormulierProps) {
  const navigate = useNavigate();
  const [zokId, setZokId] = useState(overeenkomsten.length === 1 ? overeenkomsten[0]!.zorgovereenkomst_id : '');
  const zok = overeenkomsten.find((z) => z.zorgovereenkomst_id === zokId);
  const [regels, setRegels] = useState<Regel[]>(() => [nieuweRegel(zok ? euroInvoer(zok.tarief) : '')]);
  const [aangeraakt, setAangeraakt] = useState<Set<string>>(new Set());
  const [verstuurd, setVerstuurd] = useState(false);
  const [bezig, setBezig] = useState(false);
  const [serverFouten, setServerFouten] = useState<Record<string, string>>({});
  const [algemeen, setAlgemeen] = useState<string | null>(null);
  const sleutel = useRef(crypto.randomUUID());
  const samenvatting = useRef<HTMLDivElement>(null);

  const body = useMemo(() => {
    if (!zok) return null;
    const r = regels.map((l) => ({ datum: l.datum, eenheden: l.eenheden.replace(',', '.'), tarief: tariefVoorApi(l.tarief), ...(l.omschrijving.trim() ? { omschrijving: l.omschrijving.trim() } : {}) }));
    return wie === 'budgethouder'
      ? { budgethouder_id: budgethouderId, zorgverlener_id: zok.zorgverlener_id, zorgovereenkomst_id: zok.zorgovereenkomst_id, regels: r }
      : { zorgovereenkomst_id: zok.zorgovereenkomst_id, regels: r };
  }, [zok, regels, wie, budgethouderId]);

  const ingevuld = regels.some((l) => l.datum || l.eenheden);
  const { uitkomst } = useControle<typeof body, ClaimControle>('/api/declaraties/controle', ingevuld ? body : null);

  // the problems to show: of the check while typing (for fields touched, or all after a first send), or of the server on sending
  const fouten: Record<string, string> = { ...serverFouten };
  for (const p of uitkomst?.problems ?? []) {
    if (verstuurd || aangeraakt.has(p.path)) fouten[p.path] ??= p.message;
  }
  if (verstuurd && !zok) fouten.zorgovereenkomst_id = 'Kies de zorgovereenkomst waaronder u declareert.';

  function wijzig(i: number, veld: keyof Omit<Regel, 'sleutel'>, waarde: string) {
    setRegels((rs) => rs.map((r, j) => (j === i ? { ...r, [veld]: waarde } : r)));
    setAangeraakt((a) => new Set(a).add(`regels.${i}.${veld}`));
    setServerFouten({});
  }

  async function verstuur(e: FormEvent) {
    e.preventDefault();
    setVerstuurd(true);
    setAlgemeen(null);
    if (!body || !zok) {
      queueMicrotask(() => document.getElementById('zorgovereenkomst')?.focus());
      return;
    }
    setBezig(true);
    try {
      const check = await api.post<ClaimControle>('/api/declaraties/controle', body);
      if (check.uitkomst === 'onvolledig' || check.uitkomst === 'afgekeurd') {
        setBezig(false);
        if (check.uitkomst === 'afgekeurd') setAlgemeen(`Deze declaratie zou worden afgekeurd: ${check.melding ?? redenUitleg(check.reden)}`);
        else setAlgemeen(`Herstel ${check.problems.length === 1 ? 'het veld' : `de ${check.problems.length} velden`} hieronder; er is nog niets verstuurd.`);
        const eerste = check.problems[0]?.path;
        queueMicrotask(() => (eerste ? document.getElementById(veldId(eerste)) : samenvatting.current)?.focus());
        return;
      }
      const r = await api.post<Declaratie>('/api/declaraties', body, { sleutel: sleutel.current });
      sleutel.current = crypto.randomUUID();
      navigate(naVersturen(r.declaratie_id), { state: { verstuurd: r.declaratie_id } });
    } catch (err) {
      setBezig(false);
      if (err instanceof ApiFout) {
        const v = err.veldfouten();
        setServerFouten(v);
        const rest = err.algemeen(Object.keys(v));
        setAlgemeen(`${err.probleem.detail}${rest.length ? ` ${rest.join(' ')}` : ''}`);
      } else setAlgemeen(foutmelding(err));
      queueMicrotask(() => samenvatting.current?.focus());
    }
  }

  return (
    <Form onSubmit={verstuur}>
      <div ref={samenvatting} tabIndex={-1}>
        {algemeen && (
          <Alert type="error" titel="De declaratie is niet verstuurd">
            <Paragraph>{algemeen}</Paragraph>
          </Alert>
        )}
      </div>
      {overeenkomsten.length === 0 ? (
        <Alert type="warning" titel="Geen geaccordeerde zorgovereenkomst">
          <Paragraph>U kunt pas declareren onder een zorgovereenkomst die de verstrekker heeft geaccordeerd.</Paragraph>
        </Alert>
      ) : (
        <SelectField
          id="zorgovereenkomst"
          label="Zorgovereenkomst"
          description={wie === 'budgethouder' ? 'De zorgverlener en het tarief volgen uit de zorgovereenkomst.' : 'De budgethouder en het tarief volgen uit de zorgovereenkomst.'}
          required
          value={zokId}
          error={fouten.zorgovereenkomst_id ?? fouten.zorgverlener_id}
          onChange={(v) => {
            setZokId(v);
            const z = overeenkomsten.find((x) => x.zorgovereenkomst_id === v);
            if (z) setRegels((rs) => rs.map((r) => (r.tarief ? r : { ...r, tarief: euroInvoer(z.tarief) })));
          }}
          placeholder="Kies een zorgovereenkomst"
          options={overeenkomsten.map((z) => ({
            value: z.zorgovereenkomst_id,
            label: `${z.zorgovereenkomst_id}: ${wie === 'budgethouder' ? z.zorgverlener : z.budgethouder}, ${wetNaam(z.wet)}, ${euro(z.tarief)} ${EENHEDEN.find((e) => e.value === z.eenheid)?.label ?? z.eenheid}`,
          }))}
        />
      )}
      {regels.map((r, i) => (
        <Fieldset key={r.sleutel} legend={`Regel ${i + 1}`} className="pgb-regel">
          <div className="pgb-rij">
            <TextField id={veldId(`regels.${i}.datum`)} label="Datum van de zorg" type="date" required value={r.datum} onChange={(v) => wijzig(i, 'datum', v)} error={fouten[`regels.${i}.datum`]} />
            <TextField
              id={veldId(`regels.${i}.eenheden`)}
              label={`Aantal ${zok ? (EENHEDEN.find((e) => e.value === zok.eenheid)?.label.replace('per ', '') ?? 'eenheden') : 'eenheden'}`}
              description="In stappen van 0,25 (een kwartier)"
              inputMode="decimal"
              required
              value={r.eenheden}
              onChange={(v) => wijzig(i, 'eenheden', v)}
              error={fouten[`regels.${i}.eenheden`]}
              size={6}
            />
            <TextField
              id={veldId(`regels.${i}.tarief`)}
              label="Tarief in euro"
              description={zok ? `Afgesproken: ${euro(zok.tarief)}` : undefined}
              inputMode="decimal"
              required
              value={r.tarief}
              onChange={(v) => wijzig(i, 'tarief', v)}
              error={fouten[`regels.${i}.tarief`]}
              size={8}
            />
          </div>
          <FormField id={veldId(`regels.${i}.omschrijving`)} label="Omschrijving" error={fouten[`regels.${i}.omschrijving`]}>
            {(aria) => <Textbox {...aria} value={r.omschrijving} onChange={(e) => wijzig(i, 'omschrijving', e.target.value)} />}
          </FormField>
          {regels.length > 1 && (
            <Button appearance="subtle" onClick={() => setRegels((rs) => rs.filter((_, j) => j !== i))}>
              Regel {i + 1} verwijderen
            </Button>
          )}
        </Fieldset>
      ))}
      <Paragraph>
        <Button onClick={() => setRegels((rs) => [...rs, nieuweRegel(zok ? euroInvoer(zok.tarief) : '')])}>Regel toevoegen</Button>
      </Paragraph>
      <div aria-live="polite" className="pgb-controle">
        {uitkomst && uitkomst.uitkomst !== 'onvolledig' && <Uitkomst c={uitkomst} wie={wie} />}
        {uitkomst?.uitkomst === 'onvolledig' && (
          <Paragraph small>
            Nog {uitkomst.problems.length === 1 ? '1 veld' : `${uitkomst.problems.length} velden`} te herstellen of in te vullen.
          </Paragraph>
        )}
      </div>
      <Heading level={2}>Versturen</Heading>
      {uitkomst?.bedrag_centen != null && <Paragraph>Totaal: {euro(uitkomst.bedrag_centen)}</Paragraph>}
      <ButtonGroup>
        <Button type="submit" appearance="primary-action" busy={bezig}>
          {wie === 'zorgverlener' ? 'Declaratie versturen naar de budgethouder' : 'Declaratie versturen'}
        </Button>
      </ButtonGroup>
    </Form>
  );
}

function Uitkomst({ c, wie }: { c: ClaimControle; wie: 'budgethouder' | 'zorgverlener' }) {
  if (c.uitkomst === 'goedgekeurd') {
    return (
      <Alert type="ok" titel="De controle vindt niets">
        <Paragraph>
          {wie === 'zorgverlener'
            ? `Na goedkeuring door de budgethouder wordt ${euro(c.bedrag_centen ?? 0)} betaald, binnen 10 werkdagen.`
            : `Deze declaratie van ${euro(c.bedrag_centen ?? 0)} wordt goedgekeurd en binnen 10 werkdagen betaald.`}
        </Paragraph>
      </Alert>
    );
  }
  return (
    <Alert type={c.uitkomst === 'afgekeurd' ? 'error' : 'warning'} titel={c.uitkomst === 'afgekeurd' ? `Zo wordt de declaratie afgekeurd: ${redenUitleg(c.reden)}` : `De declaratie zou moeten wachten: ${redenUitleg(c.reden)}`}>
      <Paragraph>{leesbaar(c.melding)}</Paragraph>
    </Alert>
  );
}

/** The element id of a field by its name in the API (`regels.0.datum` → `regels-0-datum`). */
export function veldId(pad: string): string {
  return pad.replace(/\./g, '-');
}

/** What a person typed as a rate → the API's "28.50"; left as typed when it is not an amount, so the server names it. */
function tariefVoorApi(t: string): string {
  const c = parseEuro(t);
  return c === null ? t.trim() : `${Math.trunc(c / 100)}.${String(c % 100).padStart(2, '0')}`;
}
