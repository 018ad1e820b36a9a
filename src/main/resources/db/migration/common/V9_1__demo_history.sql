-- The demo's past is generated in the background after the live part; this says it finished.
ALTER TABLE demo_run ADD COLUMN history_completed_at TIMESTAMP WITH TIME ZONE;
