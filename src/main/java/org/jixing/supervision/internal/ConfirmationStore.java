package org.jixing.supervision.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jixing.supervision.Confirmation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The trainees' confirmation requests ({@code attendance_confirmation}) and the reads of
 * the claim's risk panel over alerts.
 */
@Repository
public class ConfirmationStore {

    private static final String COLUMNS = "id, claim_id, claim_no, class_id, class_no, occupation_code, start_date, "
            + "end_date, provider_name, enrolment_id, person_id, status, remark, created_at, expires_at, answered_at";

    private final JdbcClient jdbc;

    ConfirmationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A request to write: the claim, its class copied, the trainee, the code's hash. */
    public record NewRequest(long claimId, String claimNo, long classId, String classNo, String occupationCode,
            LocalDate startDate, LocalDate endDate, long providerId, String providerName, String regionCode,
            String lineCode, long enrolmentId, long personId, String codeHash, Instant createdAt, Instant expiresAt) {
    }

    /** Whether the claim already asks the enrolment's trainee. */
    public boolean exists(long claimId, long enrolmentId) {
        return jdbc.sql("select count(*) from attendance_confirmation where claim_id = :c and enrolment_id = :e")
            .param("c", claimId)
            .param("e", enrolmentId)
            .query(Long.class)
            .single() > 0;
    }

    public long insert(NewRequest r) {
        jdbc.sql("""
                insert into attendance_confirmation (claim_id, claim_no, class_id, class_no, occupation_code,
                  start_date, end_date, provider_id, provider_name, region_code, line_code, enrolment_id, person_id,
                  code_hash, status, created_at, expires_at)
                values (:claim, :claimNo, :class, :classNo, :occ, :start, :end, :provider, :providerName, :region,
                  :line, :enrolment, :person, :hash, 'PENDING', :at, :expires)""")
            .param("claim", r.claimId())
            .param("claimNo", r.claimNo())
            .param("class", r.classId())
            .param("classNo", r.classNo())
            .param("occ", r.occupationCode())
            .param("start", r.startDate())
            .param("end", r.endDate())
            .param("provider", r.providerId())
            .param("providerName", r.providerName())
            .param("region", r.regionCode())
            .param("line", r.lineCode())
            .param("enrolment", r.enrolmentId())
            .param("person", r.personId())
            .param("hash", r.codeHash())
            .param("at", Timestamp.from(r.createdAt()))
            .param("expires", Timestamp.from(r.expiresAt()))
            .update();
        return jdbc.sql("select id from attendance_confirmation where code_hash = :h")
            .param("h", r.codeHash())
            .query(Long.class)
            .single();
    }

    /** Gives a pending request a new code (the old one no longer works). */
    public boolean rekey(long id, String codeHash, Instant expiresAt) {
        return jdbc.sql("""
                update attendance_confirmation set code_hash = :h, expires_at = :x
                where id = :id and status = 'PENDING'""")
            .param("h", codeHash)
            .param("x", Timestamp.from(expiresAt))
            .param("id", id)
            .update() == 1;
    }

    public Optional<Confirmation> byCodeHash(String codeHash) {
        return jdbc.sql("select " + COLUMNS + " from attendance_confirmation where code_hash = :h")
            .param("h", codeHash)
            .query(this::map)
            .optional();
    }

    public Optional<Confirmation> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from attendance_confirmation where id = :id")
            .param("id", id)
            .query(this::map)
            .optional();
    }

    public List<Confirmation> ofPerson(long personId) {
        return jdbc
            .sql("select " + COLUMNS + " from attendance_confirmation where person_id = :p "
                    + "order by created_at desc, id desc")
            .param("p", personId)
            .query(this::map)
            .list();
    }

    public List<Confirmation> ofClaim(long claimId) {
        return jdbc.sql("select " + COLUMNS + " from attendance_confirmation where claim_id = :c order by id")
            .param("c", claimId)
            .query(this::map)
            .list();
    }

    /**
     * Answers a pending request once: false when it was answered (or its code changed) in
     * the meantime.
     */
    public boolean answer(long id, Confirmation.Status to, String remark, String via, Instant at) {
        return jdbc.sql("""
                update attendance_confirmation set status = :s, remark = :r, answered_via = :v, answered_at = :at
                where id = :id and status = 'PENDING' and expires_at > :at""")
            .param("s", to.name())
            .param("r", remark, java.sql.Types.VARCHAR)
            .param("v", via)
            .param("at", Timestamp.from(at))
            .param("id", id)
            .update() == 1;
    }

    /** A denial as the TRAINEE_DENIED rule reads it, with the claim's scope columns. */
    public record Denial(long id, long claimId, String claimNo, long classId, long enrolmentId, long personId,
            long providerId, String regionCode, String lineCode, String remark, Instant answeredAt) {
    }

    /**
     * The claims with a denial answered from {@code from} until (not including)
     * {@code to} (or, when {@code claimIds} is not empty, those claims whenever
     * answered), with every denial of each.
     */
    public List<Denial> denials(Instant from, Instant to, Collection<Long> claimIds) {
        String which = claimIds.isEmpty()
                ? "claim_id in (select claim_id from attendance_confirmation where status = 'DENIED' "
                        + "and answered_at >= :from and answered_at < :to)"
                : "claim_id in (:claims)";
        var q = jdbc.sql("""
                select id, claim_id, claim_no, class_id, enrolment_id, person_id, provider_id, region_code, line_code,
                  remark, answered_at
                from attendance_confirmation where status = 'DENIED'""" + " and " + which + " order by claim_id, id");
        if (claimIds.isEmpty()) {
            q = q.param("from", Timestamp.from(from)).param("to", Timestamp.from(to));
        }
        else {
            q = q.param("claims", claimIds);
        }
        return q
            .query((rs, n) -> new Denial(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                    rs.getLong(6), rs.getLong(7), rs.getString(8), rs.getString(9), rs.getString(10),
                    rs.getTimestamp(11).toInstant()))
            .list();
    }

    /**
     * The alerts, open, in a case or holding, about or targeting the records given by
     * kind (a claim's risk panel); not scoped: the claim's reader is.
     */
    public List<Long> alertsAbout(Map<String, Collection<Long>> recordsByKind) {
        StringBuilder where = new StringBuilder();
        var params = new java.util.LinkedHashMap<String, Object>();
        int i = 0;
        for (Map.Entry<String, Collection<Long>> e : recordsByKind.entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            if (where.length() > 0) {
                where.append(" or ");
            }
            where.append("(a.subject_kind = :k")
                .append(i)
                .append(" and a.subject_id in (:ids")
                .append(i)
                .append(")) or exists (select 1 from risk_alert_target t where t.alert_id = a.id and t.kind = :k")
                .append(i)
                .append(" and t.target_id in (:ids")
                .append(i)
                .append("))");
            params.put("k" + i, e.getKey());
            params.put("ids" + i, e.getValue());
            i++;
        }
        if (where.length() == 0) {
            return List.of();
        }
        return jdbc
            .sql("select a.id from risk_alert a where (a.status in ('OPEN','IN_CASE') or (a.blocking = true "
                    + "and a.status = 'CONFIRMED')) and (" + where + ") order by a.id")
            .params(params)
            .query(Long.class)
            .list();
    }

    private Confirmation map(ResultSet rs, int n) throws SQLException {
        java.sql.Date start = rs.getDate("start_date");
        java.sql.Date end = rs.getDate("end_date");
        Timestamp answered = rs.getTimestamp("answered_at");
        return new Confirmation(rs.getLong("id"), rs.getLong("claim_id"), rs.getString("claim_no"),
                rs.getLong("class_id"), rs.getString("class_no"), rs.getString("occupation_code"),
                start == null ? null : start.toLocalDate(), end == null ? null : end.toLocalDate(),
                rs.getString("provider_name"), rs.getLong("enrolment_id"), rs.getLong("person_id"),
                Confirmation.Status.valueOf(rs.getString("status")), rs.getString("remark"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
                answered == null ? null : answered.toInstant());
    }

}
