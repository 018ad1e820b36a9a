package org.jixing.shared.scope;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ScopeSqlConditionsTest {

    private static final ScopeSql.Clause REGION = new ScopeSql.Clause("c.region_code like :scope_region_prefix",
            Map.of("scope_region_prefix", "3701%"));

    @Test
    void aFilterNarrowsTheScopeAndKeepsItsParameters() {
        ScopeSql.Clause where = ScopeSql.conditions(REGION)
            .and("c.status = :status", "status", "OPEN")
            .and("c.deleted = false")
            .clause();

        assertThat(where.sql())
            .isEqualTo("c.region_code like :scope_region_prefix and c.status = :status" + " and c.deleted = false");
        assertThat(where.params())
            .containsExactlyInAnyOrderEntriesOf(Map.of("scope_region_prefix", "3701%", "status", "OPEN"));
    }

    @Test
    void noFilterLeavesTheScopeAsItWas() {
        assertThat(ScopeSql.conditions(REGION).clause()).isEqualTo(REGION);
    }

    @Test
    void aSubqueryIsAddedWithItsParameters() {
        ScopeSql.Clause inner = ScopeSql.conditions(new ScopeSql.Clause("e.class_id = c.id", Map.of()))
            .and("e.completed_on >= :from", "from", "2026-01-01")
            .clause();

        ScopeSql.Clause where = ScopeSql.conditions(REGION)
            .and(new ScopeSql.Clause("exists (select 1 from enrolment e where " + inner.sql() + ")", inner.params()))
            .clause();

        assertThat(where.sql())
            .endsWith(" and exists (select 1 from enrolment e where e.class_id = c.id and e.completed_on >= :from)");
        assertThat(where.params()).containsEntry("from", "2026-01-01").containsKey("scope_region_prefix");
    }

    @Test
    void theUnscopedClauseLetsEveryRowThrough() {
        assertThat(ScopeSql.UNSCOPED.sql()).isEqualTo("1=1");
        assertThat(ScopeSql.UNSCOPED.params()).isEmpty();
    }

}
