package org.jixing.supervision.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.jixing.shared.scope.ScopeSql;
import org.jixing.supervision.AlertStatus;
import org.jixing.supervision.CaseStatus;
import org.jixing.supervision.ProfileAlert;
import org.jixing.supervision.RuleMeasure;
import org.jixing.supervision.Severity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the measures read of alerts and cases: each rule's alerts by status, and a
 * provider's or body's alerts and cases over time (its risk profile).
 */
@Repository
public class RiskMeasureStore {

    private final JdbcClient jdbc;

    RiskMeasureStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Alerts by rule and status, province-wide: what the rules page measures. */
    public List<RuleMeasure> measures() {
        return jdbc
            .sql("select rule_code, count(*), sum(case when status in ('OPEN','IN_CASE') then 1 else 0 end), "
                    + "sum(case when status = 'CONFIRMED' then 1 else 0 end), "
                    + "sum(case when status = 'DISMISSED' then 1 else 0 end), "
                    + "sum(case when status = 'CLEARED' then 1 else 0 end), count(distinct case_id) "
                    + "from risk_alert group by rule_code order by rule_code")
            .query((rs, n) -> new RuleMeasure(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                    rs.getLong(5), rs.getLong(6), rs.getLong(7), 0))
            .list();
    }

    /** A provider's or body's alerts in the scope given, oldest first. */
    public List<ProfileAlert> profileAlerts(String subjectColumn, long id, ScopeSql.Clause scope) {
        return jdbc
            .sql("select a.first_seen_at, a.rule_code, a.status, a.severity from risk_alert a where a."
                    + column(subjectColumn) + " = :id and " + scope.sql() + " order by a.first_seen_at")
            .param("id", id)
            .params(scope.params())
            .query((rs, n) -> new ProfileAlert(rs.getTimestamp(1).toInstant(), rs.getString(2),
                    AlertStatus.valueOf(rs.getString(3)), Severity.valueOf(rs.getString(4))))
            .list();
    }

    /** A subject's cases: opened, closed (null while open) and status. */
    public record CaseTimes(Instant openedAt, Instant closedAt, CaseStatus status) {
    }

    /** A provider's or body's cases (the caller checked the subject's scope). */
    public List<CaseTimes> caseTimes(String subjectColumn, long id) {
        return jdbc
            .sql("select opened_at, closed_at, status from supervision_case where " + column(subjectColumn) + " = :id")
            .param("id", id)
            .query((rs, n) -> {
                Timestamp closed = rs.getTimestamp(2);
                return new CaseTimes(rs.getTimestamp(1).toInstant(), closed == null ? null : closed.toInstant(),
                        CaseStatus.valueOf(rs.getString(3)));
            })
            .list();
    }

    private static String column(String subjectColumn) {
        if (!subjectColumn.equals("provider_id") && !subjectColumn.equals("body_id")) {
            throw new IllegalArgumentException(subjectColumn);
        }
        return subjectColumn;
    }

}
