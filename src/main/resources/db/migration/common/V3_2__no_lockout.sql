-- Failed sign-ins are throttled per account and client address (throttle_bucket), not
-- counted on the account: a stranger can no longer lock anyone out.
ALTER TABLE app_user DROP COLUMN failed_attempts;
ALTER TABLE app_user DROP COLUMN locked_until;
