-- Rules about money and records that a CHECK or a foreign key cannot say (issue 16, item 7;
-- docs/integrity.md). Rules that span rows written one after the other in one transaction
-- (a claim and its lines, a transaction and its postings, an enrolment and its subsidy
-- slot) are constraint triggers deferred to the commit, so every legitimate write order
-- works. Each refusal is a check_violation naming its rule. V14_0 checked the rows already
-- there.

-- A claim's total is the sum of its lines. Checked once per claim at the commit: the first
-- check of a claim in a transaction is remembered, since nothing changes between the
-- deferred checks of one commit.
CREATE FUNCTION jixing_claim_total_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  claim BIGINT;
  total BIGINT;
  line_sum BIGINT;
  checked TEXT;
BEGIN
  IF TG_TABLE_NAME = 'subsidy_claim' THEN
    claim := NEW.id;
  ELSIF TG_OP = 'DELETE' THEN
    claim := OLD.claim_id;
  ELSE
    claim := NEW.claim_id;
  END IF;
  checked := coalesce(current_setting('jixing.claims_checked', true), '');
  IF position(',' || claim || ',' IN checked) > 0 THEN
    RETURN NULL;
  END IF;
  SELECT amount_fen INTO total FROM subsidy_claim WHERE id = claim;
  IF FOUND THEN
    SELECT coalesce(sum(amount_fen), 0) INTO line_sum FROM subsidy_claim_line WHERE claim_id = claim;
    IF total <> line_sum THEN
      RAISE EXCEPTION 'subsidy_claim_total: claim % totals % fen but its lines sum to % fen', claim, total, line_sum
        USING ERRCODE = 'check_violation', CONSTRAINT = 'subsidy_claim_total';
    END IF;
  END IF;
  PERFORM set_config('jixing.claims_checked', CASE WHEN checked = '' THEN ',' ELSE checked END || claim || ',', true);
  RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER subsidy_claim_total AFTER INSERT OR UPDATE OF amount_fen ON subsidy_claim
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION jixing_claim_total_check();
CREATE CONSTRAINT TRIGGER subsidy_claim_line_total AFTER INSERT OR UPDATE OF amount_fen OR DELETE
  ON subsidy_claim_line DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION jixing_claim_total_check();

-- Once approved, a claim's money no longer changes: its figures, its payee, its lines, and
-- it never goes back to review.
CREATE FUNCTION jixing_claim_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status IN ('APPROVED', 'IN_PAYMENT', 'PAID') AND (NEW.status NOT IN ('APPROVED', 'IN_PAYMENT', 'PAID')
      OR NEW.amount_fen <> OLD.amount_fen OR NEW.trainees <> OLD.trainees OR NEW.class_id <> OLD.class_id
      OR NEW.provider_id <> OLD.provider_id OR NEW.fund_source_code <> OLD.fund_source_code
      OR NEW.budget_id IS DISTINCT FROM OLD.budget_id OR NEW.payee_name <> OLD.payee_name
      OR NEW.payee_account <> OLD.payee_account OR NEW.payee_bank <> OLD.payee_bank
      OR (OLD.status = 'PAID' AND NEW.status <> 'PAID')) THEN
    RAISE EXCEPTION 'subsidy_claim_frozen: claim % is % and its money no longer changes', OLD.id, OLD.status
      USING ERRCODE = 'check_violation', CONSTRAINT = 'subsidy_claim_frozen';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER subsidy_claim_frozen BEFORE UPDATE ON subsidy_claim
  FOR EACH ROW EXECUTE FUNCTION jixing_claim_frozen();

-- A line's figures are written once; a line joins or leaves a claim, or stops standing,
-- only before approval. (Columns added later, such as evidence notes, may change.)
CREATE FUNCTION jixing_claim_line_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  claim_status VARCHAR(24);
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW.claim_id <> OLD.claim_id OR NEW.enrolment_id <> OLD.enrolment_id
        OR NEW.person_id <> OLD.person_id OR NEW.training_year <> OLD.training_year OR NEW.tier <> OLD.tier
        OR NEW.standard_fen <> OLD.standard_fen OR NEW.group_code IS DISTINCT FROM OLD.group_code
        OR NEW.adjust_percent <> OLD.adjust_percent OR NEW.cap_kind IS DISTINCT FROM OLD.cap_kind
        OR NEW.cap_cut_fen <> OLD.cap_cut_fen OR NEW.amount_fen <> OLD.amount_fen THEN
      RAISE EXCEPTION 'subsidy_claim_line_frozen: the figures of claim line % are written once', OLD.id
        USING ERRCODE = 'check_violation', CONSTRAINT = 'subsidy_claim_line_frozen';
    END IF;
    IF NEW.live IS NOT DISTINCT FROM OLD.live THEN
      RETURN NEW;
    END IF;
  END IF;
  SELECT status INTO claim_status FROM subsidy_claim
    WHERE id = CASE WHEN TG_OP = 'INSERT' THEN NEW.claim_id ELSE OLD.claim_id END;
  IF claim_status IN ('APPROVED', 'IN_PAYMENT', 'PAID') THEN
    RAISE EXCEPTION 'subsidy_claim_frozen: claim % is % and its lines no longer change',
      CASE WHEN TG_OP = 'INSERT' THEN NEW.claim_id ELSE OLD.claim_id END, claim_status
      USING ERRCODE = 'check_violation', CONSTRAINT = 'subsidy_claim_frozen';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;

CREATE TRIGGER subsidy_claim_line_frozen BEFORE INSERT OR UPDATE OR DELETE ON subsidy_claim_line
  FOR EACH ROW EXECUTE FUNCTION jixing_claim_line_frozen();

-- PAID only with a paid payment line of the claim's amount, and a paid line stays paid.
CREATE FUNCTION jixing_claim_paid_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM payment_line p WHERE p.claim_id = NEW.id AND p.status = 'PAID'
      AND p.amount_fen = NEW.amount_fen) AND EXISTS (SELECT 1 FROM subsidy_claim c WHERE c.id = NEW.id
      AND c.status = 'PAID') THEN
    RAISE EXCEPTION 'subsidy_claim_paid: claim % is PAID without a paid payment line of its amount', NEW.id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'subsidy_claim_paid';
  END IF;
  RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER subsidy_claim_paid AFTER INSERT OR UPDATE OF status ON subsidy_claim
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.status = 'PAID')
  EXECUTE FUNCTION jixing_claim_paid_check();

CREATE FUNCTION jixing_payment_line_paid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'PAID' AND (TG_OP = 'DELETE' OR NEW.status <> 'PAID' OR NEW.amount_fen <> OLD.amount_fen
      OR NEW.claim_id <> OLD.claim_id OR NEW.live IS DISTINCT FROM OLD.live
      OR NEW.payee_account <> OLD.payee_account) THEN
    RAISE EXCEPTION 'payment_line_paid: payment line % was paid and stays as paid', OLD.id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'payment_line_paid';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;

CREATE TRIGGER payment_line_paid BEFORE UPDATE OR DELETE ON payment_line
  FOR EACH ROW EXECUTE FUNCTION jixing_payment_line_paid();

-- A subsidised enrolment (not withdrawn) holds a subsidy slot of its class's year and the
-- subsidised qualification of its class's occupation and level.
CREATE FUNCTION jixing_enrolment_subsidy_check(enrolment_ref BIGINT) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  e RECORD;
BEGIN
  SELECT n.id, n.person_id, n.subsidised, n.status, extract(year FROM c.start_date)::int AS training_year,
      c.occupation_code, c.level_code
    INTO e FROM enrolment n JOIN training_class c ON c.id = n.class_id WHERE n.id = enrolment_ref;
  IF NOT FOUND OR NOT e.subsidised OR e.status = 'WITHDRAWN' THEN
    RETURN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM subsidy_slot s WHERE s.enrolment_id = e.id AND s.person_id = e.person_id
      AND s.training_year = e.training_year) THEN
    RAISE EXCEPTION 'enrolment_subsidy_held: subsidised enrolment % holds no subsidy slot of %', e.id, e.training_year
      USING ERRCODE = 'check_violation', CONSTRAINT = 'enrolment_subsidy_held';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM subsidised_qualification q WHERE q.enrolment_id = e.id AND q.person_id = e.person_id
      AND q.occupation_code = e.occupation_code AND q.level_code = e.level_code) THEN
    RAISE EXCEPTION 'enrolment_subsidy_held: subsidised enrolment % holds no subsidised qualification % %', e.id,
      e.occupation_code, e.level_code
      USING ERRCODE = 'check_violation', CONSTRAINT = 'enrolment_subsidy_held';
  END IF;
END;
$$;

CREATE FUNCTION jixing_enrolment_subsidy() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'enrolment' THEN
    PERFORM jixing_enrolment_subsidy_check(NEW.id);
  ELSE
    PERFORM jixing_enrolment_subsidy_check(OLD.enrolment_id);
  END IF;
  RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER enrolment_subsidy_held AFTER INSERT OR UPDATE OF subsidised, status, class_id, person_id
  ON enrolment DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (NEW.subsidised AND NEW.status <> 'WITHDRAWN') EXECUTE FUNCTION jixing_enrolment_subsidy();
CREATE CONSTRAINT TRIGGER subsidy_slot_held AFTER UPDATE OR DELETE ON subsidy_slot
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION jixing_enrolment_subsidy();
CREATE CONSTRAINT TRIGGER subsidised_qualification_held AFTER UPDATE OR DELETE ON subsidised_qualification
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION jixing_enrolment_subsidy();

-- The ledger is append-only (an error is undone by a reversal), and each transaction's
-- postings sum to zero and move its amount.
CREATE FUNCTION jixing_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger_append_only: % rows are never changed or deleted; enter a reversal', TG_TABLE_NAME
    USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_append_only';
END;
$$;

CREATE TRIGGER ledger_transaction_append_only BEFORE UPDATE OR DELETE ON ledger_transaction
  FOR EACH ROW EXECUTE FUNCTION jixing_ledger_append_only();
CREATE TRIGGER ledger_posting_append_only BEFORE UPDATE OR DELETE ON ledger_posting
  FOR EACH ROW EXECUTE FUNCTION jixing_ledger_append_only();

CREATE FUNCTION jixing_ledger_balance_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  tx BIGINT;
  amount BIGINT;
  total BIGINT;
  debits BIGINT;
BEGIN
  -- Separate statements: PL/pgSQL resolves NEW's fields per table.
  IF TG_TABLE_NAME = 'ledger_transaction' THEN
    tx := NEW.id;
  ELSE
    tx := NEW.transaction_id;
  END IF;
  SELECT t.amount_fen, coalesce(sum(p.amount_fen), 0), coalesce(sum(CASE WHEN p.amount_fen > 0 THEN p.amount_fen END), 0)
    INTO amount, total, debits
    FROM ledger_transaction t LEFT JOIN ledger_posting p ON p.transaction_id = t.id WHERE t.id = tx GROUP BY t.amount_fen;
  IF total <> 0 OR debits <> amount THEN
    RAISE EXCEPTION 'ledger_transaction_balanced: transaction % of % fen has postings summing to % fen (debits % fen)',
      tx, amount, total, debits
      USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_transaction_balanced';
  END IF;
  RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER ledger_transaction_balanced AFTER INSERT ON ledger_transaction
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION jixing_ledger_balance_check();
CREATE CONSTRAINT TRIGGER ledger_posting_balanced AFTER INSERT ON ledger_posting
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION jixing_ledger_balance_check();

-- A class's roster (those not withdrawn) never exceeds its capacity. The class row is
-- locked while counting, so two enrolments racing for the last place cannot both pass.
CREATE FUNCTION jixing_class_capacity_check(class_ref BIGINT) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  places INT;
  roster BIGINT;
BEGIN
  SELECT capacity INTO places FROM training_class WHERE id = class_ref FOR NO KEY UPDATE;
  SELECT count(*) INTO roster FROM enrolment WHERE class_id = class_ref AND status <> 'WITHDRAWN';
  IF roster > places THEN
    RAISE EXCEPTION 'training_class_capacity: class % has % places and % on its roster', class_ref, places, roster
      USING ERRCODE = 'check_violation', CONSTRAINT = 'training_class_capacity';
  END IF;
END;
$$;

CREATE FUNCTION jixing_class_capacity() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  class_ref BIGINT;
BEGIN
  IF TG_TABLE_NAME = 'training_class' THEN
    PERFORM jixing_class_capacity_check(NEW.id);
  ELSIF TG_LEVEL = 'STATEMENT' THEN
    FOR class_ref IN SELECT DISTINCT class_id FROM added_enrolment WHERE status <> 'WITHDRAWN' ORDER BY class_id LOOP
      PERFORM jixing_class_capacity_check(class_ref);
    END LOOP;
  ELSE
    PERFORM jixing_class_capacity_check(NEW.class_id);
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER training_class_capacity AFTER UPDATE OF capacity ON training_class
  FOR EACH ROW WHEN (NEW.capacity < OLD.capacity) EXECUTE FUNCTION jixing_class_capacity();
CREATE TRIGGER enrolment_capacity AFTER INSERT ON enrolment REFERENCING NEW TABLE AS added_enrolment
  FOR EACH STATEMENT EXECUTE FUNCTION jixing_class_capacity();
CREATE TRIGGER enrolment_capacity_return AFTER UPDATE OF status, class_id ON enrolment
  FOR EACH ROW WHEN (NEW.status <> 'WITHDRAWN' AND (OLD.status = 'WITHDRAWN' OR NEW.class_id <> OLD.class_id))
  EXECUTE FUNCTION jixing_class_capacity();
