-- A provider's IBAN that the bank returned a transfer for is blocked until a new one is given:
-- payment runs hold that provider's claims (visibly) instead of sending them to the same account.
ALTER TABLE zorgverleners ADD COLUMN iban_geblokkeerd text;

-- Every IBAN a provider had, with who changed it and why. The current one is zorgverleners.iban.
CREATE TABLE zorgverlener_ibans (
  id bigserial PRIMARY KEY,
  zorgverlener_id text NOT NULL REFERENCES zorgverleners (zorgverlener_id),
  iban text NOT NULL,
  vorige_iban text,
  reden text NOT NULL,
  actor text NOT NULL,
  op timestamptz NOT NULL DEFAULT now()
);
