package org.jixing.statistics.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the cities' shares of the annual targets. */
@Repository
public class TargetStore {

    private final JdbcClient jdbc;

    TargetStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The year's split: sub-target → city → target. */
    public Map<String, Map<String, Long>> ofYear(int year) {
        Map<String, Map<String, Long>> out = new HashMap<>();
        jdbc.sql("select sub_target_code, region_code, target from city_target where plan_year = :y")
            .param("y", year)
            .query((rs, n) -> out.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                .put(rs.getString(2), rs.getLong(3)))
            .list();
        return out;
    }

    public void put(int year, String subTarget, String region, Long target, String by, Instant at) {
        jdbc.sql("delete from city_target where plan_year = :y and sub_target_code = :s and region_code = :r")
            .param("y", year)
            .param("s", subTarget)
            .param("r", region)
            .update();
        if (target != null) {
            jdbc.sql("""
                    insert into city_target (plan_year, sub_target_code, region_code, target, updated_by, updated_at)
                    values (:y, :s, :r, :t, :by, :at)""")
                .param("y", year)
                .param("s", subTarget)
                .param("r", region)
                .param("t", target)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .update();
        }
    }

}
