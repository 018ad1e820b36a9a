package org.jixing.training.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jixing.shared.scope.ScopeColumns;
import org.jixing.shared.scope.ScopeSql;
import org.jixing.training.CheckInTerminal;
import org.jixing.training.NewTerminal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for registered check-in terminals. */
@Repository
public class TerminalStore {

    /**
     * Region officers see their region's providers' terminals, provider staff their own.
     */
    public static final ScopeColumns SCOPE = ScopeColumns.create().region("t.region_code").provider("t.provider_id");

    private static final String COLUMNS = """
            t.id, t.provider_id, t.region_code, t.device_id, t.name, t.venue_address, t.venue_lat, t.venue_lng,
            t.registered_by, t.registered_at, t.retired_by, t.retired_at, t.retire_reason""";

    private final JdbcClient jdbc;

    TerminalStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Registers a terminal; the database refuses a second active registration of the same
     * device ({@code DuplicateKeyException}).
     */
    public long insert(long providerId, String regionCode, NewTerminal t, String by, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into check_in_terminal (provider_id, region_code, device_id, active_device_id, name,
                  venue_address, venue_lat, venue_lng, registered_by, registered_at)
                values (:provider, :region, :device, :device, :name, :address, :lat, :lng, :by, :at)""")
            .param("provider", providerId)
            .param("region", regionCode)
            .param("device", t.deviceId())
            .param("name", t.name())
            .param("address", t.venueAddress())
            .param("lat", t.venueLat())
            .param("lng", t.venueLng())
            .param("by", by)
            .param("at", Timestamp.from(at))
            .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Retires an active terminal; false when it was retired already. */
    public boolean retire(long id, String by, Instant at, String reason) {
        return jdbc.sql("""
                update check_in_terminal set active_device_id = null, retired_by = :by, retired_at = :at,
                  retire_reason = :reason where id = :id and retired_at is null""")
            .param("by", by)
            .param("at", Timestamp.from(at))
            .param("reason", reason)
            .param("id", id)
            .update() == 1;
    }

    public boolean deviceActive(String deviceId) {
        return jdbc.sql("select count(*) from check_in_terminal where active_device_id = :d")
            .param("d", deviceId)
            .query(Long.class)
            .single() > 0;
    }

    public Optional<CheckInTerminal> find(long id, ScopeSql.Clause scope) {
        return jdbc.sql("select " + COLUMNS + " from check_in_terminal t where t.id = :id and " + scope.sql())
            .param("id", id)
            .params(scope.params())
            .query(TerminalStore::map)
            .optional();
    }

    public boolean exists(long id) {
        return jdbc.sql("select count(*) from check_in_terminal where id = :id")
            .param("id", id)
            .query(Long.class)
            .single() > 0;
    }

    /** Terminals in scope, of one provider if named: active first, then by name. */
    public List<CheckInTerminal> search(Long providerId, boolean includeRetired, ScopeSql.Clause scope) {
        return jdbc
            .sql("select " + COLUMNS + " from check_in_terminal t where " + scope.sql()
                    + (providerId == null ? "" : " and t.provider_id = :provider")
                    + (includeRetired ? "" : " and t.retired_at is null")
                    + " order by case when t.retired_at is null then 0 else 1 end, t.name, t.id limit 1000")
            .params(scope.params())
            .params(providerId == null ? Map.of() : Map.of("provider", providerId))
            .query(TerminalStore::map)
            .list();
    }

    static CheckInTerminal map(ResultSet rs, int n) throws SQLException {
        Timestamp retired = rs.getTimestamp("retired_at");
        return new CheckInTerminal(rs.getLong("id"), rs.getLong("provider_id"), rs.getString("region_code"),
                rs.getString("device_id"), rs.getString("name"), rs.getString("venue_address"),
                rs.getBigDecimal("venue_lat"), rs.getBigDecimal("venue_lng"), rs.getString("registered_by"),
                rs.getTimestamp("registered_at").toInstant(), rs.getString("retired_by"),
                retired == null ? null : retired.toInstant(), rs.getString("retire_reason"));
    }

}
