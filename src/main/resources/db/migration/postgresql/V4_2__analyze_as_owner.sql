-- Only a table's owner may ANALYZE it, and the application's role owns no table (see
-- afterMigrate.sql). The bulk writer refreshes a table's statistics after a large COPY
-- (imports, the demo's past) through this function, which runs as the owner and does
-- nothing but ANALYZE a table of this schema.
DO $do$
BEGIN
  EXECUTE format($f$
    CREATE FUNCTION %1$I.jixing_analyze(table_name TEXT) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $body$
    BEGIN
      IF table_name !~ '^[a-z_][a-z0-9_]{0,62}$' THEN
        RAISE EXCEPTION 'not a table name: %%', table_name;
      END IF;
      EXECUTE format('ANALYZE %%I.%%I', %1$L, table_name);
    END;
    $body$ $f$, current_schema());
END;
$do$;
