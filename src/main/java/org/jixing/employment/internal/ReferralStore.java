package org.jixing.employment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jixing.employment.ReferralStatus;
import org.jixing.shared.scope.ScopeColumns;
import org.jixing.shared.scope.ScopeSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * SQL for referrals. User reads carry the scope clause (the demand's region, its
 * enterprise, or the person referred).
 */
@Repository
public class ReferralStore {

    public static final ScopeColumns SCOPE = ScopeColumns.create()
        .region("r.region_code")
        .enterprise("r.employer_credit_code")
        .person("r.person_id");

    /** A referral row with its demand's particulars. */
    public record Row(long id, long demandId, String demandNo, String enterpriseName, String occupationCode,
            String cityCode, long personId, long enrolmentId, String regionCode, ReferralStatus status, String note,
            String recordedBy, Instant createdAt, Instant updatedAt, int version) {
    }

    private static final String SELECT = "select r.id, r.demand_id, d.demand_no, d.enterprise_name, "
            + "d.occupation_code, d.city_code, r.person_id, r.enrolment_id, r.region_code, r.status, r.note, "
            + "r.recorded_by, r.created_at, r.updated_at, r.version from employment_referral r "
            + "join employment_demand d on d.id = r.demand_id";

    private final JdbcClient jdbc;

    ReferralStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long demandId, long personId, long enrolmentId, String regionCode, String employer, String note,
            String by, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into employment_referral (demand_id, person_id, enrolment_id, region_code, "
                + "employer_credit_code, status, note, recorded_by, created_at, updated_at, version) values (:d, :p, "
                + ":e, :r, :ent, 'RECOMMENDED', :note, :by, :at, :at, 0)")
            .param("d", demandId)
            .param("p", personId)
            .param("e", enrolmentId)
            .param("r", regionCode)
            .param("ent", employer)
            .param("note", note)
            .param("by", by)
            .param("at", Timestamp.from(at))
            .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public Optional<Row> find(long id, ScopeSql.Clause scope) {
        return jdbc.sql(SELECT + " where r.id = :id and " + scope.sql())
            .param("id", id)
            .params(scope.params())
            .query(ReferralStore::map)
            .optional();
    }

    public Optional<Long> existing(long demandId, long personId) {
        return jdbc.sql("select id from employment_referral where demand_id = :d and person_id = :p")
            .param("d", demandId)
            .param("p", personId)
            .query(Long.class)
            .optional();
    }

    public boolean exists(long id) {
        return jdbc.sql("select count(*) from employment_referral where id = :id")
            .param("id", id)
            .query(Long.class)
            .single() > 0;
    }

    public List<Row> search(ReferralStatus status, ScopeSql.Clause scope, int offset, int limit) {
        var where = ScopeSql.conditions(scope);
        if (status != null) {
            where.and("r.status = :status", "status", status.name());
        }
        ScopeSql.Clause w = where.clause();
        return jdbc
            .sql(SELECT + " where " + w.sql()
                    + " order by r.updated_at desc, r.id desc offset :off rows fetch next :lim rows only")
            .params(w.params())
            .param("off", offset)
            .param("lim", limit)
            .query(ReferralStore::map)
            .list();
    }

    public long count(ReferralStatus status, ScopeSql.Clause scope) {
        var where = ScopeSql.conditions(scope);
        if (status != null) {
            where.and("r.status = :status", "status", status.name());
        }
        ScopeSql.Clause w = where.clause();
        return jdbc.sql("select count(*) from employment_referral r where " + w.sql())
            .params(w.params())
            .query(Long.class)
            .single();
    }

    public boolean move(long id, int version, ReferralStatus from, ReferralStatus to, String note, Instant at) {
        return jdbc
            .sql("update employment_referral set status = :to, note = :note, updated_at = :at, "
                    + "version = version + 1 where id = :id and version = :v and status = :from")
            .param("to", to.name())
            .param("note", note)
            .param("at", Timestamp.from(at))
            .param("id", id)
            .param("v", version)
            .param("from", from.name())
            .update() == 1;
    }

    static Row map(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("demand_id"), rs.getString("demand_no"),
                rs.getString("enterprise_name"), rs.getString("occupation_code"), rs.getString("city_code"),
                rs.getLong("person_id"), rs.getLong("enrolment_id"), rs.getString("region_code"),
                ReferralStatus.valueOf(rs.getString("status")), rs.getString("note"), rs.getString("recorded_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                rs.getInt("version"));
    }

}
