/**
 * The holder's inbox: claims a provider submitted that wait for approval (approve in one action,
 * or reject with a reason), agreements to share or waiting for someone else, claims that wait for
 * the holder or were refused (with why and what to do), and signals about the budget.
 */
import { useState } from 'react';
import { api, foutmelding, query } from '../../api.ts';
import { Alert, Button, ButtonGroup, Fout, Heading, Laden, Link, Paragraph, StatusBadge, Textarea, FormField, useData } from '../../components/index.ts';
import { aantal, datum, euro, moment, leesbaar } from '../../format.ts';
import type { Declaratie, DeclaratieDetail, Lijst, Signaal, Zorgovereenkomst } from '../gedeeld/types.ts';
import { redenUitleg, wetNaam, ZOK_STATUS } from '../gedeeld/labels.ts';
import { useHouder } from './houder.tsx';

/** Reasons of a parked claim that wait for the holder (or their funder), not for the operator. */
const VOOR_HOUDER = new Set(['MAXIMUMTARIEF_OVERSCHREDEN', 'BUDGET_ONTOEREIKEND', 'GEEN_ZORGOVEREENKOMST', 'GEEN_TOEKENNING', 'ZORGOVEREENKOMST_NIET_GEACCORDEERD']);

export function Taken() {
  const h = useHouder();
  const [melding, setMelding] = useState<{ type: 'ok' | 'error'; tekst: string } | null>(null);
  const d = useData(
    async (signal) => {
      const q = (status: string) => api.get<Lijst<Declaratie>>(`/api/declaraties${query({ budgethouder_id: h.id, status, limit: 100 })}`, { signal });
      const [goedkeuren, geparkeerd, afgekeurd, zok, signalen] = await Promise.all([
        q('ter_goedkeuring'),
        q('geparkeerd'),
        q('afgekeurd'),
        api.get<Lijst<Zorgovereenkomst>>('/api/zorgovereenkomsten', { signal }),
        api.get<Lijst<Signaal>>(`/api/signalen${query({ budgethouder_id: h.id })}`, { signal }),
      ]);
      // the care each claim to approve is for: what the holder judges it by
      const regels = await Promise.all(
        goedkeuren.items.slice(0, 25).map((c) => api.get<DeclaratieDetail>(`/api/declaraties/${encodeURIComponent(c.declaratie_id)}`, { signal }).then((d) => [c.declaratie_id, d.regels] as const)),
      );
      return {
        goedkeuren: goedkeuren.items,
        regels: new Map(regels),
        wachten: geparkeerd.items.filter((c) => c.reden && VOOR_HOUDER.has(c.reden)),
        afgekeurd: afgekeurd.items.slice(0, 10),
        zok: zok.items.filter((z) => z.clientnummer === h.clientnummer && ['concept', 'gedeeld', 'ingediend'].includes(z.status)),
        signalen: signalen.items,
      };
    },
    [h.id, h.clientnummer],
  );

  return (
    <>
      <Heading level={1}>Taken en berichten</Heading>
      <div aria-live="polite">{melding && <Alert type={melding.type}>{melding.tekst}</Alert>}</div>
      {d.laden && !d.data && <Laden wat="uw taken" />}
      {d.fout !== null && <Fout fout={d.fout} opnieuw={d.opnieuw} />}
      {d.data && (
        <>
          <section aria-labelledby="goedkeuren">
            <Heading level={2} id="goedkeuren">
              Declaraties om goed te keuren ({d.data.goedkeuren.length})
            </Heading>
            {d.data.goedkeuren.length === 0 ? (
              <Paragraph>Er wachten geen declaraties op uw goedkeuring.</Paragraph>
            ) : (
              <ul className="pgb-takenlijst">
                {d.data.goedkeuren.map((c) => (
                  <TeGoedkeuren
                    key={c.declaratie_id}
                    claim={c}
                    regels={d.data!.regels.get(c.declaratie_id)}
                    klaar={(tekst, type = 'ok') => {
                      setMelding({ type, tekst });
                      d.opnieuw();
                    }}
                  />
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="overeenkomsten">
            <Heading level={2} id="overeenkomsten">
              Zorgovereenkomsten in behandeling ({d.data.zok.length})
            </Heading>
            {d.data.zok.length === 0 ? (
              <Paragraph>Er zijn geen zorgovereenkomsten in behandeling.</Paragraph>
            ) : (
              <ul className="pgb-takenlijst">
                {d.data.zok.map((z) => (
                  <li key={z.zorgovereenkomst_id} className="pgb-taak">
                    <p className="utrecht-paragraph">
                      <Link to={`/mijn-pgb/zorgovereenkomsten/${z.zorgovereenkomst_id}`}>Zorgovereenkomst {z.zorgovereenkomst_id}</Link> met {z.zorgverlener} ({wetNaam(z.wet)}){' '}
                      <StatusBadge status={ZOK_STATUS[z.status].kind}>{ZOK_STATUS[z.status].label}</StatusBadge>
                    </p>
                    <p className="utrecht-paragraph utrecht-paragraph--small">
                      {z.status === 'concept'
                        ? 'Actie voor u: controleer het concept en deel het met de zorgverlener.'
                        : z.status === 'gedeeld'
                          ? `Wacht op ${z.zorgverlener}: die vult aan en ondertekent.`
                          : 'Wacht op de verstrekker: die accordeert en stelt het maximumtarief vast.'}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="wachten">
            <Heading level={2} id="wachten">
              Declaraties die op actie wachten ({d.data.wachten.length})
            </Heading>
            {d.data.wachten.length === 0 ? (
              <Paragraph>Geen declaraties wachten op een actie van u of uw verstrekker.</Paragraph>
            ) : (
              <ul className="pgb-takenlijst">
                {d.data.wachten.map((c) => (
                  <ClaimMelding key={c.declaratie_id} claim={c} />
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="afgekeurd">
            <Heading level={2} id="afgekeurd">
              Afgekeurde declaraties ({d.data.afgekeurd.length})
            </Heading>
            {d.data.afgekeurd.length === 0 ? (
              <Paragraph>Er zijn geen afgekeurde declaraties.</Paragraph>
            ) : (
              <ul className="pgb-takenlijst">
                {d.data.afgekeurd.map((c) => (
                  <ClaimMelding key={c.declaratie_id} claim={c} />
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="signalen">
            <Heading level={2} id="signalen">
              Berichten ({d.data.signalen.length})
            </Heading>
            {d.data.signalen.length === 0 ? (
              <Paragraph>Er zijn geen berichten.</Paragraph>
            ) : (
              <ul className="pgb-takenlijst">
                {d.data.signalen.map((s) => (
                  <li key={s.id} className="pgb-taak">
                    <p className="utrecht-paragraph">
                      <strong>{s.naam}</strong> ({s.periode})
                    </p>
                    <p className="utrecht-paragraph">{s.omschrijving}</p>
                    <p className="utrecht-paragraph utrecht-paragraph--small">Laatst bijgewerkt {moment(s.laatst_gezien_op)}</p>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </>
  );
}

function ClaimMelding({ claim: c }: { claim: Declaratie }) {
  return (
    <li className="pgb-taak">
      <p className="utrecht-paragraph">
        <Link to={`/mijn-pgb/declaraties/${c.declaratie_id}`}>Declaratie {c.declaratie_id}</Link> van {c.zorgverlener_naam}, {euro(c.bedrag_centen)}: <strong>{redenUitleg(c.reden)}</strong>
      </p>
      {c.melding && <p className="utrecht-paragraph">Waarom en wat te doen: {leesbaar(c.melding)}</p>}
    </li>
  );
}

/** One claim to approve (one action) or reject (with a reason). */
function TeGoedkeuren({ claim: c, regels, klaar }: { claim: Declaratie; regels: DeclaratieDetail['regels'] | undefined; klaar: (tekst: string, type?: 'ok' | 'error') => void }) {
  const [bezig, setBezig] = useState(false);
  const [afwijzen, setAfwijzen] = useState(false);
  const [reden, setReden] = useState('');
  const [fout, setFout] = useState<string | null>(null);
  async function keurGoed() {
    setBezig(true);
    try {
      const r = await api.post<Declaratie>(`/api/declaraties/${encodeURIComponent(c.declaratie_id)}/goedkeuren`);
      klaar(
        r.status === 'goedgekeurd'
          ? `Declaratie ${c.declaratie_id} is goedgekeurd en wordt betaald${r.uiterste_betaaldatum ? ` uiterlijk ${datum(r.uiterste_betaaldatum)}` : ''}.`
          : `Declaratie ${c.declaratie_id} is goedgekeurd door u, maar de controle zegt: ${r.melding ?? redenUitleg(r.reden)}`,
        r.status === 'goedgekeurd' ? 'ok' : 'error',
      );
    } catch (e) {
      setBezig(false);
      klaar(foutmelding(e), 'error');
    }
  }
  async function wijsAf() {
    if (!reden.trim()) {
      setFout('Schrijf waarom u de declaratie afwijst; de zorgverlener leest dit.');
      document.getElementById(`reden-${c.declaratie_id}`)?.focus();
      return;
    }
    setBezig(true);
    try {
      await api.post(`/api/declaraties/${encodeURIComponent(c.declaratie_id)}/afwijzen`, { reden: reden.trim() });
      klaar(`Declaratie ${c.declaratie_id} is afgewezen. ${c.zorgverlener_naam} ziet uw reden.`);
    } catch (e) {
      setBezig(false);
      setFout(foutmelding(e));
    }
  }
  return (
    <li className="pgb-taak">
      <p className="utrecht-paragraph">
        <Link to={`/mijn-pgb/declaraties/${c.declaratie_id}`}>Declaratie {c.declaratie_id}</Link> van <strong>{c.zorgverlener_naam}</strong>: {euro(c.bedrag_centen)}, ingediend {moment(c.ontvangen_op)}
      </p>
      {regels && (
        <ul className="pgb-regels">
          {regels.map((r) => (
            <li key={r.regelnr}>
              {datum(r.datum)}: {aantal(Number(r.eenheden))} × {euro(r.tarief_centen)} = {euro(r.bedrag_centen)}
              {r.omschrijving ? ` (${r.omschrijving})` : ''}
            </li>
          ))}
        </ul>
      )}
      {!afwijzen ? (
        <ButtonGroup>
          <Button appearance="primary-action" busy={bezig} onClick={keurGoed} aria-label={`Declaratie ${c.declaratie_id} goedkeuren`}>
            Goedkeuren
          </Button>
          <Button onClick={() => setAfwijzen(true)} disabled={bezig} aria-label={`Declaratie ${c.declaratie_id} afwijzen`}>
            Afwijzen
          </Button>
        </ButtonGroup>
      ) : (
        <div>
          <FormField id={`reden-${c.declaratie_id}`} label="Waarom wijst u de declaratie af?" description="Bijvoorbeeld: deze zorg is niet geleverd, of het aantal uren klopt niet." error={fout} required>
            {(aria) => <Textarea {...aria} value={reden} onChange={(e) => setReden(e.target.value)} rows={3} invalid={!!fout} />}
          </FormField>
          <ButtonGroup>
            <Button danger busy={bezig} onClick={wijsAf}>
              Afwijzen
            </Button>
            <Button appearance="subtle" onClick={() => setAfwijzen(false)} disabled={bezig}>
              Annuleren
            </Button>
          </ButtonGroup>
        </div>
      )}
    </li>
  );
}
