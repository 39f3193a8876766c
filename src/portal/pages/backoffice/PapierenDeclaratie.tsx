/**
 * A claim that came by post or e-mail, typed in by the back office on behalf of the holder: the
 * holder by BSN, the provider (and agreement, if the paper names it), the channel and the day it
 * arrived (the payment term counts from then), and its lines. The same checks run as on any claim;
 * the answer says at once whether it was approved, parked (and why) or rejected.
 */
import { useRef, useState } from 'react';
import { api, ApiFout, foutmelding } from '../../api.ts';
import { euro, parseEuro } from '../../format.ts';
import { Alert, Button, ButtonGroup, Fieldset, Form, Heading, Link, Paragraph, SelectField, TextField } from '../../components/index.ts';
import { alsEuroTekst, redenNaam, statusNaam, vandaag } from '../gedeeld/namen.ts';

interface Regel {
  datum: string;
  eenheden: string;
  tarief: string;
  omschrijving: string;
}

interface Antwoord {
  declaratie_id: string;
  status: string;
  reden: string | null;
  melding: string | null;
  bedrag_centen: number;
  uiterste_betaaldatum: string | null;
  nieuw: boolean;
}

const leeg = (): Regel => ({ datum: '', eenheden: '', tarief: '', omschrijving: '' });

/** Checks before sending; the server checks again and its field errors are shown the same way. */
function controleer(v: { bsn: string; zorgverlener: string; ontvangen: string; regels: Regel[] }): Record<string, string> {
  const f: Record<string, string> = {};
  if (!/^\d{9}$/.test(v.bsn.trim())) f.bsn = 'Vul het BSN in: negen cijfers.';
  if (!v.zorgverlener.trim()) f.zorgverlener_id = 'Vul de zorgverlener in (het zorgverlenernummer).';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v.ontvangen)) f.ontvangen_op = 'Vul de datum van ontvangst in.';
  else if (v.ontvangen > vandaag()) f.ontvangen_op = 'De datum van ontvangst ligt in de toekomst.';
  v.regels.forEach((r, i) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(r.datum)) f[`regels.${i}.datum`] = 'Vul de datum van de zorg in.';
    if (!/^\d+([.,]\d{1,2})?$/.test(r.eenheden.trim())) f[`regels.${i}.eenheden`] = 'Vul het aantal eenheden in, bijvoorbeeld 2 of 1,5.';
    if (parseEuro(r.tarief) === null) f[`regels.${i}.tarief`] = 'Vul het tarief in euro’s in, bijvoorbeeld 25,00.';
  });
  return f;
}

export function PapierenDeclaratie() {
  const [declaratieId, setDeclaratieId] = useState('');
  const [bsn, setBsn] = useState('');
  const [zorgverlener, setZorgverlener] = useState('');
  const [zok, setZok] = useState('');
  const [kanaal, setKanaal] = useState('post');
  const [ontvangen, setOntvangen] = useState(vandaag);
  const [regels, setRegels] = useState<Regel[]>([leeg()]);
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [algemeen, setAlgemeen] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  const [uitkomst, setUitkomst] = useState<Antwoord | null>(null);
  const sleutel = useRef(crypto.randomUUID());
  const samenvatting = useRef<HTMLDivElement>(null);

  const zetRegel = (i: number, k: keyof Regel, v: string) => setRegels((rs) => rs.map((r, j) => (j === i ? { ...r, [k]: v } : r)));
  const totaal = regels.reduce((s, r) => {
    const t = parseEuro(r.tarief);
    const n = Number(r.eenheden.replace(',', '.'));
    return t === null || !Number.isFinite(n) ? s : s + Math.round(t * n);
  }, 0);

  const verstuur = async () => {
    const f = controleer({ bsn, zorgverlener, ontvangen, regels });
    setFouten(f);
    setAlgemeen(null);
    if (Object.keys(f).length > 0) {
      setAlgemeen('Herstel de gemarkeerde velden.');
      samenvatting.current?.focus();
      return;
    }
    setBezig(true);
    try {
      const body = {
        ...(declaratieId.trim() ? { declaratie_id: declaratieId.trim() } : {}),
        bsn: bsn.trim(),
        zorgverlener_id: zorgverlener.trim(),
        ...(zok.trim() ? { zorgovereenkomst_id: zok.trim() } : {}),
        kanaal,
        // received on an earlier day: noon of that day (the payment term counts from the day of
        // receipt); received today: the server takes the moment it is recorded
        ...(ontvangen === vandaag() ? {} : { ontvangen_op: `${ontvangen}T12:00:00+01:00` }),
        regels: regels.map((r) => ({ datum: r.datum, eenheden: r.eenheden.trim().replace(',', '.'), tarief: alsEuroTekst(parseEuro(r.tarief)!), ...(r.omschrijving.trim() ? { omschrijving: r.omschrijving.trim() } : {}) })),
      };
      const r = await api.post<Antwoord>('/api/declaraties', body, { sleutel: sleutel.current });
      setUitkomst(r);
      sleutel.current = crypto.randomUUID();
    } catch (e) {
      if (e instanceof ApiFout) {
        setFouten(e.veldfouten());
        setAlgemeen(e.probleem.detail);
      } else setAlgemeen(foutmelding(e));
      samenvatting.current?.focus();
    } finally {
      setBezig(false);
    }
  };

  if (uitkomst)
    return (
      <>
        <Heading level={1}>Papieren declaratie vastgelegd</Heading>
        <Alert type={uitkomst.status === 'afgekeurd' ? 'error' : uitkomst.status === 'geparkeerd' ? 'warning' : 'ok'} titel={`Declaratie ${uitkomst.declaratie_id}: ${statusNaam(uitkomst.status)}`}>
          <Paragraph>
            Bedrag {euro(uitkomst.bedrag_centen)}.{uitkomst.reden ? ` Reden: ${redenNaam(uitkomst.reden)}.` : ''} {uitkomst.melding ?? ''}
          </Paragraph>
          {!uitkomst.nieuw && <Paragraph>Deze declaratie was al eerder vastgelegd; er is niets dubbel geboekt.</Paragraph>}
        </Alert>
        <ButtonGroup>
          <Link to={`/backoffice/declaraties/${encodeURIComponent(uitkomst.declaratie_id)}`}>Bekijk het spoor</Link>
          <Button
            onClick={() => {
              setUitkomst(null);
              setDeclaratieId('');
              setRegels([leeg()]);
            }}
          >
            Nog een declaratie invoeren
          </Button>
        </ButtonGroup>
      </>
    );

  const fout = (k: string) => fouten[k] ?? null;
  return (
    <>
      <Heading level={1}>Papieren declaratie invoeren</Heading>
      <Paragraph lead>Voor een declaratie die per post of e-mail binnenkwam, namens de budgethouder. Dezelfde controles als in het portaal; de betaaltermijn loopt vanaf de dag van ontvangst.</Paragraph>
      <div ref={samenvatting} tabIndex={-1}>
        {algemeen && (
          <Alert type="error" titel="De declaratie is niet vastgelegd">
            <Paragraph>{algemeen}</Paragraph>
          </Alert>
        )}
      </div>
      <Form
        aria-label="Papieren declaratie"
        onSubmit={(e) => {
          e.preventDefault();
          void verstuur();
        }}
      >
        <Fieldset legend="Herkomst">
          <SelectField id="kanaal" label="Kanaal" required value={kanaal} onChange={setKanaal} options={[{ value: 'post', label: 'Post (papier)' }, { value: 'email', label: 'E-mail' }]} error={fout('kanaal')} />
          <TextField id="ontvangen_op" label="Ontvangen op" type="date" required value={ontvangen} onChange={setOntvangen} error={fout('ontvangen_op')} />
          <TextField id="declaratie_id" label="Declaratienummer" description="Het nummer op het formulier. Leeg laten: het platform geeft een nummer." value={declaratieId} onChange={setDeclaratieId} error={fout('declaratie_id')} />
        </Fieldset>
        <Fieldset legend="Wie">
          <TextField id="bsn" label="BSN van de budgethouder" inputMode="numeric" autoComplete="off" required value={bsn} onChange={setBsn} error={fout('bsn')} />
          <TextField id="zorgverlener_id" label="Zorgverlenernummer" required value={zorgverlener} onChange={setZorgverlener} error={fout('zorgverlener_id')} />
          <TextField id="zorgovereenkomst_id" label="Zorgovereenkomst" description="Alleen als het formulier haar noemt; anders zoekt het platform de geaccordeerde zorgovereenkomst." value={zok} onChange={setZok} error={fout('zorgovereenkomst_id')} />
        </Fieldset>
        {regels.map((r, i) => (
          <Fieldset key={i} legend={`Regel ${i + 1}`}>
            <div className="pgb-regel-rij">
              <TextField id={`regels.${i}.datum`} label="Datum van de zorg" type="date" required value={r.datum} onChange={(v) => zetRegel(i, 'datum', v)} error={fout(`regels.${i}.datum`)} />
              <TextField id={`regels.${i}.eenheden`} label="Eenheden" inputMode="decimal" required value={r.eenheden} onChange={(v) => zetRegel(i, 'eenheden', v)} error={fout(`regels.${i}.eenheden`)} />
              <TextField id={`regels.${i}.tarief`} label="Tarief (€)" inputMode="decimal" required value={r.tarief} onChange={(v) => zetRegel(i, 'tarief', v)} error={fout(`regels.${i}.tarief`)} />
              <TextField id={`regels.${i}.omschrijving`} label="Omschrijving" value={r.omschrijving} onChange={(v) => zetRegel(i, 'omschrijving', v)} error={fout(`regels.${i}.omschrijving`)} />
            </div>
            {regels.length > 1 && (
              <Button appearance="subtle" onClick={() => setRegels((rs) => rs.filter((_, j) => j !== i))}>
                Regel {i + 1} verwijderen
              </Button>
            )}
          </Fieldset>
        ))}
        <Paragraph>Totaal: {euro(totaal)}</Paragraph>
        <ButtonGroup>
          <Button onClick={() => setRegels((rs) => [...rs, leeg()])}>Regel toevoegen</Button>
          <Button type="submit" appearance="primary-action" busy={bezig}>
            Declaratie vastleggen
          </Button>
        </ButtonGroup>
      </Form>
    </>
  );
}
