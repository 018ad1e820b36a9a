-- The completions progress has counted (statistics), one row each: the key that makes the
-- TrainingCompleted listener idempotent. Spring Modulith resubmits incomplete event
-- publications at start, on every node, so a completion may be delivered again; only the
-- delivery that writes this row counts it. The reconciliation writes the rows of the
-- deliveries still outstanding when it recounts (docs/events.md).
CREATE TABLE progress_counted_completion (
  enrolment_id BIGINT NOT NULL,
  CONSTRAINT progress_counted_completion_pk PRIMARY KEY (enrolment_id)
);
