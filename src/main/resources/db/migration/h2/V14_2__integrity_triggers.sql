-- The integrity rules H2 can keep (issue 16, item 7; docs/integrity.md says which it
-- keeps more narrowly than PostgreSQL's V14_1): Java triggers, run in the writing session.
CREATE TRIGGER subsidy_claim_rules BEFORE INSERT, UPDATE ON subsidy_claim FOR EACH ROW
  CALL 'org.jixing.subsidy.internal.H2SubsidyRules$ClaimChange';
CREATE TRIGGER subsidy_claim_line_frozen BEFORE INSERT, UPDATE, DELETE ON subsidy_claim_line FOR EACH ROW
  CALL 'org.jixing.subsidy.internal.H2SubsidyRules$ClaimLineChange';
CREATE TRIGGER payment_line_paid BEFORE UPDATE, DELETE ON payment_line FOR EACH ROW
  CALL 'org.jixing.subsidy.internal.H2SubsidyRules$PaymentLinePaid';
CREATE TRIGGER ledger_transaction_append_only BEFORE UPDATE, DELETE ON ledger_transaction FOR EACH ROW
  CALL 'org.jixing.subsidy.internal.H2SubsidyRules$LedgerAppendOnly';
CREATE TRIGGER ledger_posting_append_only BEFORE UPDATE, DELETE ON ledger_posting FOR EACH ROW
  CALL 'org.jixing.subsidy.internal.H2SubsidyRules$LedgerAppendOnly';
CREATE TRIGGER ledger_posting_bounds BEFORE INSERT ON ledger_posting FOR EACH ROW
  CALL 'org.jixing.subsidy.internal.H2SubsidyRules$LedgerPostingBounds';

CREATE TRIGGER enrolment_rules BEFORE UPDATE ON enrolment FOR EACH ROW
  CALL 'org.jixing.training.internal.H2TrainingRules$EnrolmentChange';
CREATE TRIGGER subsidy_slot_held BEFORE UPDATE, DELETE ON subsidy_slot FOR EACH ROW
  CALL 'org.jixing.training.internal.H2TrainingRules$SubsidyRelease';
CREATE TRIGGER subsidised_qualification_held BEFORE UPDATE, DELETE ON subsidised_qualification FOR EACH ROW
  CALL 'org.jixing.training.internal.H2TrainingRules$SubsidyRelease';
CREATE TRIGGER training_class_capacity BEFORE UPDATE ON training_class FOR EACH ROW
  CALL 'org.jixing.training.internal.H2TrainingRules$ClassCapacity';
