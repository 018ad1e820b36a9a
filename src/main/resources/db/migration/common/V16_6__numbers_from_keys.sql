-- An alert's, case's, complaint's and visit's number comes from its generated key: the
-- insert leaves it empty and the same transaction sets it (YJ, AJ, TS, FC and the id), so
-- no placeholder is needed; the numbers stay unique, and a clash on inserting an alert can
-- only be the live alert's key (two runs raising the same rule on the same subject).
ALTER TABLE risk_alert ALTER COLUMN alert_no DROP NOT NULL;
ALTER TABLE supervision_case ALTER COLUMN case_no DROP NOT NULL;
ALTER TABLE supervision_complaint ALTER COLUMN complaint_no DROP NOT NULL;
ALTER TABLE inspection_visit ALTER COLUMN visit_no DROP NOT NULL;
