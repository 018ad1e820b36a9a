-- The employment follow-up takes in completions in the order of their completion day and id
-- (a completion recorded late may have a lower id than one already followed).
CREATE INDEX enrolment_completed_order_idx ON enrolment (completed_on, id);
