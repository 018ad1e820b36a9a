package org.jixing.supervision.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jixing.shared.scope.ScopeColumns;
import org.jixing.shared.scope.ScopeSql;
import org.jixing.supervision.CaseFilter;
import org.jixing.supervision.CaseFinding;
import org.jixing.supervision.CaseOrigin;
import org.jixing.supervision.CaseStatus;
import org.jixing.supervision.CaseTask;
import org.jixing.supervision.SanctionStep;
import org.jixing.supervision.SubjectKind;
import org.jixing.supervision.SupervisionCase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * SQL for cases, their tasks, findings and attachments, the sanction ladder and the steps
 * and recoveries outcomes took. User reads carry the scope clause (region and action
 * line, as alerts).
 */
@Repository
public class CaseStore {

    public static final ScopeColumns SCOPE = ScopeColumns.create().region("c.region_code").actionLine("c.line_code");

    private static final String COLUMNS = "c.id, c.case_no, c.subject_kind, c.subject_id, c.subject_label, "
            + "c.region_code, c.line_code, c.provider_id, c.body_id, c.origin, c.origin_ref, c.summary, c.assignee, "
            + "c.status, c.outcome_reason, c.opened_by, c.opened_at, c.closed_by, c.closed_at, c.version";

    private final JdbcClient jdbc;

    CaseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new case's row, before it has its number. */
    public record Row(SubjectKind subjectKind, long subjectId, String subjectLabel, String regionCode, String lineCode,
            Long providerId, Long bodyId, CaseOrigin origin, Long originRef, String summary, String assignee) {
    }

    public long insert(Row r, String by, Instant at) {
        return RecordNumbers.insert(jdbc, jdbc
            .sql("insert into supervision_case (subject_kind, subject_id, subject_label, region_code, "
                    + "line_code, provider_id, body_id, origin, origin_ref, summary, assignee, status, opened_by, opened_at, "
                    + "version) values (:k, :s, :label, :region, :line, :provider, :body, :origin, :ref, :summary, "
                    + ":assignee, 'OPEN', :by, :at, 0)")
            .param("k", r.subjectKind().name())
            .param("s", r.subjectId())
            .param("label", truncate(r.subjectLabel(), 200))
            .param("region", r.regionCode())
            .param("line", r.lineCode())
            .param("provider", r.providerId())
            .param("body", r.bodyId())
            .param("origin", r.origin().name())
            .param("ref", r.originRef())
            .param("summary", r.summary())
            .param("assignee", r.assignee())
            .param("by", by)
            .param("at", Timestamp.from(at)), "supervision_case", "case_no", "AJ");
    }

    public Optional<SupervisionCase> find(long id, ScopeSql.Clause scope) {
        return jdbc.sql("select " + COLUMNS + " from supervision_case c where c.id = :id and " + scope.sql())
            .param("id", id)
            .params(scope.params())
            .query(CaseStore::map)
            .optional();
    }

    public boolean exists(long id) {
        return jdbc.sql("select count(*) from supervision_case where id = :id")
            .param("id", id)
            .query(Long.class)
            .single() > 0;
    }

    public List<SupervisionCase> search(CaseFilter f, ScopeSql.Clause scope, int offset, int limit) {
        ScopeSql.Clause where = where(f, scope);
        return jdbc
            .sql("select " + COLUMNS + " from supervision_case c where " + where.sql()
                    + " order by case c.status when 'OPEN' then 0 else 1 end, c.opened_at desc, c.id desc "
                    + "offset :off rows fetch next :lim rows only")
            .params(where.params())
            .param("off", offset)
            .param("lim", limit)
            .query(CaseStore::map)
            .list();
    }

    public long count(CaseFilter f, ScopeSql.Clause scope) {
        ScopeSql.Clause where = where(f, scope);
        return jdbc.sql("select count(*) from supervision_case c where " + where.sql())
            .params(where.params())
            .query(Long.class)
            .single();
    }

    /** Closes an open case if it is still at {@code version}; false otherwise. */
    public boolean close(long id, int version, CaseStatus to, String reason, String by, Instant at) {
        return jdbc
            .sql("update supervision_case set status = :to, outcome_reason = :r, closed_by = :by, closed_at = :at, "
                    + "version = version + 1 where id = :id and version = :v and status = 'OPEN'")
            .param("to", to.name())
            .param("r", reason)
            .param("by", by)
            .param("at", Timestamp.from(at))
            .param("id", id)
            .param("v", version)
            .update() == 1;
    }

    /** A case worked on: its version moves so a stale outcome form is refused. */
    public void touch(long id) {
        jdbc.sql("update supervision_case set version = version + 1 where id = :id").param("id", id).update();
    }

    // Tasks

    public long insertTask(long caseId, CaseTask.Kind kind, String assignee, LocalDate dueOn, String by, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into supervision_case_task (case_id, kind, assignee, due_on, status, created_by, created_at, "
                + "version) values (:c, :k, :a, :due, 'OPEN', :by, :at, 0)")
            .param("c", caseId)
            .param("k", kind.name())
            .param("a", assignee)
            .param("due", Date.valueOf(dueOn))
            .param("by", by)
            .param("at", Timestamp.from(at))
            .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public boolean finishTask(long taskId, int version, CaseTask.Status to, String result, Instant at) {
        return jdbc
            .sql("update supervision_case_task set status = :to, result = :r, done_at = :at, version = version + 1 "
                    + "where id = :id and version = :v and status = 'OPEN'")
            .param("to", to.name())
            .param("r", result)
            .param("at", Timestamp.from(at))
            .param("id", taskId)
            .param("v", version)
            .update() == 1;
    }

    public List<CaseTask> tasks(long caseId) {
        return jdbc
            .sql("select id, case_id, kind, assignee, due_on, status, result, created_by, created_at, done_at, version "
                    + "from supervision_case_task where case_id = :c order by id")
            .param("c", caseId)
            .query((rs, n) -> new CaseTask(rs.getLong("id"), rs.getLong("case_id"),
                    CaseTask.Kind.valueOf(rs.getString("kind")), rs.getString("assignee"),
                    rs.getDate("due_on").toLocalDate(), CaseTask.Status.valueOf(rs.getString("status")),
                    rs.getString("result"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                    instant(rs, "done_at"), rs.getInt("version")))
            .list();
    }

    // Findings and attachments

    public long insertFinding(long caseId, String details, String by, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into supervision_case_finding (case_id, details, recorded_by, recorded_at) "
                + "values (:c, :d, :by, :at)")
            .param("c", caseId)
            .param("d", details)
            .param("by", by)
            .param("at", Timestamp.from(at))
            .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public boolean hasFinding(long caseId) {
        return jdbc.sql("select count(*) from supervision_case_finding where case_id = :c")
            .param("c", caseId)
            .query(Long.class)
            .single() > 0;
    }

    public List<CaseFinding> findings(long caseId) {
        List<CaseFinding.Attachment> attachments = jdbc
            .sql("select a.id, a.finding_id, a.file_name, a.content_type, a.size_bytes, a.sha256, a.uploaded_by, "
                    + "a.uploaded_at from supervision_finding_attachment a join supervision_case_finding f "
                    + "on f.id = a.finding_id where f.case_id = :c order by a.id")
            .param("c", caseId)
            .query((rs, n) -> new CaseFinding.Attachment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                    rs.getLong(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()))
            .list();
        return jdbc
            .sql("select id, case_id, details, recorded_by, recorded_at from supervision_case_finding "
                    + "where case_id = :c order by id")
            .param("c", caseId)
            .query((rs, n) -> {
                long id = rs.getLong(1);
                return new CaseFinding(id, rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), attachments.stream().filter(a -> a.findingId() == id).toList());
            })
            .list();
    }

    public long insertAttachment(long findingId, String fileName, String contentType, byte[] content, String sha256,
            String by, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into supervision_finding_attachment (finding_id, file_name, content_type, size_bytes, sha256, "
                + "content, uploaded_by, uploaded_at) values (:f, :n, :t, :s, :h, :x, :by, :at)")
            .param("f", findingId)
            .param("n", fileName)
            .param("t", contentType)
            .param("s", (long) content.length)
            .param("h", sha256)
            .param("x", content)
            .param("by", by)
            .param("at", Timestamp.from(at))
            .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public Optional<byte[]> attachmentContent(long findingId, long attachmentId) {
        return jdbc.sql("select content from supervision_finding_attachment where id = :id and finding_id = :f")
            .param("id", attachmentId)
            .param("f", findingId)
            .query((rs, n) -> rs.getBytes(1))
            .optional();
    }

    // The ladder and what outcomes did

    public List<SanctionStep> ladder() {
        return jdbc.sql(
                "select code, step_rank, name_zh, name_en, effect from supervision_sanction_step order by step_rank, code")
            .query((rs, n) -> new SanctionStep(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                    SanctionStep.Effect.valueOf(rs.getString(5))))
            .list();
    }

    public void insertSanction(long caseId, String stepCode, String by, Instant at) {
        jdbc.sql("insert into supervision_case_sanction (case_id, step_code, applied_by, applied_at) "
                + "values (:c, :s, :by, :at)")
            .param("c", caseId)
            .param("s", stepCode)
            .param("by", by)
            .param("at", Timestamp.from(at))
            .update();
    }

    public List<String> sanctions(long caseId) {
        return jdbc
            .sql("select s.step_code from supervision_case_sanction s join supervision_sanction_step l "
                    + "on l.code = s.step_code where s.case_id = :c order by l.step_rank")
            .param("c", caseId)
            .query(String.class)
            .list();
    }

    public void insertRecovery(long caseId, long recoveryId, long claimId, String recoveryNo, long amountFen) {
        jdbc.sql("insert into supervision_case_recovery (case_id, recovery_id, claim_id, recovery_no, amount_fen) "
                + "values (:c, :r, :cl, :no, :a)")
            .param("c", caseId)
            .param("r", recoveryId)
            .param("cl", claimId)
            .param("no", recoveryNo)
            .param("a", amountFen)
            .update();
    }

    /** The recovery orders a case's outcome opened: id, number, claim and amount. */
    public record CaseRecovery(long recoveryId, String recoveryNo, long claimId, long amountFen) {
    }

    public List<CaseRecovery> recoveries(long caseId) {
        return jdbc
            .sql("select recovery_id, recovery_no, claim_id, amount_fen from supervision_case_recovery "
                    + "where case_id = :c order by recovery_id")
            .param("c", caseId)
            .query((rs, n) -> new CaseRecovery(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
            .list();
    }

    // Measures

    /** Per rule code: cases opened, confirmed, dismissed, and fen recovered by them. */
    public record RuleRow(String ruleCode, long opened, long confirmed, long dismissed, long recoveredFen) {
    }

    public List<RuleRow> byRule(ScopeSql.Clause scope) {
        return jdbc
            .sql("select x.rule_code, count(*), " + "sum(case when c.status = 'CONFIRMED' then 1 else 0 end), "
                    + "sum(case when c.status = 'DISMISSED' then 1 else 0 end), " + "coalesce(sum(r.fen), 0) "
                    + "from (select distinct a.rule_code, a.case_id from risk_alert a where a.case_id is not null) x "
                    + "join supervision_case c on c.id = x.case_id left join (select case_id, sum(amount_fen) as fen "
                    + "from supervision_case_recovery group by case_id) r on r.case_id = c.id where " + scope.sql()
                    + " group by x.rule_code")
            .params(scope.params())
            .query((rs, n) -> new RuleRow(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
            .list();
    }

    /** Open cases with any of these alerts (to refuse gathering an alert twice). */
    public long openWith(Collection<Long> alertIds) {
        if (alertIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("select count(*) from risk_alert where id in (:ids) and case_id is not null")
            .param("ids", alertIds)
            .query(Long.class)
            .single();
    }

    private static ScopeSql.Clause where(CaseFilter f, ScopeSql.Clause scope) {
        var where = ScopeSql.conditions(scope);
        if (f.status() != null) {
            where.and("c.status = :status", "status", f.status().name());
        }
        if (f.regionCode() != null) {
            where.and("c.region_code = :region", "region", f.regionCode());
        }
        if (f.subjectKind() != null) {
            where.and("c.subject_kind = :kind", "kind", f.subjectKind().name());
        }
        if (f.assignee() != null) {
            where.and("c.assignee = :assignee", "assignee", f.assignee());
        }
        return where.clause();
    }

    private static SupervisionCase map(ResultSet rs, int row) throws SQLException {
        return new SupervisionCase(rs.getLong("id"), rs.getString("case_no"),
                SubjectKind.valueOf(rs.getString("subject_kind")), rs.getLong("subject_id"),
                rs.getString("subject_label"), rs.getString("region_code"), rs.getString("line_code"),
                nullableLong(rs, "provider_id"), nullableLong(rs, "body_id"),
                CaseOrigin.valueOf(rs.getString("origin")), nullableLong(rs, "origin_ref"), rs.getString("summary"),
                rs.getString("assignee"), CaseStatus.valueOf(rs.getString("status")), rs.getString("outcome_reason"),
                rs.getString("opened_by"), rs.getTimestamp("opened_at").toInstant(), rs.getString("closed_by"),
                instant(rs, "closed_at"), rs.getInt("version"));
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static String truncate(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
    }

}
