-- Nothing reads attendance events by enrolment alone: a check-in looks up a person's
-- accepted events in the sessions it names (attendance_event_session_idx covers session and
-- enrolment), sheets by session, rates by class. The index only cost every insert a write.
DROP INDEX attendance_event_enrolment_idx;
