package org.jixing.statistics;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.reference.ActionLine;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.reference.Region;
import org.jixing.reference.SubTarget;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeKind;
import org.jixing.statistics.internal.TargetStore;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The split of each sub-target's annual figure across the cities. The province
 * administrator sets it; the page shows what is left unassigned (negative when the
 * cities' shares exceed the province figure, which a floor allows). Departments read the
 * lines they lead; a city officer reads their city's shares.
 */
@Service
public class Targets {

    /** A sub-target's row of the split. */
    public record Row(ActionLine line, SubTarget subTarget, Map<String, Long> byCity, long assigned, Long unassigned) {
    }

    /** A year's split, in the caller's view. */
    public record Split(int year, List<Region> cities, List<Row> rows) {
    }

    private final TargetStore store;

    private final ReferenceCatalogue reference;

    private final AuditTrail audit;

    private final Clock clock;

    Targets(TargetStore store, ReferenceCatalogue reference, AuditTrail audit, Clock clock) {
        this.store = store;
        this.reference = reference;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The year's split of the sub-targets that carry a figure, as the caller may read it.
     */
    @Transactional(readOnly = true)
    public Split split(int year) {
        CurrentUser me = CurrentUser.require();
        if (!me.hasAnyRole(Role.PROVINCE_ADMIN, Role.LINE_DEPARTMENT, Role.AUDITOR, Role.CITY_OFFICER)) {
            throw new AccessDeniedException("reading the target split");
        }
        Set<String> lines = me.scope().kind() == ScopeKind.DEPARTMENT ? me.scope().actionLines() : null;
        List<Region> cities = me.scope().kind() == ScopeKind.REGION
                ? reference.cities().stream().filter(c -> me.scope().coversRegion(c.code())).toList()
                : reference.cities();
        Map<String, Map<String, Long>> all = store.ofYear(year);
        List<Row> rows = new ArrayList<>();
        for (ActionLine line : reference.actionLines()) {
            if (lines != null && !lines.contains(line.code())) {
                continue;
            }
            for (SubTarget st : line.subTargets()) {
                if (st.annualTarget() == null) {
                    continue;
                }
                Map<String, Long> shares = all.getOrDefault(st.code(), Map.of());
                long assigned = shares.values().stream().mapToLong(Long::longValue).sum();
                Map<String, Long> visible = new LinkedHashMap<>();
                cities.forEach(c -> {
                    if (shares.containsKey(c.code())) {
                        visible.put(c.code(), shares.get(c.code()));
                    }
                });
                rows.add(new Row(line, st, visible, assigned, st.annualTarget() - assigned));
            }
        }
        return new Split(year, cities, rows);
    }

    /**
     * Sets the split as typed: sub-target → city → text (blank clears a share). Every
     * cell is checked first; one bad cell and nothing is saved. Audited with what
     * changed.
     */
    @Transactional
    public int assign(int year, Map<String, Map<String, String>> typed) {
        CurrentUser me = CurrentUser.require();
        if (!me.hasRole(Role.PROVINCE_ADMIN)) {
            throw new AccessDeniedException("splitting targets");
        }
        if (year < reference.plan().startYear() || year > reference.plan().endYear()) {
            throw InvalidInputException.of("year", "statistics.target.error.year", reference.plan().startYear(),
                    reference.plan().endYear());
        }
        Set<String> cities = new java.util.HashSet<>(reference.cities().stream().map(Region::code).toList());
        Map<String, SubTarget> subTargets = new LinkedHashMap<>();
        reference.actionLines().forEach(l -> l.subTargets().forEach(s -> subTargets.put(s.code(), s)));
        List<Problem> problems = new ArrayList<>();
        Map<String, Map<String, Long>> parsed = new LinkedHashMap<>();
        typed.forEach((st, byCity) -> {
            if (!subTargets.containsKey(st) || subTargets.get(st).annualTarget() == null) {
                problems.add(new Problem("subTarget", "statistics.target.error.subTarget", st));
                return;
            }
            byCity.forEach((city, raw) -> {
                String field = "t[" + st + "][" + city + "]";
                if (!cities.contains(city)) {
                    problems.add(new Problem(field, "statistics.target.error.city", city));
                    return;
                }
                String v = raw == null ? "" : raw.strip().replace(",", "");
                if (v.isEmpty()) {
                    parsed.computeIfAbsent(st, k -> new LinkedHashMap<>()).put(city, null);
                }
                else if (!v.matches("\\d{1,9}")) {
                    problems.add(new Problem(field, "statistics.target.error.number", subTargets.get(st).nameZh(),
                            reference.region(city).map(Region::nameZh).orElse(city), raw));
                }
                else {
                    parsed.computeIfAbsent(st, k -> new LinkedHashMap<>()).put(city, Long.parseLong(v));
                }
            });
        });
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Map<String, Map<String, Long>> before = store.ofYear(year);
        Map<String, Object> changes = new LinkedHashMap<>();
        java.time.Instant now = clock.instant();
        parsed.forEach((st, byCity) -> byCity.forEach((city, target) -> {
            Long was = before.getOrDefault(st, Map.of()).get(city);
            if (!java.util.Objects.equals(was, target)) {
                store.put(year, st, city, target, me.username(), now);
                changes.put(st + "/" + city, (was == null ? "—" : was) + " → " + (target == null ? "—" : target));
            }
        }));
        if (!changes.isEmpty()) {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("year", year);
            after.put("changes", changes);
            audit.record(AuditEvent.of("target.split", "city_target", null, null, after));
        }
        return changes.size();
    }

}
