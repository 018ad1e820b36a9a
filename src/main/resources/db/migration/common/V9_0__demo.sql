-- Marks that the demo province was generated, with which seed, so it is generated once.
CREATE TABLE demo_run (
  id           INT          NOT NULL PRIMARY KEY,
  seed         BIGINT       NOT NULL,
  generated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
