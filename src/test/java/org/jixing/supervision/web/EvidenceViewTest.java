package org.jixing.supervision.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** An alert's evidence as the inspector reads it. */
class EvidenceViewTest {

    @Test
    void lists_of_records_become_tables_and_moments_are_shown_in_china_time() {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("seconds", 10);
        evidence.put("sessions", List.of(Map.of("session", 368, "from", "2026-11-29T00:55:00Z"),
                Map.of("session", 369, "to", "2026-11-30T00:55:05.500Z")));
        EvidenceView v = EvidenceView.of(evidence);
        assertThat(v.facts()).containsExactly(new EvidenceView.Fact("seconds", 10));
        EvidenceView.Table t = v.tables().get(0);
        assertThat(t.key()).isEqualTo("sessions");
        assertThat(t.columns()).containsExactlyInAnyOrder("session", "from", "to");
        int from = t.columns().indexOf("from");
        int to = t.columns().indexOf("to");
        assertThat(t.rows().get(0).get(from)).isEqualTo("2026-11-29 08:55:00");
        assertThat(t.rows().get(1).get(to)).isEqualTo("2026-11-30 08:55:05.500");
        assertThat(t.rows().get(1).get(from)).isNull();
        assertThat(EvidenceView.shown("not a time")).isEqualTo("not a time");
    }

}
