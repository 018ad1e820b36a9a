-- What the supervision rules read from training, set-based over a window of time: the
-- accepted check-ins of a period (a nightly scan reads one day of the province's events),
-- the sessions of a period (a person in two classes at once), the enrolments and
-- completions of a period by provider (surges).
CREATE INDEX attendance_event_occurred_idx ON attendance_event (occurred_at);
CREATE INDEX class_session_starts_idx ON class_session (starts_at);
CREATE INDEX enrolment_enrolled_idx ON enrolment (enrolled_at, provider_id);
CREATE INDEX enrolment_completed_idx ON enrolment (completed_on, provider_id);

-- A teacher is one person across providers: the ID number, stored like a trainee's
-- (encrypted, with a blind index to find equal numbers without decrypting), so the rules
-- see one teacher registered by two providers under two qualification numbers. Optional
-- for the teachers registered before it was asked.
ALTER TABLE teacher ADD COLUMN id_number_cipher VARCHAR(200);
ALTER TABLE teacher ADD COLUMN id_number_index VARCHAR(64);
CREATE INDEX teacher_id_number_idx ON teacher (id_number_index);
