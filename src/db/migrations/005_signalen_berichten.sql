-- Signals and e-mail (issue #5): where a signal goes (e-mail addresses of holders and funders),
-- the signals themselves (one row per kind, subject and period, so computing them twice adds
-- nothing) and the outbox of e-mails (written in the same transaction as what caused them, sent
-- later by `pgb mail --verzend`, kept until the mail server took them).

-- The address signals are mailed to: the holder's own, and the funder's signal mailbox.
ALTER TABLE budgethouders ADD COLUMN email text;
ALTER TABLE verstrekkers ADD COLUMN email text;

CREATE TABLE signalen (
  id bigserial PRIMARY KEY,
  soort text NOT NULL CHECK (soort IN ('budget_uitputting', 'uren_per_dag', 'zelfde_uren', 'na_overlijden', 'veel_budgethouders', 'sprong_uren')),
  -- what the signal is about: budget:<id>, budgethouder:<id>, zorgverlener:<id>, declaratie:<id>
  onderwerp text NOT NULL,
  -- the day (YYYY-MM-DD) or month (YYYY-MM) it is about
  periode text NOT NULL,
  -- the holder it is about (budget and per-holder signals), for the holder's portal and scoping
  budgethouder_id bigint REFERENCES budgethouders (id),
  zorgverlener_id text REFERENCES zorgverleners (zorgverlener_id),
  -- the funders it concerns: who may see it
  verstrekkers text[] NOT NULL,
  omschrijving text NOT NULL,
  -- the evidence: the claims, lines, amounts and figures the rule saw
  bewijs jsonb NOT NULL,
  eerst_gezien_op timestamptz NOT NULL,
  laatst_gezien_op timestamptz NOT NULL,
  UNIQUE (soort, onderwerp, periode)
);
CREATE INDEX signalen_budgethouder ON signalen (budgethouder_id);

-- The outbox. `sleutel` makes queueing idempotent (e.g. signaal:<id>:verstrekker:<code>).
CREATE TABLE berichten (
  id bigserial PRIMARY KEY,
  sleutel text NOT NULL UNIQUE,
  aan text NOT NULL,
  onderwerp text NOT NULL,
  tekst text NOT NULL,
  status text NOT NULL DEFAULT 'wachtend' CHECK (status IN ('wachtend', 'verzonden')),
  pogingen integer NOT NULL DEFAULT 0,
  volgende_poging_op timestamptz NOT NULL,
  laatste_fout text,
  message_id text,
  aangemaakt_op timestamptz NOT NULL,
  verzonden_op timestamptz
);
CREATE INDEX berichten_wachtend ON berichten (volgende_poging_op) WHERE status = 'wachtend';
