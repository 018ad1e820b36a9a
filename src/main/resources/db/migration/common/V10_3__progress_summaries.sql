-- Summaries of progress_rollup for the dashboards, kept with it (as completions arrive and
-- by the reconciliation): by month, line, sub-target and city; and by year, provider, line
-- and city. At ten million enrolments progress_rollup holds about half a million groups,
-- too many to sum per page view; these hold tens of thousands.
CREATE TABLE progress_month (
  training_year    INT          NOT NULL,
  training_month   INT          NOT NULL,
  line_code        VARCHAR(8)   NOT NULL,
  sub_target_code  VARCHAR(16)  NOT NULL,
  region_code      VARCHAR(6)   NOT NULL,
  subsidised       BOOLEAN      NOT NULL,
  completions      BIGINT       NOT NULL,
  PRIMARY KEY (training_year, training_month, line_code, sub_target_code, region_code, subsidised)
);

CREATE TABLE progress_provider_year (
  training_year    INT          NOT NULL,
  provider_id      BIGINT       NOT NULL,
  line_code        VARCHAR(8)   NOT NULL,
  region_code      VARCHAR(6)   NOT NULL,
  subsidised       BOOLEAN      NOT NULL,
  completions      BIGINT       NOT NULL,
  PRIMARY KEY (training_year, provider_id, line_code, region_code, subsidised)
);
