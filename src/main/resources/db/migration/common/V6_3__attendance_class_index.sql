-- A class's attendance (rates, sheets, completion) is read by class.
CREATE INDEX attendance_event_class_idx ON attendance_event (class_id, accepted);
