-- Issue #8, recoveries (vorderingen): a payment found wrong (paid twice, wrong amount, after
-- death, other) becomes a recovery on the provider or the holder. It is set off against later
-- payments to that party in the regular payment run, or repaid (read from the bank statement), or
-- written off. The budget gets back what is recovered, when it is recovered. Amounts in cents.
-- See docs/urgent-payments-recoveries.md (recoveries) for the bookings.

-- Recovery numbers are short and readable, for the remittance text of a repayment: V-1, V-2, …
CREATE SEQUENCE vordering_nummer;

CREATE TABLE vorderingen (
  vordering_id text PRIMARY KEY,
  debiteur_soort text NOT NULL CHECK (debiteur_soort IN ('zorgverlener', 'budgethouder')),
  zorgverlener_id text REFERENCES zorgverleners (zorgverlener_id),
  budgethouder_id bigint REFERENCES budgethouders (id),
  -- the paid claim and payment it concerns; NULL for other origins (the rest of an urgent advance)
  declaratie_id text REFERENCES declaraties (declaratie_id),
  betaling_id text REFERENCES betalingen (betaling_id),
  -- the budget (allocation chain) that gets back what is recovered
  budget_id text NOT NULL REFERENCES budgetten (budget_id),
  reden text NOT NULL CHECK (reden IN ('DUBBEL_BETAALD', 'ONJUIST_BEDRAG', 'NA_OVERLIJDEN', 'OVERIG')),
  toelichting text NOT NULL,
  bedrag bigint NOT NULL CHECK (bedrag > 0),
  openstaand bigint NOT NULL CHECK (openstaand >= 0 AND openstaand <= bedrag),
  kwijtgescholden bigint NOT NULL DEFAULT 0 CHECK (kwijtgescholden >= 0),
  status text NOT NULL CHECK (status IN ('open', 'voldaan', 'kwijtgescholden')),
  -- where it came from, unique: another module's key (`spoed:<id>`) or the caller's own id; the
  -- same key again returns the same recovery (idempotent)
  bron text NOT NULL UNIQUE,
  inhoud text NOT NULL,
  vastgesteld_op date NOT NULL,
  aangemaakt_door text NOT NULL,
  aangemaakt_op timestamptz NOT NULL DEFAULT now(),
  kwijtgescholden_door text,
  kwijtgescholden_op timestamptz,
  kwijtschelding_reden text,
  CHECK ((debiteur_soort = 'zorgverlener') = (zorgverlener_id IS NOT NULL)),
  CHECK ((debiteur_soort = 'budgethouder') = (budgethouder_id IS NOT NULL)),
  CHECK ((status = 'open') = (openstaand > 0)),
  CHECK (status <> 'kwijtgescholden' OR kwijtgescholden > 0)
);
CREATE INDEX vorderingen_open_zorgverlener ON vorderingen (zorgverlener_id) WHERE status = 'open';
CREATE INDEX vorderingen_open_budgethouder ON vorderingen (budgethouder_id) WHERE status = 'open';
CREATE INDEX vorderingen_declaratie ON vorderingen (declaratie_id);
CREATE INDEX vorderingen_betaling ON vorderingen (betaling_id);

-- Set-off (verrekening) of a recovery against a later payment in a payment run. `actief` false when
-- the bank returned that payment: the set-off is undone (booked back) and the recovery is open again.
CREATE TABLE vordering_verrekeningen (
  vordering_id text NOT NULL REFERENCES vorderingen (vordering_id),
  betaling_id text NOT NULL REFERENCES betalingen (betaling_id),
  betaalrun_id text NOT NULL REFERENCES betaalruns (betaalrun_id),
  bedrag bigint NOT NULL CHECK (bedrag > 0),
  actief boolean NOT NULL DEFAULT true,
  op timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (vordering_id, betaling_id)
);
CREATE INDEX vordering_verrekeningen_betaling ON vordering_verrekeningen (betaling_id);

-- Repayment (terugbetaling) read from a bank statement: one statement line pays one recovery.
CREATE TABLE vordering_terugbetalingen (
  bankpost_id bigint PRIMARY KEY REFERENCES bankposten (id),
  vordering_id text NOT NULL REFERENCES vorderingen (vordering_id),
  bedrag bigint NOT NULL CHECK (bedrag > 0),
  op timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX vordering_terugbetalingen_vordering ON vordering_terugbetalingen (vordering_id);

-- A payment's `bedrag` stays what is transferred (net); `verrekend` is what was set off against
-- recoveries, so that its claims add up to bedrag + verrekend. A payment fully set off transfers
-- nothing (bedrag 0) and is not in the SEPA file.
ALTER TABLE betalingen ADD COLUMN verrekend bigint NOT NULL DEFAULT 0 CHECK (verrekend >= 0);
ALTER TABLE betalingen DROP CONSTRAINT IF EXISTS betalingen_bedrag_check;
ALTER TABLE betalingen ADD CONSTRAINT betalingen_bedrag_check CHECK (bedrag >= 0 AND (bedrag > 0 OR verrekend > 0));

-- Two new account kinds: `vordering` (key the recovery id; what the debtor still owes, debit) and
-- `te_vorderen` (same key; what is still to come back to the budget, credit). And a bank line can
-- be a repayment of a recovery. The lists are widened whatever other migrations added to them.
DO $$
DECLARE def text;
BEGIN
  SELECT pg_get_constraintdef(oid) INTO def FROM pg_constraint WHERE conrelid = 'rekeningen'::regclass AND conname = 'rekeningen_soort_check';
  IF def IS NOT NULL THEN
    ALTER TABLE rekeningen DROP CONSTRAINT rekeningen_soort_check;
    EXECUTE 'ALTER TABLE rekeningen ADD CONSTRAINT rekeningen_soort_check CHECK (' || substring(def from '^CHECK \((.*)\)$') || ' OR soort IN (''vordering'', ''te_vorderen''))';
  END IF;
  SELECT pg_get_constraintdef(oid) INTO def FROM pg_constraint WHERE conrelid = 'bankposten'::regclass AND conname = 'bankposten_verwerking_check';
  IF def IS NOT NULL THEN
    ALTER TABLE bankposten DROP CONSTRAINT bankposten_verwerking_check;
    EXECUTE 'ALTER TABLE bankposten ADD CONSTRAINT bankposten_verwerking_check CHECK (' || substring(def from '^CHECK \((.*)\)$') || ' OR verwerking = ''terugbetaling_vordering'')';
  END IF;
END $$;
ALTER TABLE rekeningen ADD CONSTRAINT nooit_rood_vordering CHECK (soort <> 'te_vorderen' OR saldo <= 0);
ALTER TABLE rekeningen ADD CONSTRAINT vordering_niet_negatief CHECK (soort <> 'vordering' OR saldo >= 0);
