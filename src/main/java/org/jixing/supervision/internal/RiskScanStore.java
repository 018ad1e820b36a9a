package org.jixing.supervision.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.jixing.supervision.ScanRun;
import org.jixing.supervision.ScanSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for the record of scans. */
@Repository
public class RiskScanStore {

    private final JdbcClient jdbc;

    RiskScanStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long start(String kind, Instant from, Instant to, String by, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into risk_scan_run (kind, window_from, window_to, started_by, started_at, rules_run, hits, "
                + "alerts_new, alerts_merged) values (:k, :f, :t, :by, :at, 0, 0, 0, 0)")
            .param("k", kind)
            .param("f", Timestamp.from(from))
            .param("t", Timestamp.from(to))
            .param("by", by)
            .param("at", Timestamp.from(at))
            .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void finish(long id, ScanSummary s, Instant at) {
        jdbc.sql("update risk_scan_run set finished_at = :at, rules_run = :r, hits = :h, alerts_new = :n, "
                + "alerts_merged = :m where id = :id")
            .param("at", Timestamp.from(at))
            .param("r", s.rulesRun())
            .param("h", s.hits())
            .param("n", s.alertsNew())
            .param("m", s.alertsMerged())
            .param("id", id)
            .update();
    }

    /** The latest scans, newest first. */
    public List<ScanRun> latest(int limit) {
        return jdbc
            .sql("select id, kind, window_from, window_to, started_by, started_at, finished_at, rules_run, hits, "
                    + "alerts_new, alerts_merged from risk_scan_run order by id desc fetch first :n rows only")
            .param("n", limit)
            .query((rs, n) -> new ScanRun(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                    rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getTimestamp(6).toInstant(),
                    rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(), rs.getInt(8), rs.getInt(9),
                    rs.getInt(10), rs.getInt(11)))
            .list();
    }

}
