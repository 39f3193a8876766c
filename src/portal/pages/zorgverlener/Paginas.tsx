/**
 * The provider's portal: what waits (agreements to complete and sign, claims a holder rejected),
 * agreements, claims as digital invoices with their payment status, and payments.
 */
import { useState, type FormEvent } from 'react';
import { useLocation, useParams } from 'react-router';
import { api, foutmelding, query } from '../../api.ts';
import { Alert, Button, ButtonLink, Fieldset, Form, Fout, Heading, Laden, Link, Paragraph, StatusBadge, Table, useData } from '../../components/index.ts';
import { datum, euro } from '../../format.ts';
import { usePrincipal } from '../../sessie.tsx';
import { wetNaam } from '../gedeeld/labels.ts';
import type { Betaling, Declaratie, Lijst, Zorgovereenkomst, ZorgovereenkomstDetail as ZokDetail } from '../gedeeld/types.ts';
import { DeclaratieSpoor } from '../gedeeld/DeclaratieSpoor.tsx';
import { DeclaratieFormulier } from '../gedeeld/DeclaratieFormulier.tsx';
import { DeclaratieLijst, DeclaratieTabel } from '../gedeeld/DeclaratieTabel.tsx';
import { ClaimMelding, TaakSectie } from '../gedeeld/Taken.tsx';
import { ZokGegevens, ZokTabel, ZokVersies } from '../gedeeld/Zorgovereenkomst.tsx';

const BASIS = '/zorgverlener';

export function Overzicht() {
  const p = usePrincipal();
  const d = useData(
    async (signal) => {
      const [teTekenen, afgewezen, afgekeurd, geparkeerd, wachten] = await Promise.all([
        api.get<Lijst<Zorgovereenkomst>>(`/api/zorgovereenkomsten${query({ status: 'gedeeld' })}`, { signal }),
        api.get<Lijst<Declaratie>>(`/api/declaraties${query({ status: 'afgewezen', limit: 50 })}`, { signal }),
        api.get<Lijst<Declaratie>>(`/api/declaraties${query({ status: 'afgekeurd', limit: 10 })}`, { signal }),
        api.get<Lijst<Declaratie>>(`/api/declaraties${query({ status: 'geparkeerd', limit: 50 })}`, { signal }),
        api.get<Lijst<Declaratie>>(`/api/declaraties${query({ status: 'ter_goedkeuring', limit: 50 })}`, { signal }),
      ]);
      return { teTekenen: teTekenen.items, afgewezen: afgewezen.items, afgekeurd: afgekeurd.items, geparkeerd: geparkeerd.items, wachten: wachten.items };
    },
    [],
  );
  return (
    <>
      <Heading level={1}>Welkom, {p.naam}</Heading>
      <Paragraph>
        <ButtonLink to={`${BASIS}/declaraties/nieuw`} appearance="primary-action">
          Nieuwe declaratie (digitale factuur)
        </ButtonLink>
      </Paragraph>
      {d.laden && !d.data && <Laden wat="uw taken" />}
      {d.fout !== null && <Fout fout={d.fout} opnieuw={d.opnieuw} />}
      {d.data && (
        <>
          <TaakSectie id="tekenen" titel="Zorgovereenkomsten om aan te vullen en te ondertekenen" items={d.data.teTekenen} leeg="Er wachten geen zorgovereenkomsten op u." sleutel={(z) => z.zorgovereenkomst_id}>
            {(z) => (
              <li className="pgb-taak">
                <p className="utrecht-paragraph">
                  <Link to={`${BASIS}/zorgovereenkomsten/${z.zorgovereenkomst_id}`}>Zorgovereenkomst {z.zorgovereenkomst_id}</Link> van {z.budgethouder} ({wetNaam(z.wet)}), {euro(z.tarief)} per {z.eenheid}
                </p>
              </li>
            )}
          </TaakSectie>
          <TaakSectie id="afgewezen" titel="Declaraties die de budgethouder afwees" items={d.data.afgewezen} leeg="Geen." sleutel={(c) => c.declaratie_id}>
            {(c) => <ClaimMelding claim={c} basis={`${BASIS}/declaraties`} tegenpartij="budgethouder" uitleg="Reden van de budgethouder" />}
          </TaakSectie>
          <TaakSectie id="geparkeerd" titel="Declaraties die wachten" items={d.data.geparkeerd} leeg="Geen." sleutel={(c) => c.declaratie_id}>
            {(c) => <ClaimMelding claim={c} basis={`${BASIS}/declaraties`} tegenpartij="budgethouder" uitleg="Waar zij nu is" waar />}
          </TaakSectie>
          <TaakSectie id="afgekeurd" titel="Laatst afgekeurde declaraties" items={d.data.afgekeurd} leeg="Geen." sleutel={(c) => c.declaratie_id}>
            {(c) => <ClaimMelding claim={c} basis={`${BASIS}/declaraties`} tegenpartij="budgethouder" />}
          </TaakSectie>
          <section aria-labelledby="wachten">
            <Heading level={2} id="wachten">
              Bij de budgethouder ter goedkeuring ({d.data.wachten.length})
            </Heading>
            {d.data.wachten.length === 0 ? <Paragraph>Geen.</Paragraph> : <DeclaratieTabel items={d.data.wachten} basis={`${BASIS}/declaraties`} tegenpartij="budgethouder" />}
          </section>
        </>
      )}
    </>
  );
}

export function Zorgovereenkomsten() {
  const d = useData((signal) => api.get<Lijst<Zorgovereenkomst>>('/api/zorgovereenkomsten', { signal }), []);
  return (
    <>
      <Heading level={1}>Zorgovereenkomsten</Heading>
      {d.laden && !d.data && <Laden wat="de zorgovereenkomsten" />}
      {d.fout !== null && <Fout fout={d.fout} opnieuw={d.opnieuw} />}
      {d.data && <ZokTabel items={d.data.items} basis={`${BASIS}/zorgovereenkomsten`} tegenpartij="budgethouder" />}
    </>
  );
}

/** One agreement; a shared one is completed (the provider confirms what it agrees to) and signed. */
export function Zorgovereenkomst() {
  const { id } = useParams();
  const p = usePrincipal();
  const d = useData((signal) => api.get<ZokDetail>(`/api/zorgovereenkomsten/${encodeURIComponent(id ?? '')}`, { signal }), [id]);
  const [akkoord, setAkkoord] = useState({ gegevens: false, zelf: false, declareren: false });
  const [fout, setFout] = useState<string | null>(null);
  const [melding, setMelding] = useState<{ type: 'ok' | 'error'; tekst: string } | null>(null);
  const [bezig, setBezig] = useState(false);
  async function teken(e: FormEvent) {
    e.preventDefault();
    if (!akkoord.gegevens || !akkoord.zelf || !akkoord.declareren) {
      setFout('Vink alle drie de verklaringen aan om te ondertekenen.');
      document.getElementById(!akkoord.gegevens ? 'akkoord-gegevens' : !akkoord.zelf ? 'akkoord-zelf' : 'akkoord-declareren')?.focus();
      return;
    }
    setFout(null);
    setBezig(true);
    try {
      await api.post(`/api/zorgovereenkomsten/${encodeURIComponent(id ?? '')}/ondertekenen`);
      setMelding({ type: 'ok', tekst: 'Ondertekend. De zorgovereenkomst gaat nu ter accordering naar de verstrekker; daarna kunt u declareren.' });
      d.opnieuw();
    } catch (err) {
      setMelding({ type: 'error', tekst: foutmelding(err) });
    } finally {
      setBezig(false);
    }
  }
  const vink = (k: keyof typeof akkoord, tekst: string) => (
    <div className="utrecht-form-field utrecht-form-field--checkbox pgb-vinkveld">
      <input
        type="checkbox"
        id={`akkoord-${k}`}
        className="utrecht-checkbox utrecht-checkbox--html-input"
        checked={akkoord[k]}
        onChange={(e) => {
          const volgende = { ...akkoord, [k]: e.target.checked };
          setAkkoord(volgende);
          if (volgende.gegevens && volgende.zelf && volgende.declareren) setFout(null);
        }}
        aria-invalid={fout && !akkoord[k] ? true : undefined}
        aria-describedby={fout && !akkoord[k] ? 'akkoord-fout' : undefined}
      />
      <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={`akkoord-${k}`}>
        {tekst}
      </label>
    </div>
  );
  return (
    <>
      <Paragraph>
        <Link to={`${BASIS}/zorgovereenkomsten`}>← Zorgovereenkomsten</Link>
      </Paragraph>
      <Heading level={1}>Zorgovereenkomst {id}</Heading>
      <div aria-live="polite">{melding && <Alert type={melding.type}>{melding.tekst}</Alert>}</div>
      {d.laden && !d.data && <Laden wat="de zorgovereenkomst" />}
      {d.fout !== null && <Fout fout={d.fout} opnieuw={d.opnieuw} />}
      {d.data && (
        <>
          <ZokGegevens z={d.data} />
          {d.data.status === 'gedeeld' && (
            <Form onSubmit={teken} className="pgb-kaart pgb-ondertekenen">
              <Heading level={2}>Aanvullen en ondertekenen</Heading>
              <Paragraph>
                {d.data.budgethouder} heeft deze zorgovereenkomst met u gedeeld. Controleer de afspraken hierboven. Kloppen ze niet, onderteken dan niet en neem contact op met de budgethouder.
              </Paragraph>
              <Fieldset legend={`Verklaringen van ${p.naam}`}>
                {fout && (
                  <p className="utrecht-form-field-error-message" id="akkoord-fout">
                    {fout}
                  </p>
                )}
                {vink('gegevens', 'De afspraken (zorg, looptijd, tarief) kloppen en ik ga ermee akkoord.')}
                {vink('zelf', 'Ik lever de zorg zelf of onder mijn verantwoordelijkheid, volgens de zorgovereenkomst.')}
                {vink('declareren', 'Ik declareer alleen geleverde zorg, per dag, en weet dat de budgethouder elke declaratie goedkeurt.')}
              </Fieldset>
              <Button type="submit" appearance="primary-action" busy={bezig}>
                Ondertekenen
              </Button>
            </Form>
          )}
          <ZokVersies z={d.data} />
        </>
      )}
    </>
  );
}

export function Declaraties() {
  return <DeclaratieLijst titel="Declaraties en betaalstatus" nieuw={{ tekst: 'Nieuwe declaratie (digitale factuur)' }} basis={`${BASIS}/declaraties`} tegenpartij="budgethouder" />;
}

export function DeclaratieNieuw() {
  const d = useData((signal) => api.get<Lijst<Zorgovereenkomst>>(`/api/zorgovereenkomsten${query({ status: 'geaccordeerd' })}`, { signal }), []);
  return (
    <>
      <Paragraph>
        <Link to={`${BASIS}/declaraties`}>← Declaraties</Link>
      </Paragraph>
      <Heading level={1}>Nieuwe declaratie</Heading>
      <Paragraph>Uw digitale factuur gaat naar de budgethouder, die haar goedkeurt. Daarna betalen wij binnen 10 werkdagen. Wij controleren terwijl u typt.</Paragraph>
      {d.laden && !d.data && <Laden wat="de zorgovereenkomsten" />}
      {d.fout !== null && <Fout fout={d.fout} opnieuw={d.opnieuw} />}
      {d.data && <DeclaratieFormulier wie="zorgverlener" overeenkomsten={d.data.items} naVersturen={(id) => `${BASIS}/declaraties/${encodeURIComponent(id)}`} />}
    </>
  );
}

export function Declaratie() {
  const location = useLocation();
  const verstuurd = (location.state as { verstuurd?: string } | null)?.verstuurd;
  return (
    <>
      {verstuurd && (
        <Alert type="ok" titel="Verstuurd">
          <Paragraph>Declaratie {verstuurd} staat nu bij de budgethouder ter goedkeuring.</Paragraph>
        </Alert>
      )}
      <DeclaratieSpoor
        terug={{ pad: `${BASIS}/declaraties`, tekst: 'Declaraties' }}
        contact={(c) => (
          <Paragraph>
            Vragen over goedkeuring of afwijzing: de budgethouder{c.budgethouder_naam ? `, ${c.budgethouder_naam}` : ''}. Vragen over de betaling: het betaalbureau (vermeld declaratie {c.declaratie_id}).
          </Paragraph>
        )}
      />
    </>
  );
}

export function Betalingen() {
  const d = useData((signal) => api.get<Lijst<Betaling>>('/api/betalingen', { signal }), []);
  return (
    <>
      <Heading level={1}>Betalingen</Heading>
      <Paragraph>Elke overboeking aan u, met de declaraties die zij betaalde. Het rekeningnummer staat afgeschermd; wijzigen gaat via het betaalbureau.</Paragraph>
      {d.laden && !d.data && <Laden wat="de betalingen" />}
      {d.fout !== null && <Fout fout={d.fout} opnieuw={d.opnieuw} />}
      {d.data?.items.length === 0 && <Paragraph>Er zijn nog geen betalingen.</Paragraph>}
      {d.data?.items.map((b) => (
        <section key={b.betaling_id} className="pgb-kaart pgb-sectie" aria-labelledby={`b-${b.betaling_id}`}>
          <Heading level={2} id={`b-${b.betaling_id}`}>
            {euro(b.bedrag_centen)} op {datum(b.uitvoeringsdatum)}
          </Heading>
          <Paragraph>
            Naar rekening {b.iban.replace(/\*+/, ' •••• ')}, omschrijving “{b.omschrijving}”.{' '}
            <StatusBadge status={b.teruggeboekt_op ? 'danger' : b.bevestigd_op ? 'success' : 'active'}>
              {b.teruggeboekt_op ? `Teruggeboekt op ${datum(b.teruggeboekt_op)}` : b.bevestigd_op ? `Bevestigd door de bank op ${datum(b.bevestigd_op)}` : 'Verzonden naar de bank'}
            </StatusBadge>
          </Paragraph>
          <Table
            caption={`Declaraties in deze betaling`}
            rowKey={(c) => c.declaratie_id}
            rows={b.declaraties}
            columns={[
              { key: 'id', header: 'Declaratie', cell: (c) => <Link to={`${BASIS}/declaraties/${encodeURIComponent(c.declaratie_id)}`}>{c.declaratie_id}</Link> },
              { key: 'wie', header: 'Budgethouder', cell: (c) => `${c.budgethouder} (${c.clientnummer})` },
              { key: 'zorg', header: 'Zorg', cell: (c) => (c.van === c.tot ? datum(c.van) : `${datum(c.van)} tot en met ${datum(c.tot)}`) },
              { key: 'bedrag', header: 'Bedrag', cell: (c) => euro(c.bedrag_centen), numeric: true },
            ]}
          />
        </section>
      ))}
    </>
  );
}
