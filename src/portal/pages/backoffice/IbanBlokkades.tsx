/**
 * IBANs blocked after the bank returned a transfer, with the approved claims held for them. The
 * back office records the provider's new IBAN (with the reason, in the audit trail); that lifts
 * the block and the held claims go with the next payment run.
 */
import { useState } from 'react';
import { api, ApiFout, foutmelding } from '../../api.ts';
import { euro } from '../../format.ts';
import { Alert, Button, Fout, Form, Heading, Laden, Paragraph, TextField, useData } from '../../components/index.ts';

interface Blokkade {
  zorgverlener_id: string;
  naam: string;
  iban: string;
  reden: string;
  aangehouden: number;
  aangehouden_bedrag_centen: number;
}

function NieuwIban({ b, klaar }: { b: Blokkade; klaar: (t: string) => void }) {
  const [iban, setIban] = useState('');
  const [reden, setReden] = useState('');
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [bezig, setBezig] = useState(false);
  const id = b.zorgverlener_id.replace(/[^A-Za-z0-9_-]/g, '_');
  return (
    <Form
      aria-label={`Nieuw IBAN voor ${b.naam}`}
      onSubmit={async (e) => {
        e.preventDefault();
        const f: Record<string, string> = {};
        if (!iban.trim()) f.iban = 'Vul het nieuwe IBAN in.';
        if (reden.trim().length < 3) f.reden = 'Schrijf waarom het IBAN verandert, bijvoorbeeld: nieuw rekeningnummer per brief van de zorgverlener.';
        setFouten(f);
        if (Object.keys(f).length > 0) return;
        setBezig(true);
        try {
          await api.post(`/api/zorgverleners/${encodeURIComponent(b.zorgverlener_id)}/iban`, { iban: iban.replace(/\s/g, ''), reden: reden.trim() });
          klaar(`Het nieuwe IBAN van ${b.naam} is vastgelegd; de blokkade is opgeheven en ${b.aangehouden} declaratie(s) gaan mee in de volgende betaalrun.`);
        } catch (err) {
          setFouten(err instanceof ApiFout && Object.keys(err.veldfouten()).length > 0 ? err.veldfouten() : { iban: foutmelding(err) });
        } finally {
          setBezig(false);
        }
      }}
    >
      <div className="pgb-inline">
        <TextField id={`iban-${id}`} label="Nieuw IBAN" autoComplete="off" required value={iban} onChange={setIban} error={fouten.iban} />
        <TextField id={`reden-${id}`} label="Reden" required value={reden} onChange={setReden} error={fouten.reden} />
        <Button type="submit" appearance="primary-action" busy={bezig}>
          IBAN vastleggen
        </Button>
      </div>
    </Form>
  );
}

export function IbanBlokkadesPagina() {
  const [melding, setMelding] = useState<string | null>(null);
  const d = useData((signal) => api.get<{ items: Blokkade[] }>('/api/iban-blokkades', { signal }), []);
  return (
    <>
      <Heading level={1}>IBAN-blokkades</Heading>
      <Paragraph lead>Als de bank een overboeking terugstuurt, wordt het IBAN van de zorgverlener geblokkeerd en wachten haar goedgekeurde declaraties op een nieuw IBAN.</Paragraph>
      {melding && <Alert type="ok">{melding}</Alert>}
      {d.laden && <Laden wat="de blokkades" />}
      {d.fout != null && <Fout fout={d.fout} opnieuw={d.opnieuw} />}
      {d.data && d.data.items.length === 0 && <Paragraph>Er zijn geen geblokkeerde IBANs.</Paragraph>}
      {d.data?.items.map((b) => (
        <section key={b.zorgverlener_id} className="pgb-blok" aria-labelledby={`bl-${b.zorgverlener_id}`}>
          <Heading level={2} id={`bl-${b.zorgverlener_id}`}>
            {b.naam} ({b.zorgverlener_id})
          </Heading>
          <Paragraph>
            IBAN {b.iban.replace(/\*/g, '•')} geblokkeerd: {b.reden}. Aangehouden: {b.aangehouden} declaratie(s), {euro(b.aangehouden_bedrag_centen)}.
          </Paragraph>
          <NieuwIban
            b={b}
            klaar={(t) => {
              setMelding(t);
              d.opnieuw();
            }}
          />
        </section>
      ))}
    </>
  );
}
