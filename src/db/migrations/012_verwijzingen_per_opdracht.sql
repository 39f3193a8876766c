-- Issue #6: the references of the tables that claims, monthly pay and payment runs write in bulk
-- are checked once per statement instead of once per row.
--
-- A foreign key checks every inserted row on its own: a lookup of the parent row and a lock on it
-- (FOR KEY SHARE), which writes the parent's tuple header. A claim writes about thirteen rows with
-- fourteen such references; at 100,000 claims that was about 60% of the time PostgreSQL needs to
-- COPY them (docs/performance.md). Here the same rule is kept with the same guarantee, set-based:
--
-- * the child: after each INSERT statement (COPY included) one anti-join of the statement's new
--   rows (a transition table) against the parent; after an UPDATE that changes a reference, the
--   changed row is checked. A missing parent raises foreign_key_violation (SQLSTATE 23503, as the
--   foreign key did) and the statement, with its transaction, changes nothing.
-- * the parent: a DELETE, or a change of the key, of a row that a child still names raises
--   foreign_key_violation too. It first takes a SHARE lock on the child table, which waits for
--   every transaction that is writing children and keeps new ones out until it ends, so a child
--   cannot slip in between the check and the delete (the foreign key's lock did the same per row).
--   The platform deletes none of these parents; the check stands for whoever tries by hand.
--
-- Not covered: TRUNCATE of a parent alone (an administrator's act; a foreign key would refuse it).
-- The checks assume READ COMMITTED, the isolation every transaction of the platform uses.

-- TG_ARGV: triples (column of this table, parent table, key column of the parent).
CREATE FUNCTION check_references_statement() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  missing text;
BEGIN
  FOR i IN 0 .. TG_NARGS / 3 - 1 LOOP
    EXECUTE format(
      'SELECT n.%1$I::text FROM nieuw n WHERE n.%1$I IS NOT NULL AND NOT EXISTS (SELECT FROM %2$s p WHERE p.%3$I = n.%1$I) LIMIT 1',
      TG_ARGV[3 * i], TG_ARGV[3 * i + 1]::regclass, TG_ARGV[3 * i + 2]) INTO missing;
    IF missing IS NOT NULL THEN
      RAISE foreign_key_violation USING
        MESSAGE = format('%s.%s = %s verwijst naar geen rij van %s', TG_TABLE_NAME, TG_ARGV[3 * i], missing, TG_ARGV[3 * i + 1]),
        TABLE = TG_TABLE_NAME, COLUMN = TG_ARGV[3 * i];
    END IF;
  END LOOP;
  RETURN NULL;
END $$;

-- The same for one updated row (TG_ARGV as above); called only when a reference changed.
CREATE FUNCTION check_references_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  present boolean;
BEGIN
  FOR i IN 0 .. TG_NARGS / 3 - 1 LOOP
    EXECUTE format('SELECT ($1).%1$I IS NULL OR EXISTS (SELECT FROM %2$s p WHERE p.%3$I = ($1).%1$I)',
      TG_ARGV[3 * i], TG_ARGV[3 * i + 1]::regclass, TG_ARGV[3 * i + 2]) INTO present USING NEW;
    IF NOT present THEN
      RAISE foreign_key_violation USING
        MESSAGE = format('%s.%s verwijst naar geen rij van %s', TG_TABLE_NAME, TG_ARGV[3 * i], TG_ARGV[3 * i + 1]),
        TABLE = TG_TABLE_NAME, COLUMN = TG_ARGV[3 * i];
    END IF;
  END LOOP;
  RETURN NEW;
END $$;

-- On the parent, before DELETE or a change of its key. TG_ARGV: triples (key column of this table,
-- child table, column of the child).
CREATE FUNCTION refuse_referenced_parent() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  named boolean;
BEGIN
  FOR i IN 0 .. TG_NARGS / 3 - 1 LOOP
    EXECUTE format('LOCK TABLE %s IN SHARE MODE', TG_ARGV[3 * i + 1]::regclass);
    EXECUTE format('SELECT EXISTS (SELECT FROM %1$s c WHERE c.%2$I = ($1).%3$I)',
      TG_ARGV[3 * i + 1]::regclass, TG_ARGV[3 * i + 2], TG_ARGV[3 * i]) INTO named USING OLD;
    IF named THEN
      RAISE foreign_key_violation USING
        MESSAGE = format('%s wordt nog genoemd in %s.%s', TG_TABLE_NAME, TG_ARGV[3 * i + 1], TG_ARGV[3 * i + 2]),
        TABLE = TG_TABLE_NAME;
    END IF;
  END LOOP;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;

-- ---- the children ----

ALTER TABLE declaraties DROP CONSTRAINT declaraties_budgethouder_id_fkey;
ALTER TABLE declaraties DROP CONSTRAINT declaraties_zorgovereenkomst_id_fkey;
CREATE TRIGGER declaraties_verwijzingen AFTER INSERT ON declaraties REFERENCING NEW TABLE AS nieuw
  FOR EACH STATEMENT EXECUTE FUNCTION check_references_statement(
    'budgethouder_id', 'budgethouders', 'id', 'zorgovereenkomst_id', 'zorgovereenkomsten', 'zorgovereenkomst_id');
CREATE TRIGGER declaraties_verwijzingen_gewijzigd AFTER UPDATE ON declaraties FOR EACH ROW
  WHEN (OLD.budgethouder_id IS DISTINCT FROM NEW.budgethouder_id OR OLD.zorgovereenkomst_id IS DISTINCT FROM NEW.zorgovereenkomst_id)
  EXECUTE FUNCTION check_references_row(
    'budgethouder_id', 'budgethouders', 'id', 'zorgovereenkomst_id', 'zorgovereenkomsten', 'zorgovereenkomst_id');

ALTER TABLE declaratieregels DROP CONSTRAINT declaratieregels_declaratie_id_fkey;
CREATE TRIGGER declaratieregels_verwijzingen AFTER INSERT ON declaratieregels REFERENCING NEW TABLE AS nieuw
  FOR EACH STATEMENT EXECUTE FUNCTION check_references_statement('declaratie_id', 'declaraties', 'declaratie_id');
CREATE TRIGGER declaratieregels_verwijzingen_gewijzigd AFTER UPDATE ON declaratieregels FOR EACH ROW
  WHEN (OLD.declaratie_id IS DISTINCT FROM NEW.declaratie_id)
  EXECUTE FUNCTION check_references_row('declaratie_id', 'declaraties', 'declaratie_id');

ALTER TABLE declaratie_gebeurtenissen DROP CONSTRAINT declaratie_gebeurtenissen_declaratie_id_fkey;
CREATE TRIGGER declaratie_gebeurtenissen_verwijzingen AFTER INSERT ON declaratie_gebeurtenissen REFERENCING NEW TABLE AS nieuw
  FOR EACH STATEMENT EXECUTE FUNCTION check_references_statement('declaratie_id', 'declaraties', 'declaratie_id');
CREATE TRIGGER declaratie_gebeurtenissen_verwijzingen_gewijzigd AFTER UPDATE ON declaratie_gebeurtenissen FOR EACH ROW
  WHEN (OLD.declaratie_id IS DISTINCT FROM NEW.declaratie_id)
  EXECUTE FUNCTION check_references_row('declaratie_id', 'declaraties', 'declaratie_id');

ALTER TABLE declaratie_lasten DROP CONSTRAINT declaratie_lasten_declaratie_id_fkey;
ALTER TABLE declaratie_lasten DROP CONSTRAINT declaratie_lasten_budget_id_fkey;
CREATE TRIGGER declaratie_lasten_verwijzingen AFTER INSERT ON declaratie_lasten REFERENCING NEW TABLE AS nieuw
  FOR EACH STATEMENT EXECUTE FUNCTION check_references_statement(
    'declaratie_id', 'declaraties', 'declaratie_id', 'budget_id', 'budgetten', 'budget_id');
CREATE TRIGGER declaratie_lasten_verwijzingen_gewijzigd AFTER UPDATE ON declaratie_lasten FOR EACH ROW
  WHEN (OLD.declaratie_id IS DISTINCT FROM NEW.declaratie_id OR OLD.budget_id IS DISTINCT FROM NEW.budget_id)
  EXECUTE FUNCTION check_references_row('declaratie_id', 'declaraties', 'declaratie_id', 'budget_id', 'budgetten', 'budget_id');

ALTER TABLE boekingen DROP CONSTRAINT boekingen_journaalpost_id_fkey;
ALTER TABLE boekingen DROP CONSTRAINT boekingen_rekening_id_fkey;
CREATE TRIGGER boekingen_verwijzingen AFTER INSERT ON boekingen REFERENCING NEW TABLE AS nieuw
  FOR EACH STATEMENT EXECUTE FUNCTION check_references_statement(
    'journaalpost_id', 'journaalposten', 'id', 'rekening_id', 'rekeningen', 'id');
CREATE TRIGGER boekingen_verwijzingen_gewijzigd AFTER UPDATE ON boekingen FOR EACH ROW
  WHEN (OLD.journaalpost_id IS DISTINCT FROM NEW.journaalpost_id OR OLD.rekening_id IS DISTINCT FROM NEW.rekening_id)
  EXECUTE FUNCTION check_references_row('journaalpost_id', 'journaalposten', 'id', 'rekening_id', 'rekeningen', 'id');

ALTER TABLE betalingen DROP CONSTRAINT betalingen_betaalrun_id_fkey;
ALTER TABLE betalingen DROP CONSTRAINT betalingen_zorgverlener_id_fkey;
ALTER TABLE betalingen DROP CONSTRAINT betalingen_budgethouder_id_fkey;
CREATE TRIGGER betalingen_verwijzingen AFTER INSERT ON betalingen REFERENCING NEW TABLE AS nieuw
  FOR EACH STATEMENT EXECUTE FUNCTION check_references_statement(
    'betaalrun_id', 'betaalruns', 'betaalrun_id', 'zorgverlener_id', 'zorgverleners', 'zorgverlener_id', 'budgethouder_id', 'budgethouders', 'id');
CREATE TRIGGER betalingen_verwijzingen_gewijzigd AFTER UPDATE ON betalingen FOR EACH ROW
  WHEN (OLD.betaalrun_id IS DISTINCT FROM NEW.betaalrun_id OR OLD.zorgverlener_id IS DISTINCT FROM NEW.zorgverlener_id
    OR OLD.budgethouder_id IS DISTINCT FROM NEW.budgethouder_id)
  EXECUTE FUNCTION check_references_row(
    'betaalrun_id', 'betaalruns', 'betaalrun_id', 'zorgverlener_id', 'zorgverleners', 'zorgverlener_id', 'budgethouder_id', 'budgethouders', 'id');

ALTER TABLE betaalposten DROP CONSTRAINT betaalposten_betaling_id_fkey;
ALTER TABLE betaalposten DROP CONSTRAINT betaalposten_declaratie_id_fkey;
CREATE TRIGGER betaalposten_verwijzingen AFTER INSERT ON betaalposten REFERENCING NEW TABLE AS nieuw
  FOR EACH STATEMENT EXECUTE FUNCTION check_references_statement(
    'betaling_id', 'betalingen', 'betaling_id', 'declaratie_id', 'declaraties', 'declaratie_id');
CREATE TRIGGER betaalposten_verwijzingen_gewijzigd AFTER UPDATE ON betaalposten FOR EACH ROW
  WHEN (OLD.betaling_id IS DISTINCT FROM NEW.betaling_id OR OLD.declaratie_id IS DISTINCT FROM NEW.declaratie_id)
  EXECUTE FUNCTION check_references_row('betaling_id', 'betalingen', 'betaling_id', 'declaratie_id', 'declaraties', 'declaratie_id');

-- ---- the parents ----

CREATE TRIGGER declaraties_genoemd_verwijderd BEFORE DELETE ON declaraties FOR EACH ROW
  EXECUTE FUNCTION refuse_referenced_parent('declaratie_id', 'declaratieregels', 'declaratie_id', 'declaratie_id', 'declaratie_gebeurtenissen', 'declaratie_id',
    'declaratie_id', 'declaratie_lasten', 'declaratie_id', 'declaratie_id', 'betaalposten', 'declaratie_id');
CREATE TRIGGER declaraties_genoemd_sleutel BEFORE UPDATE OF declaratie_id ON declaraties FOR EACH ROW WHEN (OLD.declaratie_id IS DISTINCT FROM NEW.declaratie_id)
  EXECUTE FUNCTION refuse_referenced_parent('declaratie_id', 'declaratieregels', 'declaratie_id', 'declaratie_id', 'declaratie_gebeurtenissen', 'declaratie_id',
    'declaratie_id', 'declaratie_lasten', 'declaratie_id', 'declaratie_id', 'betaalposten', 'declaratie_id');

CREATE TRIGGER budgethouders_genoemd_verwijderd BEFORE DELETE ON budgethouders FOR EACH ROW
  EXECUTE FUNCTION refuse_referenced_parent('id', 'declaraties', 'budgethouder_id', 'id', 'betalingen', 'budgethouder_id');
CREATE TRIGGER budgethouders_genoemd_sleutel BEFORE UPDATE OF id ON budgethouders FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id)
  EXECUTE FUNCTION refuse_referenced_parent('id', 'declaraties', 'budgethouder_id', 'id', 'betalingen', 'budgethouder_id');

CREATE TRIGGER zorgovereenkomsten_genoemd_verwijderd BEFORE DELETE ON zorgovereenkomsten FOR EACH ROW
  EXECUTE FUNCTION refuse_referenced_parent('zorgovereenkomst_id', 'declaraties', 'zorgovereenkomst_id');
CREATE TRIGGER zorgovereenkomsten_genoemd_sleutel BEFORE UPDATE OF zorgovereenkomst_id ON zorgovereenkomsten FOR EACH ROW WHEN (OLD.zorgovereenkomst_id IS DISTINCT FROM NEW.zorgovereenkomst_id)
  EXECUTE FUNCTION refuse_referenced_parent('zorgovereenkomst_id', 'declaraties', 'zorgovereenkomst_id');

CREATE TRIGGER budgetten_genoemd_verwijderd BEFORE DELETE ON budgetten FOR EACH ROW
  EXECUTE FUNCTION refuse_referenced_parent('budget_id', 'declaratie_lasten', 'budget_id');
CREATE TRIGGER budgetten_genoemd_sleutel BEFORE UPDATE OF budget_id ON budgetten FOR EACH ROW WHEN (OLD.budget_id IS DISTINCT FROM NEW.budget_id)
  EXECUTE FUNCTION refuse_referenced_parent('budget_id', 'declaratie_lasten', 'budget_id');

CREATE TRIGGER journaalposten_genoemd_verwijderd BEFORE DELETE ON journaalposten FOR EACH ROW
  EXECUTE FUNCTION refuse_referenced_parent('id', 'boekingen', 'journaalpost_id');
CREATE TRIGGER journaalposten_genoemd_sleutel BEFORE UPDATE OF id ON journaalposten FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id)
  EXECUTE FUNCTION refuse_referenced_parent('id', 'boekingen', 'journaalpost_id');

CREATE TRIGGER rekeningen_genoemd_verwijderd BEFORE DELETE ON rekeningen FOR EACH ROW
  EXECUTE FUNCTION refuse_referenced_parent('id', 'boekingen', 'rekening_id');
CREATE TRIGGER rekeningen_genoemd_sleutel BEFORE UPDATE OF id ON rekeningen FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id)
  EXECUTE FUNCTION refuse_referenced_parent('id', 'boekingen', 'rekening_id');

CREATE TRIGGER betaalruns_genoemd_verwijderd BEFORE DELETE ON betaalruns FOR EACH ROW
  EXECUTE FUNCTION refuse_referenced_parent('betaalrun_id', 'betalingen', 'betaalrun_id');
CREATE TRIGGER betaalruns_genoemd_sleutel BEFORE UPDATE OF betaalrun_id ON betaalruns FOR EACH ROW WHEN (OLD.betaalrun_id IS DISTINCT FROM NEW.betaalrun_id)
  EXECUTE FUNCTION refuse_referenced_parent('betaalrun_id', 'betalingen', 'betaalrun_id');

CREATE TRIGGER betalingen_genoemd_verwijderd BEFORE DELETE ON betalingen FOR EACH ROW
  EXECUTE FUNCTION refuse_referenced_parent('betaling_id', 'betaalposten', 'betaling_id');
CREATE TRIGGER betalingen_genoemd_sleutel BEFORE UPDATE OF betaling_id ON betalingen FOR EACH ROW WHEN (OLD.betaling_id IS DISTINCT FROM NEW.betaling_id)
  EXECUTE FUNCTION refuse_referenced_parent('betaling_id', 'betaalposten', 'betaling_id');

CREATE TRIGGER zorgverleners_genoemd_verwijderd BEFORE DELETE ON zorgverleners FOR EACH ROW
  EXECUTE FUNCTION refuse_referenced_parent('zorgverlener_id', 'betalingen', 'zorgverlener_id');
CREATE TRIGGER zorgverleners_genoemd_sleutel BEFORE UPDATE OF zorgverlener_id ON zorgverleners FOR EACH ROW WHEN (OLD.zorgverlener_id IS DISTINCT FROM NEW.zorgverlener_id)
  EXECUTE FUNCTION refuse_referenced_parent('zorgverlener_id', 'betalingen', 'zorgverlener_id');
