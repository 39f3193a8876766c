-- Urgent payments (spoedbetalingen, issue #8): the back office records an urgent request, a second
-- person approves it (four eyes), a same-day urgent run pays it with its own SEPA file, booked as an
-- advance on the budget. Later claims for the same holder, provider and period are matched to it
-- one-to-one and settled against it, so that nothing is paid twice.

-- A payment run is regular or urgent; urgent runs share the payment tables (SEPA file, bank
-- statement matching, trace) with the regular ones.
ALTER TABLE betaalruns ADD COLUMN soort text NOT NULL DEFAULT 'regulier' CHECK (soort IN ('regulier', 'spoed'));

-- Two account kinds for an advance, per urgent request: `voorschot` (debit) is the receivable on
-- the provider: paid, not yet settled by a claim nor recovered; `voorschot_dekking` (credit) is the
-- part of the budget charged for it, released to the budget as claims settle. NOTE for a later
-- migration that redefines rekeningen_soort_check: keep 'voorschot' and 'voorschot_dekking'.
ALTER TABLE rekeningen DROP CONSTRAINT rekeningen_soort_check;
ALTER TABLE rekeningen ADD CONSTRAINT rekeningen_soort_check CHECK (soort IN ('verstrekker', 'budget', 'eigen_bijdrage', 'te_betalen', 'onderweg', 'bank', 'tussenrekening', 'uitbetaald_aan_budgethouder', 'voorschot', 'voorschot_dekking'));
ALTER TABLE rekeningen ADD CONSTRAINT voorschot_teken CHECK ((soort <> 'voorschot' OR saldo >= 0) AND (soort <> 'voorschot_dekking' OR saldo <= 0));

CREATE TABLE spoedaanvragen (
  aanvraag_id text PRIMARY KEY,
  budgethouder_id bigint NOT NULL REFERENCES budgethouders (id),
  zorgverlener_id text NOT NULL REFERENCES zorgverleners (zorgverlener_id),
  budget_id text NOT NULL REFERENCES budgetten (budget_id),
  bedrag bigint NOT NULL CHECK (bedrag > 0),
  periode_van date NOT NULL,
  periode_tot date NOT NULL,
  oorzaak text NOT NULL CHECK (oorzaak IN ('GEEN_DECLARATIE', 'TE_WEINIG_BUDGET', 'GEEN_WET', 'VERKEERD_VERWERKT', 'MAXIMUMTARIEF', 'OMLABELEN', 'OVERBESTEDING', 'OVERIG', 'SYSTEEMFOUT', 'ZOK_AFGEKEURD', 'ZOK_ONVOLLEDIG')),
  kanaal text NOT NULL CHECK (kanaal IN ('telefoon', 'e-mail', 'balie', 'brief', 'portaal')),
  toelichting text,
  inhoud text NOT NULL,
  aangevraagd_door text NOT NULL,
  aangevraagd_op timestamptz NOT NULL,
  beoordeeld_door text,
  beoordeeld_op timestamptz,
  afwijsreden text,
  status text NOT NULL CHECK (status IN ('aangevraagd', 'goedgekeurd', 'afgewezen', 'betaald', 'verrekend', 'te_vorderen')),
  betaalrun_id text REFERENCES betaalruns (betaalrun_id),
  betaling_id text UNIQUE REFERENCES betalingen (betaling_id),
  betaald_op timestamptz,
  -- the rest of the advance that a smaller claim did not cover: to recover from the provider
  te_vorderen bigint NOT NULL DEFAULT 0 CHECK (te_vorderen >= 0),
  -- payments of this request that the bank returned (the request then waits for the next urgent run)
  teruggeboekte_betalingen text[] NOT NULL DEFAULT '{}',
  CHECK (periode_tot >= periode_van),
  -- four eyes: whoever approves or rejects is not whoever recorded the request
  CONSTRAINT spoed_vier_ogen CHECK (beoordeeld_door IS NULL OR beoordeeld_door <> aangevraagd_door),
  CHECK ((status IN ('aangevraagd')) = (beoordeeld_door IS NULL)),
  CHECK ((status IN ('betaald', 'verrekend', 'te_vorderen')) = (betaling_id IS NOT NULL))
);
CREATE INDEX spoedaanvragen_status ON spoedaanvragen (status);
CREATE INDEX spoedaanvragen_paar ON spoedaanvragen (budgethouder_id, zorgverlener_id);

-- A claim settled against an advance: one advance, one claim (one-to-one).
CREATE TABLE spoed_koppelingen (
  aanvraag_id text PRIMARY KEY REFERENCES spoedaanvragen (aanvraag_id),
  declaratie_id text NOT NULL UNIQUE REFERENCES declaraties (declaratie_id),
  verrekend bigint NOT NULL CHECK (verrekend >= 0),
  te_vorderen bigint NOT NULL CHECK (te_vorderen >= 0),
  wijze text NOT NULL CHECK (wijze IN ('automatisch', 'handmatig')),
  actor text NOT NULL,
  op timestamptz NOT NULL
);

-- Claims that may settle against more than one advance (or compete for one): a person decides.
-- While open, the claim waits outside the payment runs.
CREATE TABLE spoed_koppelwachtrij (
  declaratie_id text PRIMARY KEY REFERENCES declaraties (declaratie_id),
  aanvragen text[] NOT NULL,
  groep text NOT NULL,
  op timestamptz NOT NULL,
  opgelost_door text,
  opgelost_op timestamptz,
  keuze text,
  CHECK ((opgelost_door IS NULL) = (opgelost_op IS NULL))
);
CREATE INDEX spoed_koppelwachtrij_open ON spoed_koppelwachtrij (declaratie_id) WHERE opgelost_op IS NULL;
