-- Token buckets of the one throttling mechanism (sign-in, eligibility checks, public pages),
-- shared by every application node. updated_at_ms is epoch milliseconds, so the refill is
-- plain arithmetic on H2 and PostgreSQL alike.
CREATE TABLE throttle_bucket (
  bucket_key    VARCHAR(200)     NOT NULL PRIMARY KEY,
  tokens        DOUBLE PRECISION NOT NULL,
  updated_at_ms BIGINT           NOT NULL
);
CREATE INDEX throttle_bucket_updated_idx ON throttle_bucket (updated_at_ms);
