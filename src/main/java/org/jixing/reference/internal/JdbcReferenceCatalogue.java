package org.jixing.reference.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jixing.reference.ActionLine;
import org.jixing.reference.Department;
import org.jixing.reference.Occupation;
import org.jixing.reference.Plan;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.reference.Region;
import org.jixing.reference.SkillLevel;
import org.jixing.reference.SubTarget;
import org.jixing.reference.TraineeGroup;
import org.jixing.shared.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Serves the reference data from an immutable snapshot that is rebuilt after every edit.
 * The data is a few hundred rows, read on almost every page, and changed rarely.
 */
@Service
class JdbcReferenceCatalogue implements ReferenceCatalogue {

    private final JdbcClient jdbc;

    private volatile Snapshot snapshot;

    /**
     * Bumped by every committed edit. A snapshot loaded while an edit commits is not
     * kept, so readers never keep serving data older than the last commit.
     */
    private final AtomicLong generation = new AtomicLong();

    JdbcReferenceCatalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Drops the snapshot after the current transaction commits (at once outside one); the
     * next read loads a fresh one.
     */
    void invalidate() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    drop();
                }
            });
        }
        else {
            drop();
        }
    }

    private void drop() {
        generation.incrementAndGet();
        snapshot = null;
    }

    private Snapshot snapshot() {
        Snapshot current = snapshot;
        if (current != null) {
            return current;
        }
        long seen = generation.get();
        current = load();
        if (generation.get() == seen) {
            snapshot = current;
        }
        return current;
    }

    private record Snapshot(Plan plan, List<ActionLine> lines, Map<String, ActionLine> linesByCode,
            List<Department> departments, List<Region> regions, Map<String, Region> regionsByCode,
            List<SkillLevel> levels, List<TraineeGroup> groups, List<Occupation> occupations,
            Map<String, Occupation> occupationsByCode) {
    }

    private Snapshot load() {
        Plan plan = jdbc.sql(
                "select code, name_zh, name_en, document_no, start_year, end_year, overall_target from plan order by start_year desc")
            .query((rs, n) -> new Plan(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                    rs.getInt(6), rs.getLong(7)))
            .list()
            .stream()
            .findFirst()
            .orElse(null);
        Map<String, List<String>> leads = new LinkedHashMap<>();
        jdbc.sql("select line_code, department_code from action_line_department order by line_code, sort_order")
            .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
            .list()
            .forEach(e -> leads.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<String, List<SubTarget>> subTargets = jdbc.sql(
                "select code, line_code, name_zh, name_en, annual_target, at_least, sort_order from sub_target order by line_code, sort_order, code")
            .query((rs, n) -> new SubTarget(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    (Long) rs.getObject(5, Long.class), rs.getBoolean(6), rs.getInt(7)))
            .list()
            .stream()
            .collect(Collectors.groupingBy(SubTarget::lineCode, LinkedHashMap::new, Collectors.toList()));
        List<ActionLine> lines = jdbc
            .sql("select code, number, name_zh, name_en, summary_zh, summary_en from action_line order by number")
            .query((rs, n) -> new ActionLine(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getString(6), List.copyOf(leads.getOrDefault(rs.getString(1), List.of())),
                    List.copyOf(subTargets.getOrDefault(rs.getString(1), List.of()))))
            .list();
        List<Department> departments = jdbc
            .sql("select code, name_zh, name_en, sort_order from department order by sort_order, code")
            .query((rs, n) -> new Department(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
            .list();
        List<Region> regions = jdbc
            .sql("select code, name_zh, name_en, level, parent_code, sort_order from region order by code")
            .query((rs, n) -> new Region(rs.getString(1), rs.getString(2), rs.getString(3),
                    RegionCode.Level.valueOf(rs.getString(4)), rs.getString(5), rs.getInt(6)))
            .list();
        List<SkillLevel> levels = jdbc.sql("select code, rank, name_zh, name_en, grade from skill_level order by rank")
            .query((rs, n) -> new SkillLevel(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                    (Integer) rs.getObject(5, Integer.class)))
            .list();
        List<TraineeGroup> groups = jdbc
            .sql("select code, name_zh, name_en, sort_order from trainee_group order by sort_order, code")
            .query((rs, n) -> new TraineeGroup(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
            .list();
        List<Occupation> occupations = jdbc.sql(
                "select code, national_code, name_zh, name_en, line_code, active from occupation order by line_code, code")
            .query((rs, n) -> new Occupation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getBoolean(6)))
            .list();
        return new Snapshot(plan, List.copyOf(lines), index(lines, ActionLine::code), List.copyOf(departments),
                List.copyOf(regions), index(regions, Region::code), List.copyOf(levels), List.copyOf(groups),
                List.copyOf(occupations), index(occupations, Occupation::code));
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.toUnmodifiableMap(key, Function.identity()));
    }

    @Override
    public Plan plan() {
        return snapshot().plan();
    }

    @Override
    public List<ActionLine> actionLines() {
        return snapshot().lines();
    }

    @Override
    public Optional<ActionLine> actionLine(String code) {
        return Optional.ofNullable(code).map(snapshot().linesByCode()::get);
    }

    @Override
    public List<Department> departments() {
        return snapshot().departments();
    }

    @Override
    public Set<String> linesLedBy(String departmentCode) {
        return snapshot().lines()
            .stream()
            .filter(l -> l.leadDepartments().contains(departmentCode))
            .map(ActionLine::code)
            .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public List<Region> regions() {
        return snapshot().regions();
    }

    @Override
    public Optional<Region> region(String code) {
        return Optional.ofNullable(code).map(snapshot().regionsByCode()::get);
    }

    @Override
    public List<Region> cities() {
        return snapshot().regions().stream().filter(r -> r.level() == RegionCode.Level.CITY).toList();
    }

    @Override
    public List<SkillLevel> skillLevels() {
        return snapshot().levels();
    }

    @Override
    public List<TraineeGroup> traineeGroups() {
        return snapshot().groups();
    }

    @Override
    public List<Occupation> occupations() {
        return snapshot().occupations();
    }

    @Override
    public Optional<Occupation> occupation(String code) {
        return Optional.ofNullable(code).map(snapshot().occupationsByCode()::get);
    }

}
