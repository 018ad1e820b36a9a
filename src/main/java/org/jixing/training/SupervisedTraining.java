package org.jixing.training;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Unscoped reads of classes and enrolments for the supervision engine's money and person
 * rules (they run as the province's reader, like {@code ScopeSql.UNSCOPED} reads): when
 * classes completed, and the subsidised enrolments of a period or of some classes with
 * their class's line and first day. Not for pages.
 */
@Service
public class SupervisedTraining {

    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;

    SupervisedTraining(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * When each of these classes completed (its latest step to COMPLETED); classes not
     * completed are absent.
     */
    @Transactional(readOnly = true)
    public Map<Long, Instant> completedAt(Collection<Long> classIds) {
        Map<Long, Instant> out = new HashMap<>();
        for (List<Long> chunk : chunks(classIds)) {
            jdbc.sql("select class_id, max(decided_at) from training_class_status_change "
                    + "where status = 'COMPLETED' and class_id in (:ids) group by class_id")
                .param("ids", chunk)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getTimestamp(2).toInstant()))
                .list()
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        }
        return out;
    }

    /** A subsidised enrolment with its class's particulars. */
    public record SubsidisedEnrolment(long enrolmentId, long personId, long classId, String classNo, long providerId,
            String regionCode, String lineCode, LocalDate startDate, String status) {
    }

    /**
     * Subsidised enrolments not withdrawn: of the classes given when {@code classIds} is
     * not empty, else those enrolled from {@code from} (inclusive) to {@code to}
     * (exclusive) (of the people given when {@code personIds} is not empty).
     */
    @Transactional(readOnly = true)
    public List<SubsidisedEnrolment> subsidisedEnrolments(Instant from, Instant to, Set<Long> classIds,
            Set<Long> personIds) {
        String select = """
                select e.id, e.person_id, e.class_id, c.class_no, e.provider_id, e.region_code, e.line_code,
                  c.start_date, e.status
                from enrolment e join training_class c on c.id = e.class_id
                where e.subsidised = TRUE and e.status <> 'WITHDRAWN'""";
        List<SubsidisedEnrolment> out = new ArrayList<>();
        if (!classIds.isEmpty()) {
            for (List<Long> chunk : chunks(classIds)) {
                out.addAll(jdbc.sql(select + " and e.class_id in (:ids) order by e.id")
                    .param("ids", chunk)
                    .query((rs, n) -> row(rs))
                    .list());
            }
            return out;
        }
        String period = select + " and e.enrolled_at >= :from and e.enrolled_at < :to";
        if (personIds.isEmpty()) {
            return jdbc.sql(period + " order by e.id")
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> row(rs))
                .list();
        }
        for (List<Long> chunk : chunks(personIds)) {
            out.addAll(jdbc.sql(period + " and e.person_id in (:p) order by e.id")
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("p", chunk)
                .query((rs, n) -> row(rs))
                .list());
        }
        return out;
    }

    private static SubsidisedEnrolment row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new SubsidisedEnrolment(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getLong(5),
                rs.getString(6), rs.getString(7), rs.getDate(8).toLocalDate(), rs.getString(9));
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
