-- The enterprise registry: employers by unified social credit code (GB 32100, checked by the
-- application), name and region. Enterprise accounts are bound to a row here.
CREATE TABLE enterprise (
  credit_code  VARCHAR(18)  NOT NULL PRIMARY KEY,
  name         VARCHAR(200) NOT NULL,
  region_code  VARCHAR(6)   NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  version      INT          NOT NULL DEFAULT 0,
  CONSTRAINT enterprise_credit_code_ck CHECK (LENGTH(credit_code) = 18)
);
CREATE INDEX enterprise_region_idx ON enterprise (region_code, credit_code);
