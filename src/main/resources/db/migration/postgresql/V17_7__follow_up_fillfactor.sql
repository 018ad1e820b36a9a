-- An import recomputes the follow-ups of the people it touches in place; room left in each
-- page lets PostgreSQL update those rows without touching the table's five indexes (HOT
-- updates: no updated column is indexed). H2 has no such setting.
ALTER TABLE follow_up SET (fillfactor = 70);
