/**
 * The holder's inbox: claims a provider submitted that wait for approval (approve in one action,
 * or reject with a reason), agreements to share or waiting for someone else, claims that wait for
 * the holder or were refused (with why and what to do), and signals about the budget.
 */
import { useState } from 'react';
import { api, foutmelding, query } from '../../api.ts';
import { Alert, Button, ButtonGroup, Fout, Heading, Laden, Link, StatusBadge, Textarea, FormField, useData } from '../../components/index.ts';
import { aantal, datum, euro, moment } from '../../format.ts';
import type { Declaratie, DeclaratieDetail, Lijst, Signaal, Zorgovereenkomst } from '../gedeeld/types.ts';
import { redenUitleg, wetNaam, ZOK_STATUS } from '../gedeeld/labels.ts';
import { useHouder } from './houder.tsx';
import { ClaimMelding, TaakSectie } from '../gedeeld/Taken.tsx';

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
          <TaakSectie id="goedkeuren" titel="Declaraties om goed te keuren" items={d.data.goedkeuren} leeg="Er wachten geen declaraties op uw goedkeuring." sleutel={(c) => c.declaratie_id}>
            {(c) => (
              <TeGoedkeuren
                claim={c}
                regels={d.data!.regels.get(c.declaratie_id)}
                klaar={(tekst, type = 'ok') => {
                  setMelding({ type, tekst });
                  d.opnieuw();
                }}
              />
            )}
          </TaakSectie>

          <TaakSectie id="overeenkomsten" titel="Zorgovereenkomsten in behandeling" items={d.data.zok} leeg="Er zijn geen zorgovereenkomsten in behandeling." sleutel={(z) => z.zorgovereenkomst_id}>
            {(z) => (
                  <li className="pgb-taak">
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
            )}
          </TaakSectie>

          <TaakSectie id="wachten" titel="Declaraties die op actie wachten" items={d.data.wachten} leeg="Geen declaraties wachten op een actie van u of uw verstrekker." sleutel={(c) => c.declaratie_id}>
            {(c) => <ClaimMelding claim={c} basis="/mijn-pgb/declaraties" tegenpartij="zorgverlener" />}
          </TaakSectie>

          <TaakSectie id="afgekeurd" titel="Afgekeurde declaraties" items={d.data.afgekeurd} leeg="Er zijn geen afgekeurde declaraties." sleutel={(c) => c.declaratie_id}>
            {(c) => <ClaimMelding claim={c} basis="/mijn-pgb/declaraties" tegenpartij="zorgverlener" />}
          </TaakSectie>

          <TaakSectie id="signalen" titel="Berichten" items={d.data.signalen} leeg="Er zijn geen berichten." sleutel={(s) => String(s.id)}>
            {(s) => (
                  <li className="pgb-taak">
                    <p className="utrecht-paragraph">
                      <strong>{s.naam}</strong> ({s.periode})
                    </p>
                    <p className="utrecht-paragraph">{s.omschrijving}</p>
                    <p className="utrecht-paragraph utrecht-paragraph--small">Laatst bijgewerkt {moment(s.laatst_gezien_op)}</p>
                  </li>
            )}
          </TaakSectie>
        </>
      )}
    </>
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
