package org.jixing.supervision.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.jixing.supervision.RuleVersion;
import org.jixing.supervision.Severity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL for the rules' published versions. Rules are province-wide: no scope. */
@Repository
public class RiskRuleStore {

    private static final String COLUMNS = "id, code, version, severity, blocking, enabled, parameters, description_zh, "
            + "description_en, in_force, published_by, published_at, reason";

    private final JdbcClient jdbc;

    private final JsonMapper json;

    RiskRuleStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<RuleVersion> inForce() {
        return jdbc.sql("select " + COLUMNS + " from risk_rule_version where in_force = true order by code")
            .query(this::map)
            .list();
    }

    public List<RuleVersion> versions(String code) {
        return jdbc.sql("select " + COLUMNS + " from risk_rule_version where code = :c order by version desc")
            .param("c", code)
            .query(this::map)
            .list();
    }

    public Optional<RuleVersion> current(String code) {
        return jdbc.sql("select " + COLUMNS + " from risk_rule_version where code = :c and in_force = true")
            .param("c", code)
            .query(this::map)
            .optional();
    }

    /**
     * Publishes the next version of a rule and retires the one in force, in the caller's
     * transaction; the unique (code, version) refuses a second publication racing this
     * one.
     */
    public long publish(String code, int version, Severity severity, boolean blocking, boolean enabled,
            Map<String, BigDecimal> parameters, String zh, String en, String by, Instant at, String reason) {
        jdbc.sql("update risk_rule_version set in_force = false where code = :c and in_force = true")
            .param("c", code)
            .update();
        jdbc.sql("insert into risk_rule_version (code, version, severity, blocking, enabled, parameters, "
                + "description_zh, description_en, in_force, published_by, published_at, reason) values (:c, :v, :s, "
                + ":b, :e, :p, :zh, :en, true, :by, :at, :r)")
            .param("c", code)
            .param("v", version)
            .param("s", severity.name())
            .param("b", blocking)
            .param("e", enabled)
            .param("p", json.writeValueAsString(new TreeMap<>(parameters)))
            .param("zh", zh)
            .param("en", en)
            .param("by", by)
            .param("at", Timestamp.from(at))
            .param("r", reason)
            .update();
        return jdbc.sql("select id from risk_rule_version where code = :c and version = :v")
            .param("c", code)
            .param("v", version)
            .query(Long.class)
            .single();
    }

    private RuleVersion map(ResultSet rs, int row) throws SQLException {
        Map<String, BigDecimal> params = new TreeMap<>(
                json.readValue(rs.getString("parameters"), new TypeReference<Map<String, BigDecimal>>() {
                }));
        return new RuleVersion(rs.getLong("id"), rs.getString("code"), rs.getInt("version"),
                Severity.valueOf(rs.getString("severity")), rs.getBoolean("blocking"), rs.getBoolean("enabled"),
                Collections.unmodifiableMap(params), rs.getString("description_zh"), rs.getString("description_en"),
                rs.getBoolean("in_force"), rs.getString("published_by"), rs.getTimestamp("published_at").toInstant(),
                rs.getString("reason"));
    }

}
