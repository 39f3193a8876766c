-- Payroll (loonadministratie) for carers employed by budget holders (issue #9).

-- The carer's birth date: the minimum wage depends on age, and so do the state-pension rules.
ALTER TABLE zorgverleners ADD COLUMN geboortedatum date;

-- The payroll choices recorded on an agreement. An agreement without a row has no recorded choice
-- (it is paid gross, as before payroll existed). Every change is a new row version kept in
-- loonafspraak_versies; this table holds the current one.
CREATE TABLE loonafspraken (
  zorgovereenkomst_id text PRIMARY KEY REFERENCES zorgovereenkomsten (zorgovereenkomst_id),
  dagen_per_week integer NOT NULL CHECK (dagen_per_week BETWEEN 1 AND 7),
  loonadministratie boolean NOT NULL,
  heffingskorting boolean NOT NULL,
  vast_contract boolean NOT NULL,
  versie integer NOT NULL,
  op timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  CHECK (loonadministratie OR NOT heffingskorting)
);

CREATE TABLE loonafspraak_versies (
  zorgovereenkomst_id text NOT NULL REFERENCES zorgovereenkomsten (zorgovereenkomst_id),
  versie integer NOT NULL,
  dagen_per_week integer NOT NULL,
  loonadministratie boolean NOT NULL,
  heffingskorting boolean NOT NULL,
  vast_contract boolean NOT NULL,
  reden text NOT NULL,
  actor text NOT NULL,
  op timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (zorgovereenkomst_id, versie)
);

-- One payroll run: all payslips it made commit together with their bookings.
CREATE TABLE loonruns (
  loonrun_id text PRIMARY KEY,
  periode text NOT NULL,
  actor text NOT NULL,
  op timestamptz NOT NULL DEFAULT now(),
  aantal integer NOT NULL
);

-- A payslip: one agreement, one month, one version. A later claim or a recalculation of a month
-- makes a new version (a correction payslip); earlier versions are never changed. The `verschil_*`
-- columns are the difference with the previous version of the same month.
CREATE TABLE loonstroken (
  loonstrook_id text PRIMARY KEY,
  loonrun_id text NOT NULL REFERENCES loonruns (loonrun_id),
  zorgovereenkomst_id text NOT NULL REFERENCES zorgovereenkomsten (zorgovereenkomst_id),
  budgethouder_id bigint NOT NULL REFERENCES budgethouders (id),
  zorgverlener_id text NOT NULL REFERENCES zorgverleners (zorgverlener_id),
  periode text NOT NULL CHECK (periode ~ '^[0-9]{4}-[0-9]{2}$'),
  versie integer NOT NULL CHECK (versie >= 1),
  brutoloon bigint NOT NULL,
  loonheffing bigint NOT NULL,
  nettoloon bigint NOT NULL,
  werkgeverspremies bigint NOT NULL,
  af_te_dragen bigint NOT NULL,
  verschil_bruto bigint NOT NULL,
  verschil_loonheffing bigint NOT NULL,
  verschil_premies bigint NOT NULL,
  uitkomst jsonb NOT NULL,
  op timestamptz NOT NULL DEFAULT now(),
  UNIQUE (zorgovereenkomst_id, periode, versie),
  CHECK (nettoloon = brutoloon - loonheffing),
  CHECK (af_te_dragen = loonheffing + werkgeverspremies)
);
CREATE INDEX loonstroken_periode ON loonstroken (periode);
CREATE INDEX loonstroken_zorgverlener ON loonstroken (zorgverlener_id, periode);

-- Which claims' gross a payslip version took in (each claim's gross per month once), and how much
-- wage tax was withheld from it: the claim is paid `bruto - ingehouden` summed over its rows.
-- `ingehouden` is negative when a correction gives tax back.
CREATE TABLE loonstrook_declaraties (
  loonstrook_id text NOT NULL REFERENCES loonstroken (loonstrook_id),
  declaratie_id text NOT NULL REFERENCES declaraties (declaratie_id),
  bruto bigint NOT NULL CHECK (bruto >= 0),
  ingehouden bigint NOT NULL CHECK (ingehouden <= bruto),
  PRIMARY KEY (loonstrook_id, declaratie_id)
);
CREATE INDEX loonstrook_declaraties_declaratie ON loonstrook_declaraties (declaratie_id);

-- Employer premiums charged to a budget (negative: given back after a correction).
CREATE TABLE loon_lasten (
  loonstrook_id text NOT NULL REFERENCES loonstroken (loonstrook_id),
  budget_id text NOT NULL REFERENCES budgetten (budget_id),
  bedrag bigint NOT NULL CHECK (bedrag <> 0)
);
CREATE INDEX loon_lasten_budget ON loon_lasten (budget_id);
