package org.jixing.certification;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Unscoped reads of certificates and assessment results for the supervision engine (its
 * rules run as the province's reader, like {@code ScopeSql.UNSCOPED} reads): certificates
 * issued per evaluation body and day, and pass rates per body, occupation and level. Not
 * for pages.
 */
@Service
public class CertificationRiskFacts {

    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;

    CertificationRiskFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Certificates one evaluation body issued on one day (revoked ones too). */
    public record DailyCertificates(long bodyId, String bodyName, String regionCode, LocalDate day, int issued) {
    }

    /**
     * Certificates issued per body and day from {@code from} (inclusive) to {@code until}
     * (exclusive), of the bodies given when not empty; imported past certificates are
     * left out.
     */
    @Transactional(readOnly = true)
    public List<DailyCertificates> perDay(LocalDate from, LocalDate until, Set<Long> bodyIds) {
        String sql = """
                select evaluation_body_id, max(body_name), max(region_code), issued_on, count(*) from certificate
                where issued_on >= :from and issued_on < :until and route <> 'IMPORTED'""";
        String group = " group by evaluation_body_id, issued_on order by evaluation_body_id, issued_on";
        if (bodyIds.isEmpty()) {
            return jdbc.sql(sql + group)
                .param("from", Date.valueOf(from))
                .param("until", Date.valueOf(until))
                .query((rs, n) -> daily(rs))
                .list();
        }
        List<DailyCertificates> out = new ArrayList<>();
        for (List<Long> chunk : chunks(bodyIds)) {
            out.addAll(jdbc.sql(sql + " and evaluation_body_id in (:b)" + group)
                .param("from", Date.valueOf(from))
                .param("until", Date.valueOf(until))
                .param("b", chunk)
                .query((rs, n) -> daily(rs))
                .list());
        }
        return out;
    }

    private static DailyCertificates daily(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new DailyCertificates(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
                rs.getInt(5));
    }

    /**
     * A body's results for one occupation and level: candidates with a result (not
     * cancelled), how many passed, and when the latest result was entered.
     */
    public record PassRate(long bodyId, String bodyName, String regionCode, String occupationCode, String levelCode,
            int candidates, int passed, Instant lastEnteredAt) {

        public double rate() {
            return candidates == 0 ? 0 : (double) passed / candidates;
        }

    }

    /**
     * Results of batches assessed on or after {@code since} and entered before
     * {@code until}, per body, occupation and level, of every body (peers are compared);
     * when {@code bodyIds} is not empty, only the occupations and levels those bodies
     * assessed.
     */
    @Transactional(readOnly = true)
    public List<PassRate> passRates(LocalDate since, Instant until, Set<Long> bodyIds) {
        String select = """
                select b.evaluation_body_id, max(b.body_name), max(b.region_code), b.occupation_code, b.level_code,
                  count(*), sum(case when r.passed = TRUE then 1 else 0 end), max(r.entered_at)
                from assessment_result r join assessment_batch b on b.id = r.batch_id
                where r.status <> 'CANCELLED' and b.assessed_on >= :since and r.entered_at < :until""";
        String group = """
                 group by b.evaluation_body_id, b.occupation_code, b.level_code
                order by b.evaluation_body_id, b.occupation_code, b.level_code""";
        if (bodyIds.isEmpty()) {
            return jdbc.sql(select + group)
                .param("since", Date.valueOf(since))
                .param("until", Timestamp.from(until))
                .query((rs, n) -> passRate(rs))
                .list();
        }
        return jdbc.sql(select + " " + """
                and exists (select 1 from assessment_batch o where o.evaluation_body_id in (:b)
                 and o.occupation_code = b.occupation_code and o.level_code = b.level_code)""" + group)
            .param("since", Date.valueOf(since))
            .param("until", Timestamp.from(until))
            .param("b", List.copyOf(bodyIds))
            .query((rs, n) -> passRate(rs))
            .list();
    }

    private static PassRate passRate(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new PassRate(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getInt(6), rs.getInt(7), rs.getTimestamp(8).toInstant());
    }

    /** One batch's results, for an alert's evidence. */
    public record BatchResults(long batchId, String batchNo, LocalDate assessedOn, int candidates, int passed) {
    }

    /** A body's batches of an occupation and level assessed on or after a day. */
    @Transactional(readOnly = true)
    public List<BatchResults> batches(long bodyId, String occupationCode, String levelCode, LocalDate since) {
        return jdbc.sql("""
                select b.id, b.batch_no, b.assessed_on, count(*), sum(case when r.passed = TRUE then 1 else 0 end)
                from assessment_result r join assessment_batch b on b.id = r.batch_id
                where r.status <> 'CANCELLED' and b.evaluation_body_id = :b and b.occupation_code = :o
                  and b.level_code = :l and b.assessed_on >= :since
                group by b.id, b.batch_no, b.assessed_on order by b.assessed_on, b.id""")
            .param("b", bodyId)
            .param("o", occupationCode)
            .param("l", levelCode)
            .param("since", Date.valueOf(since))
            .query((rs, n) -> new BatchResults(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                    rs.getInt(4), rs.getInt(5)))
            .list();
    }

    private static List<List<Long>> chunks(Collection<Long> ids) {
        List<Long> all = new ArrayList<>(ids);
        List<List<Long>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            out.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return out;
    }

}
