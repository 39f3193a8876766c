-- The core: parties, allocations, agreements, claims with their trace, the double-entry ledger,
-- payment runs and bank statements. Amounts are bigint cents; dates are plain `date`.

-- Who did what, when and why: one row for every change of state, written in the same transaction.
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  op timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  actie text NOT NULL,
  onderwerp text NOT NULL,
  reden text,
  details jsonb
);
CREATE INDEX audit_log_onderwerp ON audit_log (onderwerp);

-- Every file read in, with its hash: the same file twice is recognised.
CREATE TABLE imports (
  import_id text PRIMARY KEY,
  soort text NOT NULL,
  bestand text NOT NULL,
  sha256 text NOT NULL,
  rijen integer NOT NULL,
  nieuw integer NOT NULL,
  actor text NOT NULL,
  op timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE verstrekkers (
  code text PRIMARY KEY,
  naam text NOT NULL,
  soort text NOT NULL CHECK (soort IN ('gemeente', 'zorgkantoor')),
  iban text NOT NULL,
  inhoud text NOT NULL,
  import_id text
);
CREATE INDEX verstrekkers_iban ON verstrekkers (iban);

CREATE SEQUENCE clientnummer_seq START 1000001;

CREATE TABLE budgethouders (
  id bigserial PRIMARY KEY,
  bsn text NOT NULL UNIQUE,
  clientnummer bigint NOT NULL UNIQUE DEFAULT nextval('clientnummer_seq'),
  naam text NOT NULL,
  geboortedatum date NOT NULL,
  iban text,
  overlijdensdatum date,
  inhoud text NOT NULL,
  import_id text
);

CREATE TABLE zorgverleners (
  zorgverlener_id text PRIMARY KEY,
  soort text NOT NULL CHECK (soort IN ('particulier', 'zzp', 'instelling')),
  naam text NOT NULL,
  bsn text,
  kvk text,
  agb text,
  iban text NOT NULL,
  inhoud text NOT NULL,
  import_id text
);
CREATE INDEX zorgverleners_kvk ON zorgverleners (kvk);

-- The double-entry ledger. A posting's amount is signed (debit positive, credit negative); the
-- postings of one journal entry add up to zero. A budget, a holder's own deposits and what is
-- payable to a party hold credit balances (saldo <= 0) and can never go the other way.
CREATE TABLE rekeningen (
  id bigserial PRIMARY KEY,
  soort text NOT NULL CHECK (soort IN ('verstrekker', 'budget', 'eigen_bijdrage', 'te_betalen', 'onderweg', 'bank', 'tussenrekening', 'uitbetaald_aan_budgethouder')),
  sleutel text NOT NULL,
  saldo bigint NOT NULL DEFAULT 0,
  UNIQUE (soort, sleutel),
  CONSTRAINT nooit_rood CHECK (soort NOT IN ('budget', 'eigen_bijdrage', 'te_betalen', 'onderweg') OR saldo <= 0)
);

CREATE TABLE journaalposten (
  id bigserial PRIMARY KEY,
  op timestamptz NOT NULL DEFAULT now(),
  soort text NOT NULL,
  referentie text NOT NULL,
  omschrijving text NOT NULL,
  actor text NOT NULL
);
CREATE INDEX journaalposten_referentie ON journaalposten (referentie);

CREATE TABLE boekingen (
  journaalpost_id bigint NOT NULL REFERENCES journaalposten (id),
  rekening_id bigint NOT NULL REFERENCES rekeningen (id),
  bedrag bigint NOT NULL CHECK (bedrag <> 0)
);
CREATE INDEX boekingen_journaalpost ON boekingen (journaalpost_id);
CREATE INDEX boekingen_rekening ON boekingen (rekening_id);

-- Allocations as received, every version kept. `budget_id` names the budget a version belongs to:
-- the id of the first allocation of its chain of corrections.
CREATE TABLE toekenningen (
  toekenning_id text PRIMARY KEY,
  verstrekker text NOT NULL REFERENCES verstrekkers (code),
  budgethouder_id bigint NOT NULL REFERENCES budgethouders (id),
  wet text NOT NULL CHECK (wet IN ('WLZ', 'WMO_HH', 'WMO_BG', 'JW')),
  ingangsdatum date NOT NULL,
  einddatum date NOT NULL CHECK (einddatum >= ingangsdatum),
  bedrag bigint NOT NULL CHECK (bedrag >= 0),
  vervangt text UNIQUE REFERENCES toekenningen (toekenning_id),
  budget_id text NOT NULL,
  inhoud text NOT NULL,
  import_id text,
  ontvangen_op timestamptz NOT NULL DEFAULT now()
);

-- The current state of each budget (the latest version of its chain) and its ledger account.
CREATE TABLE budgetten (
  budget_id text PRIMARY KEY,
  verstrekker text NOT NULL REFERENCES verstrekkers (code),
  budgethouder_id bigint NOT NULL REFERENCES budgethouders (id),
  wet text NOT NULL,
  ingangsdatum date NOT NULL,
  einddatum date NOT NULL,
  toegekend bigint NOT NULL CHECK (toegekend >= 0),
  laatste_versie text NOT NULL REFERENCES toekenningen (toekenning_id),
  rekening_id bigint NOT NULL UNIQUE REFERENCES rekeningen (id)
);
CREATE INDEX budgetten_houder ON budgetten (budgethouder_id, wet);

CREATE TABLE zorgovereenkomsten (
  zorgovereenkomst_id text PRIMARY KEY,
  budgethouder_id bigint NOT NULL REFERENCES budgethouders (id),
  zorgverlener_id text NOT NULL REFERENCES zorgverleners (zorgverlener_id),
  wet text NOT NULL CHECK (wet IN ('WLZ', 'WMO_HH', 'WMO_BG', 'JW')),
  soort text NOT NULL CHECK (soort IN ('arbeidsovereenkomst', 'opdracht', 'familie', 'instelling')),
  ingangsdatum date NOT NULL,
  einddatum date CHECK (einddatum IS NULL OR einddatum >= ingangsdatum),
  eenheid text NOT NULL CHECK (eenheid IN ('uur', 'dagdeel', 'etmaal', 'maand')),
  tarief bigint NOT NULL CHECK (tarief > 0),
  maandbedrag bigint CHECK (maandbedrag > 0),
  inhoud text NOT NULL,
  -- the current version (the latest row of zorgovereenkomst_versies), kept here for the checks
  versie integer NOT NULL,
  status text NOT NULL CHECK (status IN ('ingediend', 'geaccordeerd', 'afgekeurd')),
  maximumtarief bigint CHECK (maximumtarief > 0),
  import_id text
);
CREATE INDEX zorgovereenkomsten_paar ON zorgovereenkomsten (budgethouder_id, zorgverlener_id);

-- Every version of an agreement's state: never overwritten.
CREATE TABLE zorgovereenkomst_versies (
  zorgovereenkomst_id text NOT NULL REFERENCES zorgovereenkomsten (zorgovereenkomst_id),
  versie integer NOT NULL,
  status text NOT NULL,
  maximumtarief bigint,
  datum date NOT NULL,
  reden text,
  bron text NOT NULL,
  inhoud text,
  actor text NOT NULL,
  op timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (zorgovereenkomst_id, versie)
);

CREATE TABLE declaraties (
  declaratie_id text PRIMARY KEY,
  volgnummer bigserial UNIQUE,
  soort text NOT NULL CHECK (soort IN ('declaratie', 'maandloon')),
  ontvangen_op timestamptz NOT NULL,
  ontvangstdatum date NOT NULL,
  kanaal text NOT NULL CHECK (kanaal IN ('post', 'email', 'portaal', 'api', 'systeem')),
  bsn text NOT NULL,
  budgethouder_id bigint REFERENCES budgethouders (id),
  zorgverlener_id text NOT NULL,
  gevraagde_zorgovereenkomst text,
  zorgovereenkomst_id text REFERENCES zorgovereenkomsten (zorgovereenkomst_id),
  bedrag bigint NOT NULL,
  status text NOT NULL CHECK (status IN ('ontvangen', 'goedgekeurd', 'betaald', 'geparkeerd', 'afgekeurd')),
  reden text,
  uiterste_betaaldatum date NOT NULL,
  betaling_id text,
  betaald_op date,
  inhoud text NOT NULL,
  import_id text
);
CREATE INDEX declaraties_status ON declaraties (status, budgethouder_id);
CREATE INDEX declaraties_bsn ON declaraties (bsn) WHERE status = 'geparkeerd';

CREATE TABLE declaratieregels (
  declaratie_id text NOT NULL REFERENCES declaraties (declaratie_id),
  regelnr integer NOT NULL,
  bsn text NOT NULL,
  zorgverlener_id text NOT NULL,
  datum date NOT NULL,
  eenheden text NOT NULL,
  -- the quantity in quarters (0.25); NULL when it was not in steps of 0.25 (the claim is ONGELDIG)
  kwartieren integer,
  tarief bigint NOT NULL,
  bedrag bigint NOT NULL,
  omschrijving text,
  PRIMARY KEY (declaratie_id, regelnr)
);
CREATE INDEX declaratieregels_dubbel ON declaratieregels (bsn, zorgverlener_id, datum, kwartieren);

-- The trace of a claim: every step with its time, actor and reason. Append only.
CREATE TABLE declaratie_gebeurtenissen (
  id bigserial PRIMARY KEY,
  declaratie_id text NOT NULL REFERENCES declaraties (declaratie_id),
  op timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  gebeurtenis text NOT NULL,
  status text,
  reden text,
  toelichting text
);
CREATE INDEX declaratie_gebeurtenissen_declaratie ON declaratie_gebeurtenissen (declaratie_id, id);

CREATE TABLE betaalruns (
  betaalrun_id text PRIMARY KEY,
  datum date NOT NULL,
  aangemaakt_op timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  aantal integer NOT NULL,
  totaal bigint NOT NULL,
  pain001 text NOT NULL,
  sha256 text NOT NULL
);

CREATE TABLE betalingen (
  betaling_id text PRIMARY KEY,
  betaalrun_id text NOT NULL REFERENCES betaalruns (betaalrun_id),
  zorgverlener_id text NOT NULL REFERENCES zorgverleners (zorgverlener_id),
  iban text NOT NULL,
  naam text NOT NULL,
  bedrag bigint NOT NULL CHECK (bedrag > 0),
  omschrijving text NOT NULL,
  status text NOT NULL CHECK (status IN ('verzonden', 'bevestigd', 'teruggeboekt')),
  bevestigd_op date,
  teruggeboekt_op date,
  terugboekreden text
);
CREATE INDEX betalingen_run ON betalingen (betaalrun_id);

-- Which claims a payment paid. A claim is in at most one payment that has not been returned.
CREATE TABLE betaalposten (
  betaling_id text NOT NULL REFERENCES betalingen (betaling_id),
  declaratie_id text NOT NULL REFERENCES declaraties (declaratie_id),
  bedrag bigint NOT NULL,
  actief boolean NOT NULL DEFAULT true,
  PRIMARY KEY (betaling_id, declaratie_id)
);
CREATE UNIQUE INDEX betaalposten_eenmaal ON betaalposten (declaratie_id) WHERE actief;

CREATE TABLE bankafschriften (
  afschrift_id text PRIMARY KEY,
  rekening text NOT NULL,
  bestand text NOT NULL,
  sha256 text NOT NULL,
  actor text NOT NULL,
  ingelezen_op timestamptz NOT NULL DEFAULT now()
);

-- One row per transaction on a statement. `verwerking` says what it was recognised as; `open`
-- rows wait for a person.
CREATE TABLE bankposten (
  id bigserial PRIMARY KEY,
  afschrift_id text NOT NULL REFERENCES bankafschriften (afschrift_id),
  post_ref text NOT NULL,
  tx_index integer NOT NULL,
  richting text NOT NULL CHECK (richting IN ('CRDT', 'DBIT')),
  bedrag bigint NOT NULL CHECK (bedrag > 0),
  boekdatum date,
  tegen_iban text,
  tegen_naam text,
  omschrijving text,
  end_to_end_id text,
  reden_code text,
  verwerking text NOT NULL CHECK (verwerking IN ('storting_verstrekker', 'storting_budgethouder', 'bevestiging', 'terugboeking', 'open')),
  referentie text,
  toelichting text,
  UNIQUE (afschrift_id, post_ref, tx_index)
);
CREATE INDEX bankposten_open ON bankposten (verwerking) WHERE verwerking = 'open';

-- Which budget (or the holder's own deposits) paid which claim line: the budget rule's outcome.
CREATE TABLE declaratie_lasten (
  declaratie_id text NOT NULL REFERENCES declaraties (declaratie_id),
  regelnr integer NOT NULL,
  bron text NOT NULL CHECK (bron IN ('budget', 'eigen_bijdrage')),
  budget_id text REFERENCES budgetten (budget_id),
  bedrag bigint NOT NULL CHECK (bedrag > 0),
  CHECK ((bron = 'budget') = (budget_id IS NOT NULL))
);
CREATE INDEX declaratie_lasten_declaratie ON declaratie_lasten (declaratie_id);
CREATE INDEX declaratie_lasten_budget ON declaratie_lasten (budget_id);
