-- Issue #8 (without urgent payments and recoveries): maximum tariffs as dated tables, the holder's
-- own amounts (verantwoordingsvrij bedrag and other amounts paid to the holder) with their dated
-- rules, payments to holders in the regular payment run, the year-end closing of allocations
-- (budgetafsluiting) and fallback allocations (terugvaltoekenningen). Amounts in cents.

-- 1. Maximum tariffs. `verstrekker` NULL is the law's national maximum (Wlz); a funder's own row
-- (a municipality's) goes before it. Used by the claim check when an agreement names no maximum.
CREATE TABLE maximumtarieven (
  id bigserial PRIMARY KEY,
  verstrekker text REFERENCES verstrekkers (code),
  wet text NOT NULL CHECK (wet IN ('WLZ', 'WMO_HH', 'WMO_BG', 'JW')),
  categorie text NOT NULL CHECK (categorie IN ('formeel_uur', 'dagdeel', 'informeel_uur')),
  geldig_van date NOT NULL,
  geldig_tot date CHECK (geldig_tot IS NULL OR geldig_tot >= geldig_van),
  bedrag bigint NOT NULL CHECK (bedrag > 0),
  bron text NOT NULL,
  actor text NOT NULL,
  op timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX maximumtarieven_uniek ON maximumtarieven (COALESCE(verstrekker, ''), wet, categorie, geldig_van);

-- The Wlz national maxima (they include holiday pay). 2026 is not in the sources at hand: it is
-- entered with `pgb maximumtarief zet` once published in the Staatscourant.
INSERT INTO maximumtarieven (verstrekker, wet, categorie, geldig_van, geldig_tot, bedrag, bron, actor) VALUES
  (NULL, 'WLZ', 'formeel_uur', '2024-01-01', '2024-12-31', 7700, 'Regeling langdurige zorg, tarieven 2024 (Staatscourant); shared/docs/payroll-2026.md', 'migratie 007'),
  (NULL, 'WLZ', 'dagdeel', '2024-01-01', '2024-12-31', 7088, 'Regeling langdurige zorg, tarieven 2024 (Staatscourant); shared/docs/payroll-2026.md', 'migratie 007'),
  (NULL, 'WLZ', 'informeel_uur', '2024-01-01', '2024-12-31', 2444, 'Regeling langdurige zorg, tarieven 2024 (Staatscourant); shared/docs/payroll-2026.md', 'migratie 007'),
  (NULL, 'WLZ', 'formeel_uur', '2025-01-01', '2025-12-31', 8081, 'Regeling langdurige zorg, tarieven 2025 (Staatscourant); issue #8; shared/docs/payroll-2026.md', 'migratie 007'),
  (NULL, 'WLZ', 'dagdeel', '2025-01-01', '2025-12-31', 7440, 'Regeling langdurige zorg, tarieven 2025 (Staatscourant); issue #8; shared/docs/payroll-2026.md', 'migratie 007'),
  (NULL, 'WLZ', 'informeel_uur', '2025-01-01', '2025-12-31', 2565, 'Regeling langdurige zorg, tarieven 2025 (Staatscourant); issue #8; shared/docs/payroll-2026.md', 'migratie 007');

-- 2. The rules of the holder's own amounts, per law (verstrekker NULL) or per funder, dated.
-- `percentage` in hundredths of a percent of what was spent in the year (150 = 1.5%); NULL for a
-- fixed yearly amount (`maximum`). The yearly allowance is the percentage of what was spent, at
-- least `minimum` and at most `maximum`.
CREATE TABLE eigen_bedrag_regels (
  id bigserial PRIMARY KEY,
  verstrekker text REFERENCES verstrekkers (code),
  wet text NOT NULL CHECK (wet IN ('WLZ', 'WMO_HH', 'WMO_BG', 'JW')),
  soort text NOT NULL CHECK (soort IN ('verantwoordingsvrij', 'reiskosten', 'administratiekosten')),
  geldig_van date NOT NULL,
  geldig_tot date CHECK (geldig_tot IS NULL OR geldig_tot >= geldig_van),
  percentage integer CHECK (percentage IS NULL OR (percentage >= 0 AND percentage <= 10000)),
  minimum bigint NOT NULL DEFAULT 0 CHECK (minimum >= 0),
  maximum bigint NOT NULL CHECK (maximum >= minimum),
  bron text NOT NULL,
  actor text NOT NULL,
  op timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX eigen_bedrag_regels_uniek ON eigen_bedrag_regels (COALESCE(verstrekker, ''), wet, soort, geldig_van);

INSERT INTO eigen_bedrag_regels (verstrekker, wet, soort, geldig_van, geldig_tot, percentage, minimum, maximum, bron, actor) VALUES
  (NULL, 'WLZ', 'verantwoordingsvrij', '2024-01-01', NULL, 150, 25000, 125000, 'Regeling langdurige zorg (verantwoordingsvrij bedrag: 1,5% van het bestede budget, minimaal € 250, maximaal € 1.250 per jaar); issue #8; shared/docs/payroll-2026.md', 'migratie 007');

-- 3. Amounts paid to the holder rather than a provider: requested own amounts, and leftover
-- deposits returned at year end. Idempotent by `aanvraag_id`. `goedgekeurd` is booked on the budget
-- (or the deposits) and payable to the holder; the payment run makes it `betaald`.
CREATE TABLE eigen_bedragen (
  aanvraag_id text PRIMARY KEY,
  budgethouder_id bigint NOT NULL REFERENCES budgethouders (id),
  wet text NOT NULL CHECK (wet IN ('WLZ', 'WMO_HH', 'WMO_BG', 'JW')),
  soort text NOT NULL CHECK (soort IN ('verantwoordingsvrij', 'reiskosten', 'administratiekosten', 'teruggave_storting')),
  jaar integer NOT NULL,
  bedrag bigint NOT NULL CHECK (bedrag > 0),
  omschrijving text NOT NULL,
  status text NOT NULL CHECK (status IN ('goedgekeurd', 'betaald')),
  betaling_id text,
  aangevraagd_door text NOT NULL,
  aangevraagd_op timestamptz NOT NULL DEFAULT now(),
  inhoud text NOT NULL
);
CREATE INDEX eigen_bedragen_houder ON eigen_bedragen (budgethouder_id, wet, jaar);
CREATE INDEX eigen_bedragen_open ON eigen_bedragen (status) WHERE status = 'goedgekeurd';

-- What each own amount was charged to: budgets (by the budget rule) or the holder's deposits.
CREATE TABLE eigen_bedrag_lasten (
  aanvraag_id text NOT NULL REFERENCES eigen_bedragen (aanvraag_id),
  bron text NOT NULL CHECK (bron IN ('budget', 'eigen_bijdrage')),
  budget_id text REFERENCES budgetten (budget_id),
  bedrag bigint NOT NULL CHECK (bedrag > 0),
  CHECK ((bron = 'budget') = (budget_id IS NOT NULL))
);
CREATE INDEX eigen_bedrag_lasten_budget ON eigen_bedrag_lasten (budget_id);

-- A payment goes to a provider or, for own amounts, to a holder (the holder's IBAN).
ALTER TABLE betalingen ALTER COLUMN zorgverlener_id DROP NOT NULL;
ALTER TABLE betalingen ADD COLUMN budgethouder_id bigint REFERENCES budgethouders (id);
ALTER TABLE betalingen ADD CONSTRAINT betalingen_ontvanger CHECK ((zorgverlener_id IS NULL) <> (budgethouder_id IS NULL));

-- What is payable to a holder (`uitbetaald_aan_budgethouder`, key the holder id) holds a credit
-- balance, like what is payable to a provider: never in debit.
ALTER TABLE rekeningen ADD CONSTRAINT nooit_rood_budgethouder CHECK (soort <> 'uitbetaald_aan_budgethouder' OR saldo <= 0);

-- 4. Year end: the closing figures of each allocation, once (budget_id is the key). What was left
-- goes back to the funder (entry `budgetafsluiting`: budget → verstrekker).
CREATE TABLE budgetafsluitingen (
  budget_id text PRIMARY KEY REFERENCES budgetten (budget_id),
  jaar integer NOT NULL,
  verstrekker text NOT NULL REFERENCES verstrekkers (code),
  budgethouder_id bigint NOT NULL REFERENCES budgethouders (id),
  wet text NOT NULL,
  ingangsdatum date NOT NULL,
  einddatum date NOT NULL,
  toegekend bigint NOT NULL,
  besteed_declaraties bigint NOT NULL,
  besteed_eigen_bedragen bigint NOT NULL,
  uit_stortingen bigint NOT NULL,
  terug_naar_verstrekker bigint NOT NULL CHECK (terug_naar_verstrekker >= 0),
  open_declaraties integer NOT NULL,
  actor text NOT NULL,
  afgesloten_op timestamptz NOT NULL DEFAULT now(),
  CHECK (toegekend = besteed_declaraties + besteed_eigen_bedragen + terug_naar_verstrekker)
);
CREATE INDEX budgetafsluitingen_jaar ON budgetafsluitingen (jaar, verstrekker);

-- 5. Provisional allocations (voorlopig, ambtshalve) and their extensions by a fallback run. A
-- marked version is provisional; an extension is a new version of the budget (vervangt the
-- latest), marked with the run that made it.
CREATE TABLE voorlopige_toekenningen (
  toekenning_id text PRIMARY KEY REFERENCES toekenningen (toekenning_id),
  budget_id text NOT NULL REFERENCES budgetten (budget_id),
  -- NULL: marked by a person; else the fallback run (terugval:<verstrekker>:<einddatum>) that made it
  terugval_run text,
  reden text NOT NULL,
  actor text NOT NULL,
  op timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX voorlopige_toekenningen_budget ON voorlopige_toekenningen (budget_id);

-- A payment to a holder that the bank returned: its own amounts are open again; the payments they
-- were in before are kept here for the trace and the ledger check.
ALTER TABLE eigen_bedragen ADD COLUMN teruggeboekte_betalingen text[] NOT NULL DEFAULT '{}';
