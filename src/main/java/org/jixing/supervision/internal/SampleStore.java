package org.jixing.supervision.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jixing.shared.scope.ScopeColumns;
import org.jixing.shared.scope.ScopeSql;
import org.jixing.supervision.InspectionSample;
import org.jixing.supervision.InspectionSample.SampleClass;
import org.jixing.supervision.Severity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * SQL for the monthly inspection samples and their candidates, and the read of live
 * alerts' points that weights a candidate. Reads a user triggers carry the scope clause
 * (the sample's city).
 */
@Repository
public class SampleStore {

    public static final ScopeColumns SCOPE = ScopeColumns.create().region("s.region_code");

    private static final String COLUMNS = "s.id, s.sample_no, s.region_code, s.sample_month, s.share_bp, s.salt, "
            + "s.seed, s.candidates, s.sample_size, s.drawn_by, s.drawn_at, (select count(*) from "
            + "inspection_sample_class v where v.sample_id = s.id and v.selected = TRUE and v.visit_id is not null) "
            + "as visited";

    /** At most this many ids in one {@code in (...)} list. */
    private static final int CHUNK = 500;

    private final JdbcClient jdbc;

    SampleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A candidate as the draw stores it. */
    public record CandidateRow(int order, long classId, String classNo, long providerId, int weight, int classPoints,
            int providerPoints, boolean selected) {
    }

    public Optional<InspectionSample> find(long id, ScopeSql.Clause scope) {
        return jdbc.sql("select " + COLUMNS + " from inspection_sample s where s.id = :id and " + scope.sql())
            .param("id", id)
            .params(scope.params())
            .query(SampleStore::map)
            .optional()
            .map(s -> withClasses(s, classes(s.id())));
    }

    public boolean exists(long id) {
        return jdbc.sql("select count(*) from inspection_sample where id = :id")
            .param("id", id)
            .query(Long.class)
            .single() > 0;
    }

    /** The sample of a city and month, unscoped (the draw checks for it). */
    public Optional<InspectionSample> findByRegionAndMonth(String regionCode, String month) {
        return jdbc
            .sql("select " + COLUMNS + " from inspection_sample s where s.region_code = :r and s.sample_month = :m")
            .param("r", regionCode)
            .param("m", month)
            .query(SampleStore::map)
            .optional();
    }

    /** Samples in scope, of a month if given, newest month first, then by city. */
    public List<InspectionSample> search(String month, String regionCode, ScopeSql.Clause scope, int limit) {
        var where = ScopeSql.conditions(scope);
        if (month != null) {
            where.and("s.sample_month = :month", "month", month);
        }
        if (regionCode != null) {
            where.and("s.region_code = :region", "region", regionCode);
        }
        var clause = where.clause();
        return jdbc
            .sql("select " + COLUMNS + " from inspection_sample s where " + clause.sql()
                    + " order by s.sample_month desc, s.region_code offset 0 rows fetch next :lim rows only")
            .params(clause.params())
            .param("lim", limit)
            .query(SampleStore::map)
            .list();
    }

    public long insert(String sampleNo, String regionCode, String month, int shareBp, long salt, long seed,
            int candidates, int sampleSize, String by, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into inspection_sample (sample_no, region_code, sample_month, share_bp, salt, seed, candidates,
                  sample_size, drawn_by, drawn_at)
                values (:no, :r, :m, :bp, :salt, :seed, :n, :k, :by, :at)""")
            .param("no", sampleNo)
            .param("r", regionCode)
            .param("m", month)
            .param("bp", shareBp)
            .param("salt", salt)
            .param("seed", seed)
            .param("n", candidates)
            .param("k", sampleSize)
            .param("by", by)
            .param("at", Timestamp.from(at))
            .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void insertCandidate(long sampleId, CandidateRow c) {
        jdbc.sql("""
                insert into inspection_sample_class (sample_id, draw_order, class_id, class_no, provider_id, weight,
                  class_points, provider_points, selected)
                values (:s, :o, :c, :no, :p, :w, :cp, :pp, :sel)""")
            .param("s", sampleId)
            .param("o", c.order())
            .param("c", c.classId())
            .param("no", c.classNo())
            .param("p", c.providerId())
            .param("w", c.weight())
            .param("cp", c.classPoints())
            .param("pp", c.providerPoints())
            .param("sel", c.selected())
            .update();
    }

    public List<SampleClass> classes(long sampleId) {
        return jdbc.sql("""
                select draw_order, class_id, class_no, provider_id, weight, class_points, provider_points, selected,
                  visit_id
                from inspection_sample_class where sample_id = :s order by draw_order""")
            .param("s", sampleId)
            .query((rs, n) -> new SampleClass(rs.getInt(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getInt(5),
                    rs.getInt(6), rs.getInt(7), rs.getBoolean(8), rs.getObject(9, Long.class)))
            .list();
    }

    /**
     * Marks a class drawn in the month's sample of its city visited by this visit, if it
     * was drawn and not yet visited; the sample's id, if any.
     */
    public Optional<Long> markVisited(String regionCode, String month, long classId, long visitId) {
        Optional<Long> sample = jdbc.sql("""
                select s.id from inspection_sample s join inspection_sample_class c on c.sample_id = s.id
                where s.region_code = :r and s.sample_month = :m and c.class_id = :c and c.selected = TRUE""")
            .param("r", regionCode)
            .param("m", month)
            .param("c", classId)
            .query(Long.class)
            .optional();
        sample.ifPresent(id -> jdbc.sql("""
                update inspection_sample_class set visit_id = :v
                where sample_id = :s and class_id = :c and visit_id is null""")
            .param("v", visitId)
            .param("s", id)
            .param("c", classId)
            .update());
        return sample;
    }

    /**
     * The points of the live alerts (open or in a case) about each class, as its subject
     * or one of its targets, each alert counted once per class: LOW 1, MEDIUM 2, HIGH 3.
     * Unscoped: the caller has the classes in scope.
     */
    public Map<Long, Integer> livePoints(String kind, Collection<Long> ids) {
        Map<Long, Integer> points = new HashMap<>();
        List<Long> all = new ArrayList<>(ids);
        for (int i = 0; i < all.size(); i += CHUNK) {
            List<Long> chunk = all.subList(i, Math.min(all.size(), i + CHUNK));
            jdbc.sql("""
                    select x.subject_id, a.severity from risk_alert a join (
                      select id as alert_id, subject_id from risk_alert where subject_kind = :k and subject_id in (:ids)
                      union
                      select alert_id, target_id as subject_id from risk_alert_target
                      where kind = :k and target_id in (:ids)) x on x.alert_id = a.id
                    where a.status in ('OPEN', 'IN_CASE')""").param("k", kind).param("ids", chunk).query((rs, n) -> {
                points.merge(rs.getLong(1), points(Severity.valueOf(rs.getString(2))), Integer::sum);
                return null;
            }).list();
        }
        return points;
    }

    /** The points one live alert of a severity adds to a candidate's weight. */
    public static int points(Severity s) {
        return switch (s) {
            case LOW -> 1;
            case MEDIUM -> 2;
            case HIGH -> 3;
        };
    }

    private static InspectionSample withClasses(InspectionSample s, List<SampleClass> classes) {
        return new InspectionSample(s.id(), s.sampleNo(), s.regionCode(), s.month(), s.shareBasisPoints(), s.salt(),
                s.seed(), s.candidates(), s.sampleSize(), s.visited(), s.drawnBy(), s.drawnAt(), classes);
    }

    private static InspectionSample map(ResultSet rs, int n) throws SQLException {
        return new InspectionSample(rs.getLong("id"), rs.getString("sample_no"), rs.getString("region_code"),
                rs.getString("sample_month"), rs.getInt("share_bp"), rs.getLong("salt"), rs.getLong("seed"),
                rs.getInt("candidates"), rs.getInt("sample_size"), rs.getInt("visited"), rs.getString("drawn_by"),
                rs.getTimestamp("drawn_at").toInstant(), List.of());
    }

}
