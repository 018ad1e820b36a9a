package org.jixing.training.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jixing.shared.bulk.BulkWriter;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.DataScope;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeColumns;
import org.jixing.shared.scope.ScopeKind;
import org.jixing.shared.scope.ScopeSql;
import org.jixing.training.ImportMode;
import org.jixing.training.ImportStatus;
import org.jixing.training.RosterImport;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for roster and trainee-list imports and the outcomes of their rows. */
@Repository
public class RosterImportStore {

    /** Trainee-list imports are seen in their region's scope. */
    public static final ScopeColumns SCOPE = ScopeColumns.create().region("r.region_code");

    private static final String COLUMNS = """
            id, kind, class_id, region_code, file_name, file_format, file_charset, file_sha256, file_size, mode, self_funded, status,
            cancel_requested, rows_total, rows_done, rows_validated, rows_enrolled, rows_self_funded, rows_unchanged,
            rows_invalid, people_registered, failure, created_by, created_at, started_at, finished_at""";

    /** A new import, as the upload found it. */
    public record NewImport(Long classId, Long providerId, String regionCode, String lineCode, String fileName,
            String format, String charset, String sha256, long size, ImportMode mode, boolean selfFunded, int rowsTotal,
            CurrentUser owner, Instant createdAt) {
    }

    /** The counts of an import as they stand. */
    public record Counts(int done, int validated, int enrolled, int selfFunded, int unchanged, int invalid,
            int registered) {

        public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0);

        /** These counts moved on by those of a chunk. */
        public Counts plus(Counts chunk) {
            return new Counts(done + chunk.done, validated + chunk.validated, enrolled + chunk.enrolled,
                    selfFunded + chunk.selfFunded, unchanged + chunk.unchanged, invalid + chunk.invalid,
                    registered + chunk.registered);
        }

    }

    /** The outcome of a row that was not simply enrolled. */
    public record RowOutcome(int rowNo, String outcome, String problems) {
    }

    private final JdbcClient jdbc;

    private final BulkWriter bulk;

    RosterImportStore(JdbcClient jdbc, BulkWriter bulk) {
        this.jdbc = jdbc;
        this.bulk = bulk;
    }

    /**
     * Inserts a queued import holding its class; a second import of the same roster while
     * one runs fails on the key.
     */
    public long insert(NewImport i) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql(
                """
                        insert into roster_import (kind, class_id, active_key, provider_id, region_code, line_code, file_name,
                          file_format, file_charset, file_sha256, file_size, mode, self_funded, status, rows_total,
                          created_by, owner_id, owner_name, owner_role, owner_scope_kind, owner_scope_ref, created_at)
                        values (:kind, :c, :key, :p, :r, :l, :name, :format, :charset, :sha, :size, :mode, :sf, 'QUEUED', :total,
                          :by, :oid, :oname, :orole, :okind, :oref, :at)""")
            .param("kind", i.classId() == null ? "TRAINEES" : "ROSTER")
            .param("c", i.classId(), Types.BIGINT)
            .param("key", i.classId() == null ? "region:" + i.regionCode() : "class:" + i.classId())
            .param("p", i.providerId(), Types.BIGINT)
            .param("l", i.lineCode(), Types.VARCHAR)
            .param("r", i.regionCode())
            .param("name", i.fileName())
            .param("format", i.format())
            .param("charset", i.charset())
            .param("sha", i.sha256())
            .param("size", i.size())
            .param("mode", i.mode().name())
            .param("sf", i.selfFunded())
            .param("total", i.rowsTotal())
            .param("by", i.owner().username())
            .param("oid", i.owner().id())
            .param("oname", i.owner().displayName())
            .param("orole", i.owner().role().name())
            .param("okind", i.owner().scope().kind().name())
            .param("oref", i.owner().scope().ref())
            .param("at", Timestamp.from(i.createdAt()))
            .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<RosterImport> find(long classId, long id) {
        return jdbc.sql("select " + COLUMNS + " from roster_import where id = :id and class_id = :c")
            .param("id", id)
            .param("c", classId)
            .query(RosterImportStore::map)
            .optional();
    }

    public Optional<RosterImport> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from roster_import where id = :id")
            .param("id", id)
            .query(RosterImportStore::map)
            .optional();
    }

    /** A trainee-list import within a scope. */
    public Optional<RosterImport> findTrainees(long id, ScopeSql.Clause scope) {
        return jdbc
            .sql("select " + COLUMNS + " from roster_import r where id = :id and kind = 'TRAINEES' and " + scope.sql())
            .param("id", id)
            .params(scope.params())
            .query(RosterImportStore::map)
            .optional();
    }

    /** The latest trainee-list imports within a scope, newest first. */
    public List<RosterImport> trainees(ScopeSql.Clause scope, int limit) {
        return jdbc
            .sql("select " + COLUMNS + " from roster_import r where kind = 'TRAINEES' and " + scope.sql()
                    + " order by id desc fetch first :n rows only")
            .params(scope.params())
            .param("n", limit)
            .query(RosterImportStore::map)
            .list();
    }

    public boolean exists(long id) {
        return jdbc.sql("select count(*) from roster_import where id = :id")
            .param("id", id)
            .query(Long.class)
            .single() > 0;
    }

    /** The latest imports of a class, newest first. */
    public List<RosterImport> ofClass(long classId, int limit) {
        return jdbc
            .sql("select " + COLUMNS
                    + " from roster_import where class_id = :c order by id desc fetch first :n rows only")
            .param("c", classId)
            .param("n", limit)
            .query(RosterImportStore::map)
            .list();
    }

    /** The user an import acts for. */
    public CurrentUser owner(long id) {
        return jdbc.sql("""
                select owner_id, created_by, owner_name, owner_role, owner_scope_kind, owner_scope_ref
                from roster_import where id = :id""")
            .param("id", id)
            .query((rs, n) -> new CurrentUser(rs.getLong("owner_id"), rs.getString("created_by"),
                    rs.getString("owner_name"), Role.valueOf(rs.getString("owner_role")),
                    DataScope.of(ScopeKind.valueOf(rs.getString("owner_scope_kind")), rs.getString("owner_scope_ref"))))
            .single();
    }

    /** Imports that were queued or running when the application stopped. */
    public List<Long> unfinished() {
        return jdbc.sql("select id from roster_import where status in ('QUEUED', 'RUNNING') order by id")
            .query(Long.class)
            .list();
    }

    public void started(long id, Instant at) {
        jdbc.sql("update roster_import set status = 'RUNNING', started_at = coalesce(started_at, :at) where id = :id")
            .param("id", id)
            .param("at", Timestamp.from(at))
            .update();
    }

    public void counts(long id, Counts c) {
        jdbc.sql("""
                update roster_import set rows_done = :d, rows_validated = :v, rows_enrolled = :e,
                  rows_self_funded = :s, rows_unchanged = :u, rows_invalid = :i, people_registered = :p
                where id = :id""")
            .param("id", id)
            .param("d", c.done())
            .param("v", c.validated())
            .param("e", c.enrolled())
            .param("s", c.selfFunded())
            .param("u", c.unchanged())
            .param("i", c.invalid())
            .param("p", c.registered())
            .update();
    }

    /** Ends an import and frees its roster for the next one. */
    public void finish(long id, ImportStatus status, String failure, Instant at) {
        jdbc.sql("""
                update roster_import set status = :s, failure = :f, finished_at = :at, active_key = null
                where id = :id""")
            .param("id", id)
            .param("s", status.name())
            .param("f", failure == null ? null : failure.substring(0, Math.min(1000, failure.length())))
            .param("at", Timestamp.from(at))
            .update();
    }

    /** Asks a running import to stop; false when it had already finished. */
    public boolean requestCancel(long id) {
        return jdbc
            .sql("update roster_import set cancel_requested = true where id = :id and status in ('QUEUED', 'RUNNING')")
            .param("id", id)
            .update() == 1;
    }

    public boolean cancelRequested(long id) {
        return jdbc.sql("select cancel_requested from roster_import where id = :id")
            .param("id", id)
            .query(Boolean.class)
            .single();
    }

    public void insertRows(long importId, List<RowOutcome> rows) {
        bulk.write("roster_import_row", List.of("import_id", "row_no", "outcome", "problems"),
                rows.stream().map(r -> new Object[] { importId, r.rowNo(), r.outcome(), r.problems() }).toList());
    }

    /**
     * Records a chunk taken: the outcomes of its rows and the import's counts after it.
     */
    public void recordChunk(long importId, List<RowOutcome> rows, Counts counts) {
        insertRows(importId, rows);
        counts(importId, counts);
    }

    /**
     * Starts an import again from a row (0: from the start), forgetting the outcomes from
     * there on and setting the counts it resumes with.
     */
    public void restart(long importId, int fromRowNo, Counts counts) {
        deleteRowsFrom(importId, fromRowNo);
        counts(importId, counts);
    }

    /** Forgets the outcomes from a row on, for an import that starts again from there. */
    public void deleteRowsFrom(long importId, int rowNo) {
        jdbc.sql("delete from roster_import_row where import_id = :i and row_no >= :r")
            .param("i", importId)
            .param("r", rowNo)
            .update();
    }

    /** The outcomes of the rows that were not simply enrolled, by row number. */
    public Map<Integer, RowOutcome> rows(long importId) {
        Map<Integer, RowOutcome> rows = new HashMap<>();
        jdbc.sql("select row_no, outcome, problems from roster_import_row where import_id = :i")
            .param("i", importId)
            .query((rs, n) -> rows.put(rs.getInt("row_no"), outcome(rs)))
            .list();
        return rows;
    }

    /** The first outcomes of the invalid rows, in row order, for the page. */
    public List<RowOutcome> invalidRows(long importId, int limit) {
        return jdbc.sql("""
                select row_no, outcome, problems from roster_import_row
                where import_id = :i and outcome = 'INVALID' order by row_no fetch first :n rows only""")
            .param("i", importId)
            .param("n", limit)
            .query((rs, n) -> outcome(rs))
            .list();
    }

    private static RowOutcome outcome(ResultSet rs) throws SQLException {
        return new RowOutcome(rs.getInt("row_no"), rs.getString("outcome"), rs.getString("problems"));
    }

    private static RosterImport map(ResultSet rs, int n) throws SQLException {
        return new RosterImport(rs.getLong("id"), rs.getString("kind"), (Long) rs.getObject("class_id", Long.class),
                rs.getString("region_code"), rs.getString("file_name"), rs.getString("file_format"),
                rs.getString("file_charset"), rs.getString("file_sha256"), rs.getLong("file_size"),
                ImportMode.valueOf(rs.getString("mode")), rs.getBoolean("self_funded"),
                ImportStatus.valueOf(rs.getString("status")), rs.getBoolean("cancel_requested"),
                rs.getInt("rows_total"), rs.getInt("rows_done"), rs.getInt("rows_validated"),
                rs.getInt("rows_enrolled"), rs.getInt("rows_self_funded"), rs.getInt("rows_unchanged"),
                rs.getInt("rows_invalid"), rs.getInt("people_registered"), rs.getString("failure"),
                rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "started_at"),
                instant(rs, "finished_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

}
