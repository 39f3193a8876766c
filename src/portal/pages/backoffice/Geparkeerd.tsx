/**
 * Parked claims waiting for a person: per claim why it waits (reason and message), and the back
 * office's decision: reject it (final, with the reason the holder reads) or check it again now
 * (after a correction arrived by another way). Every decision is in the claim's trace.
 */
import { useState } from 'react';
import { api, foutmelding, query } from '../../api.ts';
import { euro, moment, leesbaar } from '../../format.ts';
import { Alert, Button, Fieldset, Fout, Form, Heading, Laden, Link, Paragraph, SelectField, Textarea, FormField, useData } from '../../components/index.ts';
import { REDEN_NAAM, redenNaam, statusNaam } from '../gedeeld/namen.ts';

interface Declaratie {
  declaratie_id: string;
  status: string;
  reden: string | null;
  melding: string | null;
  bedrag_centen: number;
  kanaal: string;
  ontvangen_op: string;
  uiterste_betaaldatum: string | null;
  budgethouder_naam: string;
  clientnummer: number;
  zorgverlener_naam: string;
  zorgverlener_id: string;
}

function Besluit({ c, klaar }: { c: Declaratie; klaar: (tekst: string) => void }) {
  const [besluit, setBesluit] = useState<'' | 'afkeuren' | 'opnieuw_controleren'>('');
  const [reden, setReden] = useState('');
  const [fouten, setFouten] = useState<{ besluit?: string; reden?: string; algemeen?: string }>({});
  const [bezig, setBezig] = useState(false);
  const id = c.declaratie_id.replace(/[^A-Za-z0-9_-]/g, '_');
  return (
    <Form
      aria-label={`Besluit over declaratie ${c.declaratie_id}`}
      onSubmit={async (e) => {
        e.preventDefault();
        const f: typeof fouten = {};
        if (!besluit) f.besluit = 'Kies een besluit.';
        if (!reden.trim()) f.reden = besluit === 'afkeuren' ? 'Schrijf waarom de declaratie wordt afgekeurd; de budgethouder leest dit.' : 'Schrijf waarom u de declaratie opnieuw laat controleren.';
        setFouten(f);
        if (Object.keys(f).length > 0) return;
        setBezig(true);
        try {
          const r = await api.post<{ status: string; reden: string | null }>(`/api/declaraties/${encodeURIComponent(c.declaratie_id)}/besluit`, { besluit, reden: reden.trim() });
          klaar(`Declaratie ${c.declaratie_id}: ${statusNaam(r.status)}${r.reden ? ` (${redenNaam(r.reden)})` : ''}.`);
        } catch (err) {
          setFouten({ algemeen: foutmelding(err) });
        } finally {
          setBezig(false);
        }
      }}
    >
      {fouten.algemeen && <Alert type="error">{fouten.algemeen}</Alert>}
      <Fieldset legend="Besluit">
        <SelectField
          id={`besluit-${id}`}
          label="Wat gebeurt er met deze declaratie?"
          required
          value={besluit}
          onChange={(v) => setBesluit(v as typeof besluit)}
          placeholder="Kies…"
          options={[
            { value: 'opnieuw_controleren', label: 'Opnieuw controleren' },
            { value: 'afkeuren', label: 'Afkeuren (definitief)' },
          ]}
          error={fouten.besluit}
        />
        <FormField id={`reden-${id}`} label="Reden" required error={fouten.reden} description="Staat in het spoor van de declaratie; bij afkeuren leest de budgethouder haar.">
          {(aria) => <Textarea {...aria} rows={3} value={reden} onChange={(e) => setReden(e.target.value)} invalid={!!fouten.reden} />}
        </FormField>
      </Fieldset>
      <Button type="submit" appearance="primary-action" busy={bezig}>
        Besluit vastleggen
      </Button>
    </Form>
  );
}

export function GeparkeerdPagina() {
  const [reden, setReden] = useState('');
  const [meldingen, setMeldingen] = useState<string[]>([]);
  const d = useData((signal) => api.get<{ items: Declaratie[]; totaal: number }>(`/api/declaraties${query({ status: 'geparkeerd', reden, limit: 100 })}`, { signal }), [reden]);
  return (
    <>
      <Heading level={1}>Geparkeerde declaraties</Heading>
      <Paragraph lead>Declaraties die wachten: op een accordering, een toekenning, een storting of een mens. Ze worden vanzelf opnieuw gecontroleerd als er iets verandert; hier beslist u zelf.</Paragraph>
      {meldingen.length > 0 && (
        <Alert type="ok" titel="Vastgelegd">
          {meldingen.map((m) => (
            <Paragraph key={m}>{m}</Paragraph>
          ))}
        </Alert>
      )}
      <SelectField id="filter-reden" label="Reden" value={reden} onChange={setReden} placeholder="Alle redenen" options={Object.entries(REDEN_NAAM).map(([value, label]) => ({ value, label }))} />
      {d.laden && <Laden wat="de geparkeerde declaraties" />}
      {d.fout != null && <Fout fout={d.fout} opnieuw={d.opnieuw} />}
      {d.data && <Paragraph>{d.data.totaal.toLocaleString('nl-NL')} geparkeerd{d.data.totaal > d.data.items.length ? `; de nieuwste ${d.data.items.length} staan hieronder` : ''}.</Paragraph>}
      {d.data?.items.map((c) => (
        <section key={c.declaratie_id} className="pgb-blok" aria-labelledby={`gp-${c.declaratie_id}`}>
          <Heading level={2} id={`gp-${c.declaratie_id}`}>
            <Link to={`/backoffice/declaraties/${encodeURIComponent(c.declaratie_id)}`}>{c.declaratie_id}</Link>: {redenNaam(c.reden)}
          </Heading>
          <Paragraph>
            {euro(c.bedrag_centen)} · {c.budgethouder_naam} (cliënt {c.clientnummer}) · {c.zorgverlener_naam} · ontvangen {moment(c.ontvangen_op)}
          </Paragraph>
          {c.melding && <Paragraph>{leesbaar(c.melding)}</Paragraph>}
          <Besluit
            c={c}
            klaar={(t) => {
              setMeldingen((m) => [t, ...m]);
              d.opnieuw();
            }}
          />
        </section>
      ))}
    </>
  );
}
