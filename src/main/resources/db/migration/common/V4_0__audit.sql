-- The audit trail: append-only, each entry's hash covers the previous entry's hash.
CREATE TABLE audit_entry (
  seq          BIGINT       NOT NULL PRIMARY KEY,
  occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  actor        VARCHAR(64)  NOT NULL,
  actor_role   VARCHAR(32),
  remote_addr  VARCHAR(64),
  action       VARCHAR(100) NOT NULL,
  record_type  VARCHAR(64)  NOT NULL,
  record_id    VARCHAR(100) NOT NULL,
  before_json  TEXT,
  after_json   TEXT,
  prev_hash    VARCHAR(64)  NOT NULL,
  entry_hash   VARCHAR(64)  NOT NULL
);
CREATE INDEX audit_entry_record_idx ON audit_entry (record_type, record_id);
CREATE INDEX audit_entry_actor_idx ON audit_entry (actor);
CREATE INDEX audit_entry_time_idx ON audit_entry (occurred_at);

-- One row: the head of the chain. Appenders lock it, so entries are chained one at a time
-- even with several app nodes on one database.
CREATE TABLE audit_head (
  id        INT         NOT NULL PRIMARY KEY,
  last_seq  BIGINT      NOT NULL,
  last_hash VARCHAR(64) NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
