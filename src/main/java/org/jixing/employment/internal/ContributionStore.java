package org.jixing.employment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jixing.employment.ContributionImport;
import org.jixing.employment.ContributionRow;
import org.jixing.employment.RefusedRow;
import org.jixing.shared.bulk.BulkWriter;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.DataScope;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeKind;
import org.jixing.training.ImportMode;
import org.jixing.training.ImportStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * SQL for contribution imports: the import and its counts, the staging table its valid
 * rows go into, the rows refused, and the matching that turns staged rows of followed
 * people into contribution months, all in the database.
 */
@Repository
public class ContributionStore {

    private static final String COLUMNS = """
            id, file_name, file_format, file_charset, file_sha256, file_size, mode, status, rows_total, rows_done, staged,
            rows_read, rows_matched, rows_not_trainee, rows_refused, rows_changed, failure, created_by, created_at,
            started_at, finished_at""";

    /** A new import, as the upload found it. */
    public record NewImport(String fileName, String format, String charset, String sha256, long size, ImportMode mode,
            int rowsTotal, String columnsAt, CurrentUser owner, Instant createdAt) {
    }

    /** Where staging stands: the last row committed, rows read, refused and staged. */
    public record Progress(int rowsDone, int rowsRead, int rowsRefused, int rowsStaged) {

        public static final Progress ZERO = new Progress(0, 0, 0, 0);

    }

    private final JdbcClient jdbc;

    private final BulkWriter bulk;

    ContributionStore(JdbcClient jdbc, BulkWriter bulk) {
        this.jdbc = jdbc;
        this.bulk = bulk;
    }

    /** Inserts a queued import; a second one while one runs fails on the key. */
    public long insert(NewImport i) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql(
                """
                        insert into contribution_import (active_key, file_name, file_format, file_charset, file_sha256, file_size,
                          mode, status, rows_total, columns_at, owner_id, created_by, owner_name, owner_role, owner_scope_kind, owner_scope_ref,
                          created_at)
                        values ('RUNNING', :name, :format, :charset, :sha, :size, :mode, 'QUEUED', :total, :cols, :oid, :by, :oname,
                          :orole, :okind, :oref, :at)""")
            .param("name", i.fileName())
            .param("format", i.format())
            .param("charset", i.charset())
            .param("sha", i.sha256())
            .param("size", i.size())
            .param("mode", i.mode().name())
            .param("total", i.rowsTotal())
            .param("cols", i.columnsAt())
            .param("oid", i.owner().id())
            .param("by", i.owner().username())
            .param("oname", i.owner().displayName())
            .param("orole", i.owner().role().name())
            .param("okind", i.owner().scope().kind().name())
            .param("oref", i.owner().scope().ref())
            .param("at", Timestamp.from(i.createdAt()))
            .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<ContributionImport> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from contribution_import where id = :id")
            .param("id", id)
            .query(ContributionStore::map)
            .optional();
    }

    /** The latest imports, newest first. */
    public List<ContributionImport> latest(int limit) {
        return jdbc.sql("select " + COLUMNS + " from contribution_import order by id desc fetch first :n rows only")
            .param("n", limit)
            .query(ContributionStore::map)
            .list();
    }

    /** An earlier import of the same file that finished, if any. */
    public Optional<Long> doneWithSameFile(long id, String sha256) {
        return jdbc.sql("""
                select max(id) from contribution_import
                where file_sha256 = :sha and id < :id and status = 'DONE'""")
            .param("sha", sha256)
            .param("id", id)
            .query((rs, n) -> (Long) rs.getObject(1, Long.class))
            .optional()
            .filter(v -> v != null);
    }

    /** Where an import's columns are: four positions, comma-separated. */
    public String columnsAt(long id) {
        return jdbc.sql("select columns_at from contribution_import where id = :id")
            .param("id", id)
            .query(String.class)
            .single();
    }

    /** The user an import acts for. */
    public CurrentUser owner(long id) {
        return jdbc.sql("""
                select owner_id, created_by, owner_name, owner_role, owner_scope_kind, owner_scope_ref
                from contribution_import where id = :id""")
            .param("id", id)
            .query((rs, n) -> new CurrentUser(rs.getLong("owner_id"), rs.getString("created_by"),
                    rs.getString("owner_name"), Role.valueOf(rs.getString("owner_role")),
                    DataScope.of(ScopeKind.valueOf(rs.getString("owner_scope_kind")), rs.getString("owner_scope_ref"))))
            .single();
    }

    /** Imports that were queued or running when the application stopped. */
    public List<Long> unfinished() {
        return jdbc.sql("select id from contribution_import where status in ('QUEUED', 'RUNNING') order by id")
            .query(Long.class)
            .list();
    }

    public void started(long id, Instant at) {
        jdbc.sql("""
                update contribution_import set status = 'RUNNING', started_at = coalesce(started_at, :at)
                where id = :id""").param("id", id).param("at", Timestamp.from(at)).update();
    }

    /** Where a resumed import's staging stands as recorded. */
    public Progress progress(long id) {
        return jdbc.sql("""
                select rows_done, rows_read, rows_refused, rows_staged from contribution_import where id = :id""")
            .param("id", id)
            .query((rs, n) -> new Progress(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
            .single();
    }

    public int stagedRows(long id) {
        return jdbc.sql("select count(*) from contribution_staging where import_id = :id")
            .param("id", id)
            .query(Integer.class)
            .single();
    }

    /**
     * Forgets whatever an import staged and refused, to stage its file again from the
     * start.
     */
    public void restartStaging(long id) {
        clearStaging(id);
        jdbc.sql("delete from contribution_import_row where import_id = :id").param("id", id).update();
        jdbc.sql("""
                update contribution_import set rows_done = 0, rows_read = 0, rows_refused = 0, rows_staged = 0,
                  staged = false where id = :id""").param("id", id).update();
    }

    /**
     * Stages a chunk: its valid rows (import, row, blind index, employer, month, base),
     * its refused rows, and where staging stands after it. In the caller's transaction.
     */
    public void stage(long id, List<Object[]> valid, List<RefusedRow> refused, Progress after) {
        if (!valid.isEmpty()) {
            bulk.write("contribution_staging",
                    List.of("import_id", "row_no", "id_index", "employer_code", "month_no", "base_fen"), valid);
        }
        refuse(id, refused);
        jdbc.sql("""
                update contribution_import set rows_done = :d, rows_read = :r, rows_refused = :f, rows_staged = :s
                where id = :id""")
            .param("id", id)
            .param("d", after.rowsDone())
            .param("r", after.rowsRead())
            .param("f", after.rowsRefused())
            .param("s", after.rowsStaged())
            .update();
    }

    private void refuse(long id, List<RefusedRow> refused) {
        if (!refused.isEmpty()) {
            bulk.write("contribution_import_row", List.of("import_id", "row_no", "reason", "detail"),
                    refused.stream().map(r -> new Object[] { id, r.rowNo(), r.reason().name(), r.detail() }).toList());
        }
    }

    public void markStaged(long id) {
        jdbc.sql("update contribution_import set staged = true where id = :id").param("id", id).update();
    }

    /**
     * Refuses the rows that repeat an earlier row's person and month (naming that row)
     * and takes them out of staging; returns how many.
     */
    public int refuseRepeats(long id) {
        int n = jdbc
            .sql("""
                    insert into contribution_import_row (import_id, row_no, reason, detail)
                    select s.import_id, s.row_no, 'REPEATED', cast(d.first_row as varchar(64))
                    from contribution_staging s join (
                      select id_index, month_no, min(row_no) as first_row from contribution_staging where import_id = :id
                      group by id_index, month_no having count(*) > 1) d on d.id_index = s.id_index and d.month_no = s.month_no
                    where s.import_id = :id and s.row_no > d.first_row""")
            .param("id", id)
            .update();
        if (n > 0) {
            jdbc.sql("""
                    delete from contribution_staging where import_id = :id and row_no in (
                      select row_no from contribution_import_row where import_id = :id and reason = 'REPEATED')""")
                .param("id", id)
                .update();
        }
        return n;
    }

    /** Staged rows whose person the follow-up knows. */
    public int matchedRows(long id) {
        return jdbc.sql("""
                select count(*) from contribution_staging s join follow_up_person p on p.id_index = s.id_index
                where s.import_id = :id""").param("id", id).query(Integer.class).single();
    }

    /**
     * Writes the staged rows of followed people as their contribution months: new months
     * inserted, months whose employer or base differ updated, equal ones left alone.
     * Returns how many were written.
     */
    public int merge(long id) {
        return jdbc.sql("""
                merge into contribution_month t using (
                  select p.person_id, s.month_no, s.employer_code, s.base_fen from contribution_staging s
                  join follow_up_person p on p.id_index = s.id_index where s.import_id = :id) s
                on t.person_id = s.person_id and t.month_no = s.month_no
                when matched and (t.employer_code <> s.employer_code or t.base_fen <> s.base_fen) then
                  update set employer_code = s.employer_code, base_fen = s.base_fen, import_id = :id
                when not matched then insert (person_id, month_no, employer_code, base_fen, import_id)
                  values (s.person_id, s.month_no, s.employer_code, s.base_fen, :id)""").param("id", id).update();
    }

    /** The months the staged rows carry become known as of this import. */
    public void knownMonths(long id) {
        jdbc.sql("""
                merge into contribution_known_month t using (
                  select distinct month_no from contribution_staging where import_id = :id) s on t.month_no = s.month_no
                when matched then update set last_import_id = :id
                when not matched then insert (month_no, last_import_id) values (s.month_no, :id)""")
            .param("id", id)
            .update();
    }

    public void clearStaging(long id) {
        jdbc.sql("delete from contribution_staging where import_id = :id").param("id", id).update();
    }

    /** Ends an import with its counts and frees the way for the next one. */
    public void finish(long id, ImportStatus status, int matched, int notTrainee, int refused, int changed,
            String failure, Instant at) {
        jdbc.sql("""
                update contribution_import set status = :s, rows_matched = :m, rows_not_trainee = :nt,
                  rows_refused = :r, rows_changed = :c, failure = :f, finished_at = :at, active_key = null
                where id = :id""")
            .param("id", id)
            .param("s", status.name())
            .param("m", matched)
            .param("nt", notTrainee)
            .param("r", refused)
            .param("c", changed)
            .param("f", failure == null ? null : failure.substring(0, Math.min(1000, failure.length())))
            .param("at", Timestamp.from(at))
            .update();
    }

    /** Ends an import that failed, keeping its counts. */
    public void fail(long id, String failure, Instant at) {
        jdbc.sql("""
                update contribution_import set status = 'FAILED', failure = :f, finished_at = :at, active_key = null
                where id = :id""")
            .param("id", id)
            .param("f", failure.substring(0, Math.min(1000, failure.length())))
            .param("at", Timestamp.from(at))
            .update();
    }

    /** The latest import id that finished, 0 when none did. */
    public long lastDone() {
        return jdbc.sql("select coalesce(max(id), 0) from contribution_import where status = 'DONE'")
            .query(Long.class)
            .single();
    }

    /** The first refused rows of an import, in row order. */
    public List<RefusedRow> refusedRows(long id, int offset, int limit) {
        return jdbc.sql("""
                select row_no, reason, detail from contribution_import_row where import_id = :id
                order by row_no offset :o rows fetch first :n rows only""")
            .param("id", id)
            .param("o", offset)
            .param("n", limit)
            .query((rs, n) -> new RefusedRow(rs.getInt(1), ContributionRow.Refusal.valueOf(rs.getString(2)),
                    rs.getString(3)))
            .list();
    }

    private static ContributionImport map(ResultSet rs, int n) throws SQLException {
        return new ContributionImport(rs.getLong("id"), rs.getString("file_name"), rs.getString("file_format"),
                rs.getString("file_charset"), rs.getString("file_sha256"), rs.getLong("file_size"),
                ImportMode.valueOf(rs.getString("mode")), ImportStatus.valueOf(rs.getString("status")),
                rs.getInt("rows_total"), rs.getInt("rows_done"), rs.getBoolean("staged"), rs.getInt("rows_read"),
                rs.getInt("rows_matched"), rs.getInt("rows_not_trainee"), rs.getInt("rows_refused"),
                rs.getInt("rows_changed"), rs.getString("failure"), rs.getString("created_by"),
                instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "finished_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

}
