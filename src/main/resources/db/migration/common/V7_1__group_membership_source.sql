-- Where a group membership came from: the role of whoever recorded it (a province or city
-- officer's record is the registry's; provider staff only declare) and the path (an
-- officer's trainee-list import, a provider's roster file, the registry's service itself).
-- Memberships recorded before this was kept are UNRECORDED, their role unknown.
ALTER TABLE person_group ADD COLUMN recorder_role VARCHAR(32);
ALTER TABLE person_group ADD COLUMN channel VARCHAR(32) DEFAULT 'UNRECORDED' NOT NULL;
ALTER TABLE person_group ALTER COLUMN channel DROP DEFAULT;
ALTER TABLE person_group ADD CONSTRAINT person_group_channel_ck
  CHECK (channel IN ('REGISTRY_IMPORT', 'ROSTER_IMPORT', 'DIRECT', 'UNRECORDED'));
ALTER TABLE person_group ADD CONSTRAINT person_group_recorder_ck
  CHECK (recorder_role IS NOT NULL OR channel = 'UNRECORDED');
