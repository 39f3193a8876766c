/**
 * The pieces of an inbox that the holder's tasks page and the provider's overview share: a section
 * of tasks with its count (or what it means that there are none), and a claim that waits or was
 * refused, with why and what to do.
 */
import { Fragment, type ReactNode } from 'react';
import { Heading, Link, Paragraph } from '../../components/index.ts';
import { euro, leesbaar } from '../../format.ts';
import { redenUitleg } from './labels.ts';
import type { Declaratie } from './types.ts';

export function TaakSectie<T>({ id, titel, items, leeg, sleutel, children }: {
  id: string;
  titel: string;
  items: readonly T[];
  leeg: string;
  sleutel: (item: T) => string;
  children: (item: T) => ReactNode;
}) {
  return (
    <section aria-labelledby={id}>
      <Heading level={2} id={id}>
        {titel} ({items.length})
      </Heading>
      {items.length === 0 ? (
        <Paragraph>{leeg}</Paragraph>
      ) : (
        <ul className="pgb-takenlijst">
          {items.map((item) => (
            <Fragment key={sleutel(item)}>{children(item)}</Fragment>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A claim in an inbox: the other party, the amount, the reason in a few words, and the full text. */
export function ClaimMelding({ claim: c, basis, tegenpartij, uitleg = 'Waarom en wat te doen', waar = false }: {
  claim: Declaratie;
  basis: string;
  tegenpartij: 'zorgverlener' | 'budgethouder';
  uitleg?: string;
  /** Show who holds the claim now (addressed to the reader) instead of the check's message. */
  waar?: boolean;
}) {
  const tekst = waar ? (c.bij ? `bij ${c.bij}` : null) : c.melding;
  return (
    <li className="pgb-taak">
      <p className="utrecht-paragraph">
        <Link to={`${basis}/${encodeURIComponent(c.declaratie_id)}`}>Declaratie {c.declaratie_id}</Link> {tegenpartij === 'zorgverlener' ? `van ${c.zorgverlener_naam}` : `aan ${c.budgethouder_naam ?? 'een onbekende budgethouder'}`}, {euro(c.bedrag_centen)}
        {c.reden ? (
          <>
            : <strong>{redenUitleg(c.reden)}</strong>
          </>
        ) : null}
      </p>
      {tekst && (
        <p className="utrecht-paragraph">
          {uitleg}: {leesbaar(tekst)}
        </p>
      )}
    </li>
  );
}
