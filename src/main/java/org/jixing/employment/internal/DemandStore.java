package org.jixing.employment.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jixing.employment.DemandFilter;
import org.jixing.employment.DemandStatus;
import org.jixing.employment.JobDemand;
import org.jixing.employment.NewDemand;
import org.jixing.shared.scope.ScopeColumns;
import org.jixing.shared.scope.ScopeSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for job demands. User reads carry the scope clause (region or enterprise). */
@Repository
public class DemandStore {

    public static final ScopeColumns SCOPE = ScopeColumns.create()
        .region("d.region_code")
        .enterprise("d.enterprise_credit_code");

    private static final String COLUMNS = "d.id, d.demand_no, d.enterprise_credit_code, d.enterprise_name, "
            + "d.occupation_code, d.level_code, d.headcount, d.city_code, d.county_code, d.region_code, d.wage_min, "
            + "d.wage_max, d.start_date, d.conditions, d.status, d.status_reason, d.published_by, d.created_at, "
            + "d.decided_by, d.decided_at, d.version";

    private final JdbcClient jdbc;

    DemandStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(NewDemand n, String enterpriseName, String by, Instant at) {
        var keys = new GeneratedKeyHolder();
        String region = n.countyCode() != null ? n.countyCode() : n.cityCode();
        jdbc.sql("insert into employment_demand (demand_no, enterprise_credit_code, enterprise_name, occupation_code, "
                + "level_code, headcount, city_code, county_code, region_code, wage_min, wage_max, start_date, "
                + "conditions, status, published_by, created_at, version) values (:no, :ent, :name, :occ, :lvl, :n, "
                + ":city, :county, :region, :wmin, :wmax, :start, :cond, 'SUBMITTED', :by, :at, 0)")
            .param("no", "D" + System.nanoTime())
            .param("ent", n.enterpriseCreditCode())
            .param("name", enterpriseName)
            .param("occ", n.occupationCode())
            .param("lvl", n.levelCode())
            .param("n", n.headcount())
            .param("city", n.cityCode())
            .param("county", n.countyCode())
            .param("region", region)
            .param("wmin", n.wageMin())
            .param("wmax", n.wageMax())
            .param("start", Date.valueOf(n.startDate()))
            .param("cond", n.conditions())
            .param("by", by)
            .param("at", Timestamp.from(at))
            .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        jdbc.sql("update employment_demand set demand_no = :no where id = :id")
            .param("no", String.format("XQ%08d", id))
            .param("id", id)
            .update();
        return id;
    }

    public Optional<JobDemand> find(long id, ScopeSql.Clause scope) {
        return jdbc.sql("select " + COLUMNS + " from employment_demand d where d.id = :id and " + scope.sql())
            .param("id", id)
            .params(scope.params())
            .query(DemandStore::map)
            .optional();
    }

    public boolean exists(long id) {
        return jdbc.sql("select count(*) from employment_demand where id = :id")
            .param("id", id)
            .query(Long.class)
            .single() > 0;
    }

    public List<JobDemand> search(DemandFilter f, ScopeSql.Clause scope, int offset, int limit) {
        ScopeSql.Clause where = where(f, scope);
        return jdbc
            .sql("select " + COLUMNS + " from employment_demand d where " + where.sql()
                    + " order by case d.status when 'SUBMITTED' then 0 when 'APPROVED' then 1 else 2 end, "
                    + "d.created_at desc, d.id desc offset :off rows fetch next :lim rows only")
            .params(where.params())
            .param("off", offset)
            .param("lim", limit)
            .query(DemandStore::map)
            .list();
    }

    public long count(DemandFilter f, ScopeSql.Clause scope) {
        ScopeSql.Clause where = where(f, scope);
        return jdbc.sql("select count(*) from employment_demand d where " + where.sql())
            .params(where.params())
            .query(Long.class)
            .single();
    }

    /** Approved demands (unscoped) of an occupation, in a city if one is named. */
    public List<JobDemand> open(String occupationCode, String cityCode, int offset, int limit) {
        return search(new DemandFilter(DemandStatus.APPROVED, occupationCode, cityCode), ScopeSql.UNSCOPED, offset,
                limit);
    }

    /** Approved demands (unscoped) of one enterprise. */
    public List<JobDemand> approvedOf(String creditCode, int limit) {
        return search(new DemandFilter(DemandStatus.APPROVED, null, null),
                new ScopeSql.Clause("d.enterprise_credit_code = :ent", java.util.Map.of("ent", creditCode)), 0, limit);
    }

    public long countOpen(String occupationCode, String cityCode) {
        return count(new DemandFilter(DemandStatus.APPROVED, occupationCode, cityCode), ScopeSql.UNSCOPED);
    }

    private static ScopeSql.Clause where(DemandFilter f, ScopeSql.Clause scope) {
        var where = ScopeSql.conditions(scope);
        if (f.status() != null) {
            where.and("d.status = :status", "status", f.status().name());
        }
        if (f.occupationCode() != null && !f.occupationCode().isBlank()) {
            where.and("d.occupation_code = :occ", "occ", f.occupationCode());
        }
        if (f.cityCode() != null && !f.cityCode().isBlank()) {
            where.and("d.city_code = :city", "city", f.cityCode());
        }
        return where.clause();
    }

    public boolean changeStatus(long id, int version, DemandStatus from, DemandStatus to, String reason, String by,
            Instant at) {
        return jdbc
            .sql("update employment_demand set status = :to, status_reason = :r, decided_by = :by, decided_at = :at, "
                    + "version = version + 1 where id = :id and version = :v and status = :from")
            .param("to", to.name())
            .param("r", reason)
            .param("by", by)
            .param("at", Timestamp.from(at))
            .param("id", id)
            .param("v", version)
            .param("from", from.name())
            .update() == 1;
    }

    static JobDemand map(ResultSet rs, int n) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new JobDemand(rs.getLong("id"), rs.getString("demand_no"), rs.getString("enterprise_credit_code"),
                rs.getString("enterprise_name"), rs.getString("occupation_code"), rs.getString("level_code"),
                rs.getInt("headcount"), rs.getString("city_code"), rs.getString("county_code"),
                rs.getString("region_code"), rs.getBigDecimal("wage_min"), rs.getBigDecimal("wage_max"),
                rs.getDate("start_date").toLocalDate(), rs.getString("conditions"),
                DemandStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
                rs.getString("published_by"), rs.getTimestamp("created_at").toInstant(), rs.getString("decided_by"),
                decided == null ? null : decided.toInstant(), rs.getInt("version"));
    }

}
