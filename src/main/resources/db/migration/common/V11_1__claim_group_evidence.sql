-- What each claim line's trainee-group adjustment rested on when it was priced: the
-- registry's record of the membership (REGISTRY: an officer recorded it) or only the
-- provider's declaration (DECLARED: its roster file), the path the membership came by, who
-- recorded it and which membership it was. Lines priced before this was kept have none.
ALTER TABLE subsidy_claim_line ADD COLUMN group_basis VARCHAR(16);
ALTER TABLE subsidy_claim_line ADD COLUMN group_channel VARCHAR(32);
ALTER TABLE subsidy_claim_line ADD COLUMN group_recorded_by VARCHAR(64);
ALTER TABLE subsidy_claim_line ADD COLUMN group_membership_id BIGINT;
ALTER TABLE subsidy_claim_line ADD CONSTRAINT subsidy_claim_line_group_basis_ck
  CHECK (group_basis IS NULL OR (group_basis IN ('REGISTRY', 'DECLARED') AND group_code IS NOT NULL
    AND group_channel IS NOT NULL AND group_recorded_by IS NOT NULL AND group_membership_id IS NOT NULL));

-- The claim's share of declared-only adjustments, kept with it as priced: lines a group
-- raised above the standard and the money above the standard, and of those the ones that
-- rest only on the provider's declaration.
ALTER TABLE subsidy_claim ADD COLUMN adjusted_lines INT DEFAULT 0 NOT NULL;
ALTER TABLE subsidy_claim ADD COLUMN declared_lines INT DEFAULT 0 NOT NULL;
ALTER TABLE subsidy_claim ADD COLUMN adjustment_fen BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE subsidy_claim ADD COLUMN declared_fen BIGINT DEFAULT 0 NOT NULL;
UPDATE subsidy_claim SET
  adjusted_lines = (SELECT count(*) FROM subsidy_claim_line l
    WHERE l.claim_id = subsidy_claim.id AND l.group_code IS NOT NULL AND l.adjust_percent > 0),
  adjustment_fen = (SELECT coalesce(sum(CASE WHEN l.amount_fen > l.standard_fen
      THEN l.amount_fen - l.standard_fen ELSE 0 END), 0) FROM subsidy_claim_line l
    WHERE l.claim_id = subsidy_claim.id AND l.group_code IS NOT NULL AND l.adjust_percent > 0);
ALTER TABLE subsidy_claim ADD CONSTRAINT subsidy_claim_declared_share_ck
  CHECK (declared_lines >= 0 AND declared_lines <= adjusted_lines AND declared_fen >= 0
    AND declared_fen <= adjustment_fen);
