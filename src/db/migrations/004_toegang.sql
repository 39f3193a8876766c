-- Access to the HTTP API: people (local password or OpenID Connect), their sessions, chain
-- partners' systems (API clients), sign-in attempts for rate limiting, and the answers kept for
-- Idempotency-Key. Secrets are stored only as hashes: passwords argon2id, session tokens and API
-- client secrets SHA-256 (both are 256 random bits, so a fast hash cannot be brute-forced).

CREATE TABLE gebruikers (
  id bigserial PRIMARY KEY,
  gebruikersnaam text NOT NULL UNIQUE,
  naam text NOT NULL,
  rol text NOT NULL CHECK (rol IN ('budgethouder', 'vertegenwoordiger', 'zorgverlener', 'verstrekker', 'backoffice', 'auditor')),
  wachtwoord_hash text,
  oidc_issuer text,
  oidc_sub text,
  verstrekker text REFERENCES verstrekkers (code),
  zorgverlener_id text REFERENCES zorgverleners (zorgverlener_id),
  actief boolean NOT NULL DEFAULT true,
  aangemaakt_op timestamptz NOT NULL DEFAULT now(),
  UNIQUE (oidc_issuer, oidc_sub),
  CHECK ((oidc_issuer IS NULL) = (oidc_sub IS NULL)),
  -- a funder's staff belong to one funder, a provider's staff to one provider, nobody else to either
  CHECK ((rol = 'verstrekker') = (verstrekker IS NOT NULL)),
  CHECK ((rol = 'zorgverlener') = (zorgverlener_id IS NOT NULL))
);

-- The holders a budgethouder (one: themselves) or vertegenwoordiger (one or more) acts for.
CREATE TABLE gebruiker_budgethouders (
  gebruiker_id bigint NOT NULL REFERENCES gebruikers (id),
  budgethouder_id bigint NOT NULL REFERENCES budgethouders (id),
  PRIMARY KEY (gebruiker_id, budgethouder_id)
);
CREATE INDEX gebruiker_budgethouders_houder ON gebruiker_budgethouders (budgethouder_id);

-- A session: `id` is the SHA-256 of the token in the cookie, so the table holds nothing usable.
CREATE TABLE sessies (
  id text PRIMARY KEY,
  gebruiker_id bigint NOT NULL REFERENCES gebruikers (id),
  csrf_token text NOT NULL,
  aangemaakt_op timestamptz NOT NULL,
  laatst_gebruikt_op timestamptz NOT NULL,
  verloopt_op timestamptz NOT NULL,
  beeindigd_op timestamptz
);
CREATE INDEX sessies_gebruiker ON sessies (gebruiker_id) WHERE beeindigd_op IS NULL;

-- A chain partner's system acting for one funder: `Authorization: Bearer <client_id>.<secret>`.
CREATE TABLE api_clients (
  client_id text PRIMARY KEY,
  naam text NOT NULL,
  verstrekker text NOT NULL REFERENCES verstrekkers (code),
  secret_hash text NOT NULL,
  actief boolean NOT NULL DEFAULT true,
  aangemaakt_op timestamptz NOT NULL DEFAULT now()
);

-- Sign-in attempts per key (`gebruiker:<name>` and `ip:<address>`); never the password.
CREATE TABLE inlogpogingen (
  id bigserial PRIMARY KEY,
  sleutel text NOT NULL,
  op timestamptz NOT NULL,
  gelukt boolean NOT NULL
);
CREATE INDEX inlogpogingen_sleutel ON inlogpogingen (sleutel, op);

-- The first answer to a POST with an Idempotency-Key, per caller and key. `status` is NULL while
-- the first request is still being handled.
CREATE TABLE idempotentie (
  aanroeper text NOT NULL,
  sleutel text NOT NULL,
  methode text NOT NULL,
  pad text NOT NULL,
  inhoud_hash text NOT NULL,
  status integer,
  antwoord_type text,
  antwoord_headers jsonb,
  antwoord text,
  antwoord_base64 boolean NOT NULL DEFAULT false,
  aangemaakt_op timestamptz NOT NULL,
  PRIMARY KEY (aanroeper, sleutel)
);
CREATE INDEX idempotentie_oud ON idempotentie (aangemaakt_op);
