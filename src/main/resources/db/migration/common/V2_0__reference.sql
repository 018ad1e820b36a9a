-- Reference data tables. Rows come from CSV files (classpath:reference/ by default) loaded by the
-- Java migration V2_1 in org.jixing.reference.internal.
CREATE TABLE plan (
  code           VARCHAR(32)  NOT NULL PRIMARY KEY,
  name_zh        VARCHAR(200) NOT NULL,
  name_en        VARCHAR(300) NOT NULL,
  document_no    VARCHAR(100),
  start_year     INT          NOT NULL,
  end_year       INT          NOT NULL,
  overall_target BIGINT       NOT NULL,
  version        INT          NOT NULL DEFAULT 0,
  CONSTRAINT plan_years_ck CHECK (end_year >= start_year),
  CONSTRAINT plan_target_ck CHECK (overall_target >= 0)
);

CREATE TABLE department (
  code       VARCHAR(32)  NOT NULL PRIMARY KEY,
  name_zh    VARCHAR(100) NOT NULL,
  name_en    VARCHAR(200) NOT NULL,
  sort_order INT          NOT NULL,
  version    INT          NOT NULL DEFAULT 0
);

CREATE TABLE region (
  code        VARCHAR(6)   NOT NULL PRIMARY KEY,
  name_zh     VARCHAR(100) NOT NULL,
  name_en     VARCHAR(200) NOT NULL,
  level       VARCHAR(10)  NOT NULL,
  parent_code VARCHAR(6)   REFERENCES region (code),
  sort_order  INT          NOT NULL,
  version     INT          NOT NULL DEFAULT 0,
  CONSTRAINT region_level_ck CHECK (level IN ('PROVINCE', 'CITY', 'COUNTY'))
);
CREATE INDEX region_parent_idx ON region (parent_code);

CREATE TABLE action_line (
  code       VARCHAR(16)   NOT NULL PRIMARY KEY,
  plan_code  VARCHAR(32)   NOT NULL REFERENCES plan (code),
  number     INT           NOT NULL,
  name_zh    VARCHAR(200)  NOT NULL,
  name_en    VARCHAR(300)  NOT NULL,
  summary_zh VARCHAR(2000),
  summary_en VARCHAR(2000),
  version    INT           NOT NULL DEFAULT 0,
  CONSTRAINT action_line_number_uk UNIQUE (plan_code, number)
);

CREATE TABLE action_line_department (
  line_code       VARCHAR(16) NOT NULL REFERENCES action_line (code),
  department_code VARCHAR(32) NOT NULL REFERENCES department (code),
  sort_order      INT         NOT NULL,
  PRIMARY KEY (line_code, department_code)
);

CREATE TABLE sub_target (
  code          VARCHAR(16)  NOT NULL PRIMARY KEY,
  line_code     VARCHAR(16)  NOT NULL REFERENCES action_line (code),
  name_zh       VARCHAR(300) NOT NULL,
  name_en       VARCHAR(400) NOT NULL,
  annual_target BIGINT,
  at_least      BOOLEAN      NOT NULL DEFAULT TRUE,
  sort_order    INT          NOT NULL,
  version       INT          NOT NULL DEFAULT 0,
  CONSTRAINT sub_target_target_ck CHECK (annual_target IS NULL OR annual_target >= 0)
);
CREATE INDEX sub_target_line_idx ON sub_target (line_code);

CREATE TABLE skill_level (
  code    VARCHAR(32)  NOT NULL PRIMARY KEY,
  rank    INT          NOT NULL,
  name_zh VARCHAR(50)  NOT NULL,
  name_en VARCHAR(100) NOT NULL,
  grade   INT,
  version INT          NOT NULL DEFAULT 0,
  CONSTRAINT skill_level_rank_uk UNIQUE (rank),
  CONSTRAINT skill_level_grade_ck CHECK (grade IS NULL OR grade BETWEEN 1 AND 5)
);

CREATE TABLE trainee_group (
  code       VARCHAR(32)  NOT NULL PRIMARY KEY,
  name_zh    VARCHAR(100) NOT NULL,
  name_en    VARCHAR(200) NOT NULL,
  sort_order INT          NOT NULL,
  version    INT          NOT NULL DEFAULT 0
);

CREATE TABLE occupation (
  code          VARCHAR(32)  NOT NULL PRIMARY KEY,
  national_code VARCHAR(16),
  name_zh       VARCHAR(100) NOT NULL,
  name_en       VARCHAR(200) NOT NULL,
  line_code     VARCHAR(16)  REFERENCES action_line (code),
  active        BOOLEAN      NOT NULL DEFAULT TRUE,
  version       INT          NOT NULL DEFAULT 0,
  CONSTRAINT occupation_national_code_uk UNIQUE (national_code)
);
CREATE INDEX occupation_line_idx ON occupation (line_code);
