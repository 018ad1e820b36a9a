-- The province administrator's split of each sub-target's annual figure across the cities.
CREATE TABLE city_target (
  plan_year        INT          NOT NULL,
  sub_target_code  VARCHAR(16)  NOT NULL,
  region_code      VARCHAR(6)   NOT NULL,
  target           BIGINT       NOT NULL,
  updated_by       VARCHAR(64)  NOT NULL,
  updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (plan_year, sub_target_code, region_code),
  CONSTRAINT city_target_positive_ck CHECK (target >= 0)
);
