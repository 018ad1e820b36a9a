-- The groups a trainee held when their class started, recorded as they complete: progress
-- counts completions by trainee group from these (a person's groups change later).
CREATE TABLE enrolment_completion_group (
  enrolment_id  BIGINT      NOT NULL REFERENCES enrolment (id),
  group_code    VARCHAR(32) NOT NULL,
  PRIMARY KEY (enrolment_id, group_code)
);

-- Completions are now kept by day, so the progress report can be made for any date; the
-- reconciliation at start refills the table from the records.
DROP TABLE progress_rollup;
CREATE TABLE progress_rollup (
  training_year    INT          NOT NULL,
  completed_on     DATE         NOT NULL,
  line_code        VARCHAR(8)   NOT NULL,
  sub_target_code  VARCHAR(16)  NOT NULL,
  region_code      VARCHAR(6)   NOT NULL,
  provider_id      BIGINT       NOT NULL,
  occupation_code  VARCHAR(64)  NOT NULL,
  subsidised       BOOLEAN      NOT NULL,
  completions      BIGINT       NOT NULL,
  PRIMARY KEY (training_year, completed_on, line_code, sub_target_code, region_code, provider_id,
               occupation_code, subsidised)
);
CREATE INDEX progress_rollup_region_idx ON progress_rollup (region_code);

-- Completions by the trainee groups the trainees held (a trainee in two groups counts in both).
CREATE TABLE progress_group_rollup (
  training_year    INT          NOT NULL,
  training_month   INT          NOT NULL,
  line_code        VARCHAR(8)   NOT NULL,
  region_code      VARCHAR(6)   NOT NULL,
  group_code       VARCHAR(32)  NOT NULL,
  subsidised       BOOLEAN      NOT NULL,
  completions      BIGINT       NOT NULL,
  PRIMARY KEY (training_year, training_month, line_code, region_code, group_code, subsidised)
);

-- Unique persons who completed subsidised training in a year: in the province (ALL), a line
-- (LINE), a city (CITY) and a line in a city (LINE_CITY). Unique counts do not add up, so
-- each grouping is kept. line_code is '' where no line applies; region_code is the city's
-- code, or the province's for ALL and LINE, so the region scope reads the rows it may.
CREATE TABLE progress_unique (
  training_year    INT          NOT NULL,
  dimension        VARCHAR(16)  NOT NULL,
  line_code        VARCHAR(8)   NOT NULL,
  region_code      VARCHAR(6)   NOT NULL,
  persons          BIGINT       NOT NULL,
  PRIMARY KEY (training_year, dimension, line_code, region_code),
  CONSTRAINT progress_unique_dimension_ck CHECK (dimension IN ('ALL','LINE','CITY','LINE_CITY'))
);

ALTER TABLE progress_reconciliation ADD COLUMN detail VARCHAR(500);
