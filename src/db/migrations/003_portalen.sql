-- What the portals add to the core: agreements drafted by a holder and signed by the provider
-- before they reach the funder, claims a provider submits that wait for the holder's approval,
-- and changes (mutaties) that holders report.

ALTER TABLE zorgovereenkomsten DROP CONSTRAINT zorgovereenkomsten_status_check;
ALTER TABLE zorgovereenkomsten ADD CONSTRAINT zorgovereenkomsten_status_check
  CHECK (status IN ('concept', 'gedeeld', 'ingediend', 'geaccordeerd', 'afgekeurd'));

ALTER TABLE declaraties DROP CONSTRAINT declaraties_status_check;
ALTER TABLE declaraties ADD CONSTRAINT declaraties_status_check
  CHECK (status IN ('ter_goedkeuring', 'afgewezen', 'ontvangen', 'goedgekeurd', 'betaald', 'geparkeerd', 'afgekeurd'));

-- who submitted a claim: the holder (or representative), the provider, or the back office
ALTER TABLE declaraties ADD COLUMN ingediend_door text;

CREATE TABLE mutaties (
  mutatie_id text PRIMARY KEY,
  budgethouder_id bigint NOT NULL REFERENCES budgethouders (id),
  soort text NOT NULL CHECK (soort IN ('adres', 'iban', 'vertegenwoordiger', 'overlijden', 'zorgverlener', 'overig')),
  omschrijving text NOT NULL,
  ingangsdatum date,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'afgehandeld')),
  gemeld_door text NOT NULL,
  gemeld_op timestamptz NOT NULL DEFAULT now(),
  afgehandeld_door text,
  afgehandeld_op timestamptz,
  toelichting text
);
CREATE INDEX mutaties_open ON mutaties (status, gemeld_op);
