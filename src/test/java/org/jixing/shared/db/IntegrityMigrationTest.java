package org.jixing.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Statement;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * An existing database with records that break the new integrity rules is not migrated
 * with an obscure constraint error: the migration names each rule, how many rows break it
 * and their ids, and changes nothing until they are corrected. (H2 in memory, migrated by
 * Flyway without Spring.)
 */
class IntegrityMigrationTest {

    /**
     * One session for Flyway and the test, as the application's pool keeps it: H2 2.4
     * fails a CHECK with an IN list once the session that created it is closed.
     */
    final SingleConnectionDataSource database = new SingleConnectionDataSource(
            "jdbc:h2:mem:" + UUID.randomUUID()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "sa", "", true);

    @AfterEach
    void close() {
        database.destroy();
    }

    Flyway flyway(String target) {
        return Flyway.configure()
            .dataSource(database)
            .locations("classpath:db/migration/common", "classpath:db/migration/h2")
            .javaMigrations(new V14_0__Integrity_constraints())
            .target(target)
            .load();
    }

    void sql(String... statements) throws Exception {
        try (Statement s = database.getConnection().createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    @Test
    void aDatabaseWithRowsThatBreakTheRulesIsRefusedWithTheRulesAndTheRows() throws Exception {
        flyway("12.1").migrate();
        sql("""
                insert into programme (id, code, name_zh, occupation_code, level_code, hours, delivery_mode, line_code,
                  sub_target_code) values (1, 'P1', '保洁', 'CLEANER', 'JUNIOR', 24, 'IN_PERSON', 'L06', 'L06-1')""", """
                insert into training_class (id, class_no, provider_id, provider_name, region_code, programme_id,
                  line_code, sub_target_code, occupation_code, level_code, class_type, subsidised, venue_address,
                  venue_lat, venue_lng, start_date, end_date, capacity, status, status_since, created_at)
                values (7, 'C7', 404, '无此机构', '370100', 1, 'L06', 'L06-1', 'CLEANER', 'JUNIOR', 'REGULAR', false,
                  '地址', 36.6, 117.1, date '2025-03-01', date '2025-03-03', 1, 'COMPLETED', now(), now())""", """
                insert into enrolment (id, class_id, person_id, provider_id, region_code, line_code, subsidised, status,
                  token, enrolled_by, enrolled_at) values
                  (11, 7, 9001, 404, '370100', 'L06', false, 'COMPLETED', 't11', 'old system', now()),
                  (12, 7, 9002, 404, '370100', 'L06', false, 'ENROLLED', 't12', 'old system', now())""", """
                insert into progress_rollup (training_year, completed_on, line_code, sub_target_code, region_code,
                  provider_id, occupation_code, subsidised, completions)
                values (2025, date '2025-03-03', 'L06', 'L06-1', '370100', 404, 'CLEANER', false, -3)""");

        assertThatThrownBy(() -> flyway("14.2").migrate())
            .hasStackTraceContaining(
                    "enrolment_completed_on_ck: an enrolment is COMPLETED without a completion date, 1 row (11)")
            .hasStackTraceContaining("enrolment_person_id_fk: enrolment.person_id names a person that does not "
                    + "exist, 2 rows (11, 12)")
            .hasStackTraceContaining("training_class_provider_id_fk: training_class.provider_id names a filed_body")
            .hasStackTraceContaining("training_class_capacity: a class's roster is larger than its capacity, 1 row (7)")
            .hasStackTraceContaining("progress_rollup_completions_ck")
            .hasStackTraceContaining("docs/integrity.md");

        // Nothing was added meanwhile: the row it refused is still accepted.
        sql("update enrolment set completed_on = null where id = 11");
    }

    @Test
    void aDatabaseWhoseRowsKeepTheRulesIsMigrated() throws Exception {
        // Up to the last migration before the integrity rules (the enterprise registry).
        flyway("13.0").migrate();
        MigrateResult result = flyway("14.2").migrate();
        assertThat(result.migrationsExecuted).isEqualTo(2);
        assertThatThrownBy(() -> sql("""
                insert into progress_month (training_year, training_month, line_code, sub_target_code, region_code,
                  subsidised, completions) values (2025, 1, 'L06', 'L06-1', '370100', true, -1)"""))
            .hasMessageContaining("progress_month_completions_ck");
    }

}
