package org.jixing.supervision.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An alert's evidence laid out for a page: the plain values as a list of facts, each list
 * of records as a table (its columns the records' keys in order). Moments (ISO instants)
 * are shown in China time, to the millisecond where it matters.
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
                        row.add(shown(m.get(c)));
                    }
                    rows.add(row);
                }
                tables.add(new Table(key, List.copyOf(columns), rows));
            }
            else if (value instanceof Map<?, ?> m) {
                m.forEach((k, v) -> facts.add(new Fact(key + "." + k, shown(v))));
            }
            else {
                facts.add(new Fact(key, shown(value)));
            }
        });
        return new EvidenceView(facts, tables);
    }

    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z");

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** A value as the page shows it: an instant in China time, anything else as it is. */
    static Object shown(Object value) {
        if (value instanceof String s && INSTANT.matcher(s).matches()) {
            try {
                Instant at = Instant.parse(s);
                String pattern = at.getNano() == 0 ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm:ss.SSS";
                return DateTimeFormatter.ofPattern(pattern).format(at.atZone(CHINA));
            }
            catch (DateTimeParseException e) {
                return s;
            }
        }
        return value;
    }

}
