package org.jixing.supervision.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An alert's evidence laid out for a page: the plain values as a list of facts, each list
 * of records as a table (its columns the records' keys in order).
 */
record EvidenceView(List<Fact> facts, List<Table> tables) {

    record Fact(String key, Object value) {
    }

    record Table(String key, List<String> columns, List<List<Object>> rows) {
    }

    static EvidenceView of(Map<String, Object> evidence) {
        List<Fact> facts = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        evidence.forEach((key, value) -> {
            if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?>) {
                Set<String> columns = new LinkedHashSet<>();
                for (Object o : list) {
                    ((Map<?, ?>) o).keySet().forEach(k -> columns.add(String.valueOf(k)));
                }
                List<List<Object>> rows = new ArrayList<>();
                for (Object o : list) {
                    Map<?, ?> m = (Map<?, ?>) o;
                    List<Object> row = new ArrayList<>();
                    for (String c : columns) {
                        row.add(m.get(c));
                    }
                    rows.add(row);
                }
                tables.add(new Table(key, List.copyOf(columns), rows));
            }
            else if (value instanceof Map<?, ?> m) {
                m.forEach((k, v) -> facts.add(new Fact(key + "." + k, v)));
            }
            else {
                facts.add(new Fact(key, value));
            }
        });
        return new EvidenceView(facts, tables);
    }

}
