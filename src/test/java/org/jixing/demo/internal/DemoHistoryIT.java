package org.jixing.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.jixing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo province's past (generated when the test context starts, small) is what the
 * history path lets through: nobody sits in two classes at once.
 */
class DemoHistoryIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    /**
     * Pairs of standing enrolments of one person in two classes of the demo's providers
     * (credit codes 52…) whose sessions overlap.
     */
    static final String OVERLAPPING_PAIRS = """
            select count(*) from enrolment a
            join enrolment b on b.person_id = a.person_id and b.class_id > a.class_id
            join training_class ca on ca.id = a.class_id
            join training_class cb on cb.id = b.class_id
            where a.status <> 'WITHDRAWN' and b.status <> 'WITHDRAWN'
              and ca.status not in ('REJECTED', 'CANCELLED') and cb.status not in ('REJECTED', 'CANCELLED')
              and ca.start_date <= cb.end_date and cb.start_date <= ca.end_date
              and exists (select 1 from filed_body f where f.id = ca.provider_id and f.credit_code like '52%')
              and exists (select 1 from filed_body f where f.id = cb.provider_id and f.credit_code like '52%')
              and exists (select 1 from class_session s join class_session t
                on s.starts_at < t.ends_at and s.ends_at > t.starts_at
                where s.class_id = a.class_id and t.class_id = b.class_id)""";

    @Test
    void theDemoPastHasNobodyInTwoOverlappingClasses() {
        assertThat(jdbc.sql("""
                select count(*) from enrolment e join training_class c on c.id = e.class_id
                where c.status = 'COMPLETED' and exists (select 1 from filed_body f
                  where f.id = c.provider_id and f.credit_code like '52%')""").query(Long.class).single())
            .as("the demo's past has completed trainings")
            .isPositive();
        assertThat(jdbc.sql(OVERLAPPING_PAIRS).query(Long.class).single()).isZero();
    }

}
