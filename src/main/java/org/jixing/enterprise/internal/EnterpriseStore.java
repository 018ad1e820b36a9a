package org.jixing.enterprise.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jixing.enterprise.Enterprise;
import org.jixing.shared.RegionCode;
import org.jixing.shared.scope.ScopeColumns;
import org.jixing.shared.scope.ScopeSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the enterprise table; every read a user triggers carries the scope clause. */
@Repository
public class EnterpriseStore {

    /** Officers see the enterprises of their region; an enterprise account itself. */
    public static final ScopeColumns SCOPE = ScopeColumns.create().region("region_code").enterprise("credit_code");

    private static final String COLUMNS = "credit_code, name, region_code, created_at, updated_at, version";

    private final JdbcClient jdbc;

    EnterpriseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Enterprise> find(String creditCode, ScopeSql.Clause scope) {
        return jdbc.sql("select " + COLUMNS + " from enterprise where credit_code = :c and " + scope.sql())
            .param("c", creditCode)
            .params(scope.params())
            .query(EnterpriseStore::map)
            .optional();
    }

    public boolean exists(String creditCode) {
        return jdbc.sql("select count(*) from enterprise where credit_code = :c")
            .param("c", creditCode)
            .query(Long.class)
            .single() > 0;
    }

    public List<Enterprise> search(String text, String regionCode, ScopeSql.Clause scope, int offset, int limit) {
        ScopeSql.Clause where = where(text, regionCode, scope);
        return jdbc
            .sql("select " + COLUMNS + " from enterprise where " + where.sql()
                    + " order by region_code, credit_code offset :off rows fetch next :lim rows only")
            .params(where.params())
            .param("off", offset)
            .param("lim", limit)
            .query(EnterpriseStore::map)
            .list();
    }

    public long count(String text, String regionCode, ScopeSql.Clause scope) {
        ScopeSql.Clause where = where(text, regionCode, scope);
        return jdbc.sql("select count(*) from enterprise where " + where.sql())
            .params(where.params())
            .query(Long.class)
            .single();
    }

    private static ScopeSql.Clause where(String text, String regionCode, ScopeSql.Clause scope) {
        ScopeSql.Conditions where = ScopeSql.conditions(scope);
        if (text != null && !text.isBlank()) {
            where.and("(lower(name) like :text or credit_code like :code)");
            String t = text.strip().replace("%", "").replace("_", "");
            where.param("text", "%" + t.toLowerCase(Locale.ROOT) + "%");
            where.param("code", "%" + t.toUpperCase(Locale.ROOT) + "%");
        }
        if (regionCode != null && !regionCode.isBlank()) {
            where.and("region_code like :region", "region", new RegionCode(regionCode).prefix() + "%");
        }
        return where.clause();
    }

    public void insert(String creditCode, String name, String regionCode, Instant now) {
        jdbc.sql("""
                insert into enterprise (credit_code, name, region_code, created_at, updated_at, version)
                values (:c, :n, :r, :now, :now, 0)""")
            .param("c", creditCode)
            .param("n", name)
            .param("r", regionCode)
            .param("now", Timestamp.from(now))
            .update();
    }

    private static Enterprise map(ResultSet rs, int n) throws SQLException {
        return new Enterprise(rs.getString("credit_code"), rs.getString("name"), rs.getString("region_code"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                rs.getInt("version"));
    }

}
