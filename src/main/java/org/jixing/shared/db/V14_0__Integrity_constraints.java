package org.jixing.shared.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * First checks every rule of {@link IntegrityRules} against the rows already there, and
 * refuses to go on while any row breaks one, naming the rule, how many rows and the first
 * ids; then adds the foreign keys and CHECK constraints both databases enforce. The
 * trigger rules follow in V14_1 (PostgreSQL) and V14_2 (H2).
 */
@Component
class V14_0__Integrity_constraints extends BaseJavaMigration {

    static final int SAMPLE = 10;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        List<String> broken = offences(connection);
        if (!broken.isEmpty()) {
            throw new FlywayException("""
                    The database holds records that break the integrity rules this version adds, so they cannot \
                    be added:
                     - %s
                    Correct or remove these records (docs/integrity.md, "Existing data", has the query for each \
                    rule), then start again.""".formatted(String.join("\n - ", broken)));
        }
        try (Statement ddl = connection.createStatement()) {
            for (IntegrityRules.Check c : IntegrityRules.CHECKS) {
                ddl.execute(c.ddl());
            }
            for (IntegrityRules.ForeignKey f : IntegrityRules.FOREIGN_KEYS) {
                ddl.execute(f.ddl());
            }
        }
    }

    /**
     * Each rule that some rows break: its name, what it says, how many, the first ids.
     */
    static List<String> offences(Connection connection) throws SQLException {
        List<String> broken = new ArrayList<>();
        for (IntegrityRules.Rule rule : IntegrityRules.all()) {
            List<String> ids = new ArrayList<>();
            long count = 0;
            try (Statement s = connection.createStatement();
                    var rs = s.executeQuery(rule.offenders() + " order by 1")) {
                while (rs.next()) {
                    if (count++ < SAMPLE) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            if (count > 0) {
                broken.add("%s: %s, %d row%s (%s%s)".formatted(rule.name(), rule.description(), count,
                        count == 1 ? "" : "s", String.join(", ", ids), count > SAMPLE ? ", ..." : ""));
            }
        }
        return broken;
    }

}
