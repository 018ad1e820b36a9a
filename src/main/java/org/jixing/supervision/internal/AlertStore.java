package org.jixing.supervision.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jixing.shared.scope.ScopeColumns;
import org.jixing.shared.scope.ScopeSql;
import org.jixing.supervision.Alert;
import org.jixing.supervision.AlertFilter;
import org.jixing.supervision.AlertStatus;
import org.jixing.supervision.DecisionTaken;
import org.jixing.supervision.DeskCount;
import org.jixing.supervision.Hit;
import org.jixing.supervision.Severity;
import org.jixing.supervision.SubjectKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * SQL for alerts, their targets and decisions. Every read a user triggers carries the
 * scope clause (region and action line; providers, bodies and trainees see no alert).
 */
@Repository
public class AlertStore {

    public static final ScopeColumns SCOPE = ScopeColumns.create().region("a.region_code").actionLine("a.line_code");

    private static final String COLUMNS = "a.id, a.alert_no, a.rule_code, a.rule_version, a.subject_kind, a.subject_id, "
            + "a.subject_label, a.severity, a.blocking, a.score, a.region_code, a.line_code, a.provider_id, a.body_id, "
            + "a.status, a.evidence, a.hits, a.first_seen_at, a.last_seen_at, a.case_id, a.decided_by, a.decided_at, "
            + "a.decision_reason, a.version";

    private final JdbcClient jdbc;

    private final JsonMapper json;

    AlertStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The live alert of a rule on a subject, unscoped (the engine merges into it). */
    public Optional<Live> live(String openKey) {
        return jdbc.sql("select id, evidence_hash, score, version from risk_alert where open_key = :k")
            .param("k", openKey)
            .query((rs, n) -> new Live(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4)))
            .optional();
    }

    /** A live alert's identity for merging. */
    public record Live(long id, String evidenceHash, int score, int version) {
    }

    /**
     * Whether the last decided alert of a rule on a subject was decided on this very
     * evidence: the same records do not raise again what a person already decided.
     */
    public boolean decidedOn(String ruleCode, SubjectKind kind, long subjectId, String evidenceHash) {
        return jdbc
            .sql("select count(*) from risk_alert where rule_code = :r and subject_kind = :k and subject_id = :s "
                    + "and open_key is null and evidence_hash = :h")
            .param("r", ruleCode)
            .param("k", kind.name())
            .param("s", subjectId)
            .param("h", evidenceHash)
            .query(Long.class)
            .single() > 0;
    }

    public long insert(String openKey, String ruleCode, int ruleVersion, Severity severity, boolean blocking, Hit hit,
            String evidence, String evidenceHash, Instant now) {
        return RecordNumbers.insert(jdbc, jdbc
            .sql("insert into risk_alert (rule_code, rule_version, subject_kind, subject_id, subject_label, "
                    + "severity, blocking, score, region_code, line_code, provider_id, body_id, status, open_key, evidence, "
                    + "evidence_hash, hits, first_seen_at, last_seen_at, version) values (:r, :rv, :k, :s, :label, "
                    + ":sev, :b, :score, :region, :line, :provider, :body, 'OPEN', :key, :ev, :h, 1, :now, :now, 0)")
            .param("r", ruleCode)
            .param("rv", ruleVersion)
            .param("k", hit.subjectKind().name())
            .param("s", hit.subjectId())
            .param("label", truncate(hit.subjectLabel(), 200))
            .param("sev", severity.name())
            .param("b", blocking)
            .param("score", hit.score())
            .param("region", hit.regionCode())
            .param("line", hit.lineCode())
            .param("provider", hit.providerId())
            .param("body", hit.bodyId())
            .param("key", openKey)
            .param("ev", evidence)
            .param("h", evidenceHash)
            .param("now", Timestamp.from(now)), "risk_alert", "alert_no", "YJ");
    }

    /** A new hit merged into a live alert: its evidence and score now, one more hit. */
    public void merge(long id, int ruleVersion, Severity severity, boolean blocking, int score, String evidence,
            String evidenceHash, Instant now) {
        jdbc.sql("update risk_alert set rule_version = :rv, severity = :sev, blocking = :b, score = :score, "
                + "evidence = :ev, evidence_hash = :h, hits = hits + 1, last_seen_at = :now, version = version + 1 "
                + "where id = :id")
            .param("rv", ruleVersion)
            .param("sev", severity.name())
            .param("b", blocking)
            .param("score", score)
            .param("ev", evidence)
            .param("h", evidenceHash)
            .param("now", Timestamp.from(now))
            .param("id", id)
            .update();
    }

    /** The same evidence seen again: only when. */
    public void seen(long id, Instant now) {
        jdbc.sql("update risk_alert set last_seen_at = :now where id = :id")
            .param("now", Timestamp.from(now))
            .param("id", id)
            .update();
    }

    public void addTargets(long id, Collection<Hit.Target> targets) {
        List<Hit.Target> known = targets(id);
        for (Hit.Target t : targets) {
            if (!known.contains(t)) {
                jdbc.sql("insert into risk_alert_target (alert_id, kind, target_id) values (:a, :k, :t)")
                    .param("a", id)
                    .param("k", t.kind().name())
                    .param("t", t.id())
                    .update();
            }
        }
    }

    /**
     * Moves an alert from one status to another if it is still at {@code version}; false
     * when someone else decided first.
     */
    public boolean decide(long id, int version, AlertStatus from, AlertStatus to, String reason, String by,
            Instant at) {
        int n = jdbc
            .sql("update risk_alert set status = :to, open_key = case when :live then open_key else null end, "
                    + "decided_by = :by, decided_at = :at, decision_reason = :r, version = version + 1 "
                    + "where id = :id and version = :v and status = :from")
            .param("to", to.name())
            .param("live", to.live())
            .param("by", by)
            .param("at", Timestamp.from(at))
            .param("r", reason)
            .param("id", id)
            .param("v", version)
            .param("from", from.name())
            .update();
        if (n == 1) {
            jdbc.sql(
                    "insert into risk_alert_decision (alert_id, from_status, to_status, reason, decided_by, decided_at) "
                            + "values (:id, :from, :to, :r, :by, :at)")
                .param("id", id)
                .param("from", from.name())
                .param("to", to.name())
                .param("r", reason)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .update();
        }
        return n == 1;
    }

    /** Ties live alerts to a case: they are IN_CASE from now on. */
    public int attachToCase(Collection<Long> alertIds, long caseId) {
        if (alertIds.isEmpty()) {
            return 0;
        }
        return jdbc
            .sql("update risk_alert set case_id = :c, status = 'IN_CASE', version = version + 1 "
                    + "where id in (:ids) and open_key is not null")
            .param("c", caseId)
            .param("ids", alertIds)
            .update();
    }

    /** The alerts a case gathered, oldest first (the case's scope was checked). */
    public List<Alert> ofCase(long caseId) {
        return jdbc.sql("select " + COLUMNS + " from risk_alert a where a.case_id = :c order by a.id")
            .param("c", caseId)
            .query(this::map)
            .list()
            .stream()
            .map(this::withTargets)
            .toList();
    }

    public Optional<Alert> find(long id, ScopeSql.Clause scope) {
        return jdbc.sql("select " + COLUMNS + " from risk_alert a where a.id = :id and " + scope.sql())
            .param("id", id)
            .params(scope.params())
            .query(this::map)
            .optional()
            .map(a -> withTargets(a));
    }

    public boolean exists(long id) {
        return jdbc.sql("select count(*) from risk_alert where id = :id")
            .param("id", id)
            .query(Long.class)
            .single() > 0;
    }

    public List<Alert> search(AlertFilter f, ScopeSql.Clause scope, int offset, int limit) {
        ScopeSql.Clause where = where(f, scope);
        return jdbc
            .sql("select " + COLUMNS + " from risk_alert a where " + where.sql()
                    + " order by case a.severity when 'HIGH' then 0 when 'MEDIUM' then 1 else 2 end, a.score desc, "
                    + "a.last_seen_at desc, a.id desc offset :off rows fetch next :lim rows only")
            .params(where.params())
            .param("off", offset)
            .param("lim", limit)
            .query(this::map)
            .list();
    }

    public long count(AlertFilter f, ScopeSql.Clause scope) {
        ScopeSql.Clause where = where(f, scope);
        return jdbc.sql("select count(*) from risk_alert a where " + where.sql())
            .params(where.params())
            .query(Long.class)
            .single();
    }

    /**
     * Live and confirmed alerts by rule and severity within the scope: the desk's counts.
     */
    public List<DeskCount> deskCounts(ScopeSql.Clause scope) {
        return jdbc
            .sql("select a.rule_code, a.severity, a.region_code, count(*) from risk_alert a where a.status in "
                    + "('OPEN','IN_CASE') and " + scope.sql() + " group by a.rule_code, a.severity, a.region_code")
            .params(scope.params())
            .query((rs, n) -> new DeskCount(rs.getString(1), Severity.valueOf(rs.getString(2)), rs.getString(3),
                    rs.getLong(4)))
            .list();
    }

    /**
     * The alerts that hold payment among those targeting (or about) these records:
     * blocking and open, in a case or confirmed. Unscoped: the claim's own scope was
     * checked by whoever asks.
     */
    public List<Alert> holding(Map<String, Collection<Long>> recordsByKind) {
        List<String> parts = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<String, Collection<Long>> e : recordsByKind.entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            parts.add("(t.kind = :k" + i + " and t.target_id in (:ids" + i + "))");
            parts.add("(a.subject_kind = :k" + i + " and a.subject_id in (:ids" + i + "))");
            params.put("k" + i, e.getKey());
            params.put("ids" + i, e.getValue());
            i++;
        }
        if (parts.isEmpty()) {
            return List.of();
        }
        return jdbc
            .sql("select distinct " + COLUMNS + " from risk_alert a left join risk_alert_target t on t.alert_id = a.id "
                    + "where a.blocking = true and a.status in ('OPEN','IN_CASE','CONFIRMED') and ("
                    + String.join(" or ", parts) + ") order by a.id")
            .params(params)
            .query(this::map)
            .list()
            .stream()
            .map(this::withTargets)
            .toList();
    }

    public List<Hit.Target> targets(long alertId) {
        return jdbc.sql("select kind, target_id from risk_alert_target where alert_id = :a order by kind, target_id")
            .param("a", alertId)
            .query((rs, n) -> new Hit.Target(SubjectKind.valueOf(rs.getString(1)), rs.getLong(2)))
            .list();
    }

    /** Decisions of one alert, oldest first. */
    public List<DecisionTaken> decisions(long alertId) {
        return jdbc
            .sql("select from_status, to_status, reason, decided_by, decided_at from risk_alert_decision "
                    + "where alert_id = :a order by id")
            .param("a", alertId)
            .query((rs, n) -> new DecisionTaken(AlertStatus.valueOf(rs.getString(1)),
                    AlertStatus.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                    rs.getTimestamp(5).toInstant()))
            .list();
    }

    private Alert withTargets(Alert a) {
        List<Hit.Target> t = targets(a.id());
        return new Alert(a.id(), a.alertNo(), a.ruleCode(), a.ruleVersion(), a.subjectKind(), a.subjectId(),
                a.subjectLabel(), a.severity(), a.blocking(), a.score(), a.regionCode(), a.lineCode(), a.providerId(),
                a.bodyId(), a.status(), a.evidence(), a.hits(), a.firstSeenAt(), a.lastSeenAt(), a.caseId(),
                a.decidedBy(), a.decidedAt(), a.decisionReason(), a.version(), t);
    }

    private static ScopeSql.Clause where(AlertFilter f, ScopeSql.Clause scope) {
        var where = ScopeSql.conditions(scope);
        if (f.status() != null) {
            where.and("a.status = :status", "status", f.status().name());
        }
        if (f.severity() != null) {
            where.and("a.severity = :severity", "severity", f.severity().name());
        }
        if (f.ruleCode() != null) {
            where.and("a.rule_code = :rule", "rule", f.ruleCode());
        }
        if (f.regionCode() != null) {
            where.and("a.region_code = :region", "region", f.regionCode());
        }
        if (f.providerId() != null) {
            where.and("a.provider_id = :provider", "provider", f.providerId());
        }
        if (f.subjectKind() != null) {
            where.and("a.subject_kind = :kind", "kind", f.subjectKind().name());
        }
        if (f.blocking() != null) {
            where.and("a.blocking = :blocking", "blocking", f.blocking());
        }
        return where.clause();
    }

    private Alert map(ResultSet rs, int row) throws SQLException {
        Map<String, Object> evidence = json.readValue(rs.getString("evidence"),
                new TypeReference<LinkedHashMap<String, Object>>() {
                });
        Timestamp decided = rs.getTimestamp("decided_at");
        long provider = rs.getLong("provider_id");
        Long providerId = rs.wasNull() ? null : provider;
        long body = rs.getLong("body_id");
        Long bodyId = rs.wasNull() ? null : body;
        long c = rs.getLong("case_id");
        Long caseId = rs.wasNull() ? null : c;
        return new Alert(rs.getLong("id"), rs.getString("alert_no"), rs.getString("rule_code"),
                rs.getInt("rule_version"), SubjectKind.valueOf(rs.getString("subject_kind")), rs.getLong("subject_id"),
                rs.getString("subject_label"), Severity.valueOf(rs.getString("severity")), rs.getBoolean("blocking"),
                rs.getInt("score"), rs.getString("region_code"), rs.getString("line_code"), providerId, bodyId,
                AlertStatus.valueOf(rs.getString("status")), evidence, rs.getInt("hits"),
                rs.getTimestamp("first_seen_at").toInstant(), rs.getTimestamp("last_seen_at").toInstant(), caseId,
                rs.getString("decided_by"), decided == null ? null : decided.toInstant(),
                rs.getString("decision_reason"), rs.getInt("version"), List.of());
    }

    private static String truncate(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
    }

}
