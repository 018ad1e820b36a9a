-- Issue 19 item 6, the subsidy on employment: a rules component paid for a trainee the
-- social-insurance records show employed within N months after the month the class ended,
-- and claims of their own kind (EMPLOYMENT) beside the completion claims.

-- The employment component of a rules version: N months and the amount per employed
-- trainee (at most one per version; a version without it pays nothing on employment).
CREATE TABLE subsidy_employment_pay (
  rule_set_id    BIGINT  PRIMARY KEY REFERENCES subsidy_rule_set (id),
  within_months  INT     NOT NULL,
  amount_fen     BIGINT  NOT NULL,
  CONSTRAINT subsidy_employment_pay_months_ck CHECK (within_months BETWEEN 1 AND 24),
  CONSTRAINT subsidy_employment_pay_amount_ck CHECK (amount_fen >= 0)
);

-- A claim and its lines are of a kind: COMPLETION (the claims so far) or EMPLOYMENT. A class
-- has one standing claim of each kind, and an enrolment one standing line of each kind: an
-- enrolment claimed for employment cannot be claimed for employment again, and the
-- completion line of the same enrolment is untouched.
ALTER TABLE subsidy_claim ADD COLUMN kind VARCHAR(16) DEFAULT 'COMPLETION' NOT NULL;
ALTER TABLE subsidy_claim ADD CONSTRAINT subsidy_claim_kind_ck CHECK (kind IN ('COMPLETION','EMPLOYMENT'));
ALTER TABLE subsidy_claim DROP CONSTRAINT subsidy_claim_class_uk;
ALTER TABLE subsidy_claim ADD CONSTRAINT subsidy_claim_class_uk UNIQUE (class_id, kind, live);

ALTER TABLE subsidy_claim_line ADD COLUMN kind VARCHAR(16) DEFAULT 'COMPLETION' NOT NULL;
ALTER TABLE subsidy_claim_line ADD CONSTRAINT subsidy_claim_line_kind_ck CHECK (kind IN ('COMPLETION','EMPLOYMENT'));
ALTER TABLE subsidy_claim_line DROP CONSTRAINT subsidy_claim_line_enrolment_uk;
ALTER TABLE subsidy_claim_line ADD CONSTRAINT subsidy_claim_line_enrolment_uk UNIQUE (enrolment_id, kind, live);
