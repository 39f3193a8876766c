/**
 * Mijn PGB: a new agreement from the model forms (overeenkomst van opdracht, arbeidsovereenkomst,
 * overeenkomst met een familielid, zorginstelling). While the holder types, the server checks the
 * draft without storing it (POST /api/zorgovereenkomsten/controle): required fields and formats,
 * the provider, the minimum wage (blocks), and the maximum tariff (warns: the difference is paid
 * from own deposits). Saving makes a draft (POST /api/zorgovereenkomsten), which the holder then
 * shares with the provider.
 */
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { api, ApiFout, foutmelding, query } from '../../api.ts';
import { Alert, Button, Fieldset, Form, Heading, Link, Paragraph, SelectField, TextField, useData } from '../../components/index.ts';
import { euro } from '../../format.ts';
import { EENHEDEN, WET_NAMEN, ZOK_SOORTEN } from '../gedeeld/labels.ts';
import type { Budgethouder, Lijst, Wet, ZokControle, Zorgovereenkomst } from '../gedeeld/types.ts';
import { useControle } from '../gedeeld/useControle.ts';
import { useHouder } from './houder.tsx';
import { useNaarDetail } from './Zorgovereenkomsten.tsx';

interface Concept {
  soort: string;
  zorgverlener_id: string;
  wet: string;
  ingangsdatum: string;
  einddatum: string;
  eenheid: string;
  tarief: string;
  maandbedrag: string;
}

const LEEG: Concept = { soort: '', zorgverlener_id: '', wet: '', ingangsdatum: '', einddatum: '', eenheid: 'uur', tarief: '', maandbedrag: '' };

/** "28,50" or "28.50" → "28.50" for the API; anything else as typed, so that the server names it. */
function bedragVoorApi(t: string): string {
  const s = t.trim().replace(/^€\s*/, '');
  return /^\d+(,\d{1,2})?$/.test(s) ? s.replace(',', '.') : s;
}

export function ZorgovereenkomstNieuw() {
  const h = useHouder();
  const naarDetail = useNaarDetail();
  const [c, setC] = useState<Concept>(LEEG);
  const [aangeraakt, setAangeraakt] = useState<Set<string>>(new Set());
  const [verstuurd, setVerstuurd] = useState(false);
  const [bezig, setBezig] = useState(false);
  const [serverFouten, setServerFouten] = useState<Record<string, string>>({});
  const [algemeen, setAlgemeen] = useState<string | null>(null);
  const samenvatting = useRef<HTMLDivElement>(null);
  const houder = useData((signal) => api.get<Budgethouder>(`/api/budgethouders/${h.id}`, { signal }), [h.id]);
  const bekend = useData((signal) => api.get<Lijst<Zorgovereenkomst>>(`/api/zorgovereenkomsten${query({})}`, { signal }), [h.id]);
  const wetten = [...new Set((houder.data?.budgetten ?? []).map((b) => b.wet))];

  const body = useMemo(
    () => ({
      budgethouder_id: h.id,
      zorgverlener_id: c.zorgverlener_id.trim(),
      wet: c.wet,
      soort: c.soort,
      ingangsdatum: c.ingangsdatum,
      ...(c.einddatum ? { einddatum: c.einddatum } : {}),
      eenheid: c.eenheid,
      tarief: bedragVoorApi(c.tarief),
      ...(c.eenheid === 'maand' && c.maandbedrag ? { maandbedrag: bedragVoorApi(c.maandbedrag) } : {}),
    }),
    [c, h.id],
  );
  const begonnen = aangeraakt.size > 0;
  const { uitkomst } = useControle<typeof body, ZokControle>('/api/zorgovereenkomsten/controle', begonnen ? body : null);

  const fouten: Record<string, string> = { ...serverFouten };
  for (const p of uitkomst?.problems ?? []) if (verstuurd || aangeraakt.has(p.path)) fouten[p.path] ??= p.message;
  if ((verstuurd || aangeraakt.has('soort')) && !c.soort) fouten.soort = 'Kies het soort overeenkomst.';
  const waarschuwing = (veld: string) => uitkomst?.waarschuwingen.find((w) => w.path === veld)?.message;

  function zet<K extends keyof Concept>(k: K, v: Concept[K]) {
    setC((x) => ({ ...x, [k]: v }));
    setAangeraakt((a) => new Set(a).add(k));
    setServerFouten({});
  }

  async function bewaar(e: FormEvent) {
    e.preventDefault();
    setVerstuurd(true);
    setAlgemeen(null);
    setBezig(true);
    try {
      const check = await api.post<ZokControle>('/api/zorgovereenkomsten/controle', body);
      if (check.problems.length > 0 || !c.soort) {
        setBezig(false);
        setAlgemeen('Herstel de velden die hieronder zijn gemarkeerd; er is nog niets opgeslagen.');
        const eerste = !c.soort ? 'soort-opdracht' : check.problems[0]!.path;
        queueMicrotask(() => document.getElementById(eerste)?.focus());
        return;
      }
      const r = await api.post<{ zorgovereenkomst_id: string }>('/api/zorgovereenkomsten', body);
      naarDetail(r.zorgovereenkomst_id, 'Het concept is opgeslagen. Controleer het en deel het met de zorgverlener.');
    } catch (err) {
      setBezig(false);
      if (err instanceof ApiFout) {
        setServerFouten(err.veldfouten());
        setAlgemeen(err.probleem.detail);
      } else setAlgemeen(foutmelding(err));
      queueMicrotask(() => samenvatting.current?.focus());
    }
  }

  const bekendeZorgverleners = [...new Map((bekend.data?.items ?? []).map((z) => [z.zorgverlener_id, z.zorgverlener])).entries()];

  return (
    <>
      <Paragraph>
        <Link to="/mijn-pgb/zorgovereenkomsten">← Zorgovereenkomsten</Link>
      </Paragraph>
      <Heading level={1}>Nieuwe zorgovereenkomst</Heading>
      <Paragraph>Kies een modelovereenkomst en vul de afspraken in. Wij controleren terwijl u typt. U slaat eerst een concept op; dat deelt u daarna met de zorgverlener.</Paragraph>
      <Form onSubmit={bewaar}>
        <div ref={samenvatting} tabIndex={-1}>
          {algemeen && (
            <Alert type="error" titel="Het concept is niet opgeslagen">
              <span className="utrecht-paragraph">{algemeen}</span>
            </Alert>
          )}
        </div>
        <Fieldset legend="Modelovereenkomst" className={fouten.soort ? 'utrecht-form-fieldset--invalid' : undefined}>
          {fouten.soort && (
            <p className="utrecht-form-field-error-message" id="soort-fout">
              {fouten.soort}
            </p>
          )}
          {ZOK_SOORTEN.map((s) => (
            <div key={s.value} className="utrecht-form-field utrecht-form-field--radio pgb-vinkveld">
              <input
                type="radio"
                className="utrecht-radio-button utrecht-radio-button--html-input"
                id={`soort-${s.value}`}
                name="soort"
                value={s.value}
                checked={c.soort === s.value}
                onChange={() => zet('soort', s.value)}
                aria-describedby={`soort-${s.value}-uitleg${fouten.soort ? ' soort-fout' : ''}`}
              />
              <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={`soort-${s.value}`}>
                {s.label}
              </label>
              <span className="utrecht-form-field-description pgb-vinkveld__uitleg" id={`soort-${s.value}-uitleg`}>
                {s.uitleg}
              </span>
            </div>
          ))}
        </Fieldset>
        <TextField
          id="zorgverlener_id"
          label="Code van de zorgverlener"
          description={
            bekendeZorgverleners.length > 0
              ? `De code die de zorgverlener u gaf. Bekend bij u: ${bekendeZorgverleners.map(([id, naam]) => `${naam} (${id})`).join(', ')}.`
              : 'De code die de zorgverlener u gaf, bijvoorbeeld ZV-ZZP-1.'
          }
          required
          value={c.zorgverlener_id}
          onChange={(v) => zet('zorgverlener_id', v)}
          error={fouten.zorgverlener_id}
        />
        <SelectField
          id="wet"
          label="Voor welk budget"
          description="De wet waaruit de zorg wordt betaald."
          required
          value={c.wet}
          onChange={(v) => zet('wet', v)}
          placeholder="Kies"
          error={fouten.wet}
          options={(Object.keys(WET_NAMEN) as Wet[]).map((w) => ({ value: w, label: `${WET_NAMEN[w]}${wetten.includes(w) ? '' : ' (geen budget)'}` }))}
        />
        {waarschuwing('wet') && <Alert type="warning">{waarschuwing('wet')}</Alert>}
        <div className="pgb-rij">
          <TextField id="ingangsdatum" label="Ingangsdatum" type="date" required value={c.ingangsdatum} onChange={(v) => zet('ingangsdatum', v)} error={fouten.ingangsdatum} />
          <TextField id="einddatum" label="Einddatum" description="Leeg: onbepaalde tijd" type="date" value={c.einddatum} onChange={(v) => zet('einddatum', v)} error={fouten.einddatum} />
        </div>
        <div className="pgb-rij">
          <SelectField id="eenheid" label="Eenheid" required value={c.eenheid} onChange={(v) => zet('eenheid', v)} error={fouten.eenheid} options={EENHEDEN} />
          <TextField
            id="tarief"
            label="Tarief in euro"
            description={uitkomst?.maximumtarief ? `Het ${uitkomst.maximumtarief.omschrijving} is ${euro(uitkomst.maximumtarief.bedrag_centen)}.` : 'Bijvoorbeeld 28,50'}
            inputMode="decimal"
            required
            value={c.tarief}
            onChange={(v) => zet('tarief', v)}
            error={fouten.tarief}
            warning={waarschuwing('tarief')}
            size={10}
          />
          {c.eenheid === 'maand' && (
            <TextField id="maandbedrag" label="Maandbedrag in euro" inputMode="decimal" required value={c.maandbedrag} onChange={(v) => zet('maandbedrag', v)} error={fouten.maandbedrag} size={10} />
          )}
        </div>
        <Button type="submit" appearance="primary-action" busy={bezig}>
          Concept opslaan
        </Button>
      </Form>
    </>
  );
}
