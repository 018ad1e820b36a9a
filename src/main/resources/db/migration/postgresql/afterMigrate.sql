-- The application's database role (spring.datasource.username) reads and writes rows and
-- owns nothing (issue 16, item 8): no DDL, no TRUNCATE, no UPDATE or DELETE of audit
-- entries, so it cannot disable the audit trigger or cut the trail. Flyway migrates as the
-- owner (spring.flyway.user, JIXING_DB_OWNER). A Flyway callback, run after every migrate,
-- so that splitting the roles of an existing installation is taken up at its next start
-- and tables added by later migrations are covered (default privileges too). Nothing to
-- do where one role does both (a laptop). README, "Running on PostgreSQL", shows the roles.
DO $$
DECLARE
  app TEXT := '${app_role}';
  owner TEXT := current_user;
  target TEXT := '${flyway:defaultSchema}';
  owned TEXT;
BEGIN
  IF app = '' OR app = owner THEN
    RETURN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app) THEN
    RAISE EXCEPTION 'the application role % (spring.datasource.username) does not exist', app;
  END IF;
  SELECT string_agg(c.relname, ', ') INTO owned FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = target AND c.relowner = (SELECT oid FROM pg_roles WHERE rolname = app);
  IF owned IS NOT NULL THEN
    RAISE EXCEPTION 'the application role % owns % in schema %: as the superuser, run REASSIGN OWNED BY % TO % (README, "Running on PostgreSQL")',
      app, owned, target, app, owner;
  END IF;
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', target, app);
  EXECUTE format('REVOKE CREATE ON SCHEMA %I FROM %I', target, app);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I', target, app);
  EXECUTE format('REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA %I FROM %I', target, app);
  EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', target, app);
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I',
    target, app);
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO %I', target, app);
  -- The trail is append-only for the application: it adds entries, never changes one.
  EXECUTE format('REVOKE UPDATE, DELETE ON %I.audit_entry FROM %I', target, app);
  -- The migration history is the owner's alone.
  EXECUTE format('REVOKE ALL ON %I.%I FROM %I', target, '${flyway:table}', app);
END;
$$;
