-- The rows of a contribution file on their way in: valid rows only, the ID number as its
-- blind index. Emptied when the import ends. Unlogged: a crash empties it, and an import
-- that finds its staged rows gone after a restart stages its file again (the file is kept
-- until the import ends).
CREATE UNLOGGED TABLE contribution_staging (
  import_id      BIGINT      NOT NULL,
  row_no         INT         NOT NULL,
  id_index       VARCHAR(64) NOT NULL,
  employer_code  VARCHAR(18) NOT NULL,
  month_no       INT         NOT NULL,
  base_fen       BIGINT      NOT NULL
);
