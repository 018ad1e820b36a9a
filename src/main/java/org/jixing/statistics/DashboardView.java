package org.jixing.statistics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jixing.reference.ActionLine;
import org.jixing.reference.Region;
import org.jixing.reference.SubTarget;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.RecordNotFoundException;
import org.jixing.shared.scope.ScopeKind;

/**
 * What a dashboard shows: the narrowing to a city or a line (null where none), the cities
 * and lines in view, whether it reads against the cities' shares of the targets, and the
 * narrowing as a condition over the rollups ({@code r}).
 */
record DashboardView(Region city, ActionLine line, List<Region> cities, List<ActionLine> lines, boolean byCity,
        String condition, Map<String, Object> params) {

    Set<String> cityCodes() {
        return cities.stream().map(Region::code).collect(Collectors.toSet());
    }

    List<SubTarget> subTargets() {
        return lines.stream().flatMap(l -> l.subTargets().stream()).toList();
    }

    /** The narrowing and another condition. */
    String and(String other) {
        return condition == null ? other : condition + " and " + other;
    }

    /**
     * The cities and lines in the caller's scope, narrowed to one city or line if asked.
     */
    static DashboardView of(CurrentUser me, List<Region> cities, List<ActionLine> lines, String cityCode,
            String lineCode) {
        Region city = null;
        if (cityCode != null && !cityCode.isBlank()) {
            city = cities.stream()
                .filter(c -> c.code().equals(cityCode))
                .findFirst()
                .orElseThrow(() -> new RecordNotFoundException("city", cityCode));
            cities = List.of(city);
        }
        ActionLine line = null;
        if (lineCode != null && !lineCode.isBlank()) {
            line = lines.stream()
                .filter(l -> l.code().equals(lineCode))
                .findFirst()
                .orElseThrow(() -> new RecordNotFoundException("line", lineCode));
            lines = List.of(line);
        }
        Map<String, Object> params = new HashMap<>();
        List<String> conditions = new ArrayList<>();
        if (city != null) {
            conditions.add("r.region_code like :fcity");
            params.put("fcity", city.code().substring(0, 4) + "%");
        }
        if (line != null) {
            conditions.add("r.line_code = :fline");
            params.put("fline", line.code());
        }
        // A city's view is read against the city's shares of the targets.
        boolean byCity = city != null || me.scope().kind() == ScopeKind.REGION;
        return new DashboardView(city, line, cities, lines, byCity,
                conditions.isEmpty() ? null : String.join(" and ", conditions), params);
    }

    /** The unique persons of the view as a whole, where they are kept. */
    Long totalPersons(CurrentUser me, Persons persons, String province) {
        if (city != null) {
            return line == null ? persons.of("CITY", "", city.code())
                    : persons.of("LINE_CITY", line.code(), city.code());
        }
        if (line != null) {
            return persons.of("LINE", line.code(), province);
        }
        if (me.scope().kind() == ScopeKind.PROVINCE) {
            return persons.of("ALL", "", province);
        }
        return me.scope().kind() == ScopeKind.REGION && cities.size() == 1
                ? persons.of("CITY", "", cities.get(0).code()) : null;
    }

    /**
     * Unique persons of the year by dimension, line and region; none where the view is of
     * an earlier day of the year.
     */
    record Persons(Map<String, Long> byKey) {

        Long of(String dimension, String line, String region) {
            return byKey.get(dimension + "|" + line + "|" + region);
        }

    }

}
