package org.jixing.statistics;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jixing.provider.Filings;
import org.jixing.provider.Registry;
import org.jixing.reference.ActionLine;
import org.jixing.reference.Department;
import org.jixing.reference.Plan;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.reference.Region;
import org.jixing.reference.SubTarget;
import org.jixing.reference.TraineeGroup;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.RecordNotFoundException;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeKind;
import org.jixing.shared.scope.ScopeSql;
import org.jixing.statistics.internal.ProgressStore;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The progress dashboards and the periodic progress report: a year's completions as of a
 * day, by line and sub-target, city, line × city, month, trainee group, department and
 * provider, each against its target with its pace and year-end projection, in the
 * caller's scope and optionally narrowed to one city or one line. Every view comes from
 * the rollups in a handful of grouped reads.
 */
@Service
public class ProgressViews {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** Completions of a group: subsidised, not subsidised, unique persons, pace. */
    public record Figure(long done, long notSubsidised, Long persons, Pace pace) {
    }

    public record SubTargetRow(SubTarget subTarget, Figure figure) {
    }

    public record LineRow(ActionLine line, Figure figure, List<SubTargetRow> subTargets) {
    }

    public record CityRow(Region city, Figure figure) {
    }

    /** A line in a city: completions against the city's share of the line's target. */
    public record Cell(long done, Long target, Double share) {
    }

    public record MonthRow(int month, long done, long notSubsidised, long lastYear) {
    }

    public record GroupRow(TraineeGroup group, long done, long notSubsidised) {
    }

    public record DepartmentRow(Department department, List<String> lineCodes, Figure figure) {
    }

    public record ProviderRow(long providerId, String name, long done, long notSubsidised) {
    }

    /**
     * The plan's three-year figure: completions of its years against its overall target.
     */
    public record PlanFigure(Plan plan, long done, Pace pace) {
    }

    /**
     * A year's progress as of a day. {@code city} and {@code line} are the narrowing,
     * null where none; {@code cities} and {@code lines} are those in view (scope and
     * narrowing), {@code heat} is line code → city code → cell.
     */
    public record Dashboard(int year, LocalDate asOf, Region city, ActionLine line, PlanFigure plan, Figure total,
            List<LineRow> lines, List<CityRow> cities, Map<String, Map<String, Cell>> heat, List<MonthRow> months,
            List<GroupRow> groups, List<DepartmentRow> departments, List<ProviderRow> providers, boolean byCity,
            Instant reconciledAt) {
    }

    private final ProgressStore store;

    private final Targets targets;

    private final ReferenceCatalogue reference;

    private final Filings filings;

    private final Clock clock;

    ProgressViews(ProgressStore store, Targets targets, ReferenceCatalogue reference, Filings filings, Clock clock) {
        this.store = store;
        this.targets = targets;
        this.reference = reference;
        this.filings = filings;
        this.clock = clock;
    }

    /** Today in the province. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    /** The cities the caller's scope shows: a city officer's own, else all. */
    public List<Region> dashboardCities() {
        CurrentUser me = CurrentUser.require();
        return me.scope().kind() == ScopeKind.REGION
                ? reference.cities().stream().filter(c -> me.scope().coversRegion(c.code())).toList()
                : reference.cities();
    }

    /** The lines the caller's scope shows: a department's own, else all. */
    public List<ActionLine> dashboardLines() {
        CurrentUser me = CurrentUser.require();
        return me.scope().kind() == ScopeKind.DEPARTMENT
                ? reference.actionLines().stream().filter(l -> me.scope().actionLines().contains(l.code())).toList()
                : reference.actionLines();
    }

    /** A year's dashboard as of today (or the year's end, for a past year). */
    @Transactional(readOnly = true)
    public Dashboard dashboard(int year, String cityCode, String lineCode) {
        LocalDate today = today();
        return build(year, today.getYear() > year ? LocalDate.of(year, 12, 31) : today, cityCode, lineCode);
    }

    /** The progress report's figures for a day: its year up to and including that day. */
    @Transactional(readOnly = true)
    public Dashboard asOf(LocalDate day) {
        return build(day.getYear(), day, null, null);
    }

    private Dashboard build(int year, LocalDate asOf, String cityCode, String lineCode) {
        CurrentUser me = CurrentUser.require();
        if (!StatisticsPermission.PROGRESS_READ.allows(me)) {
            throw new AccessDeniedException("reading progress");
        }
        List<Region> cities = dashboardCities();
        List<ActionLine> lines = dashboardLines();
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
        // A city's view is read against the city's shares of the targets.
        boolean byCity = city != null || me.scope().kind() == ScopeKind.REGION;
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
        String extra = conditions.isEmpty() ? null : String.join(" and ", conditions);
        ScopeSql.Clause scope = ScopeSql.forCurrentUser(ProgressStore.SCOPE);

        // One read for lines, sub-targets, cities, the heat table and months, this year
        // and last.
        Map<String, Map<String, Cnt>> bySubTarget = new HashMap<>();
        // Whole months from the month summary; a day before today that is not a month's
        // last adds its month's days so far from the daily rollup.
        LocalDate today = today();
        boolean wholeMonths = !asOf.isBefore(today) || asOf.getDayOfMonth() == asOf.lengthOfMonth();
        int lastWholeMonth = wholeMonths ? asOf.getMonthValue() : asOf.getMonthValue() - 1;
        ScopeSql.Clause summaryScope = ScopeSql.forCurrentUser(ProgressStore.SCOPE_WITHOUT_PROVIDER);
        List<Object[]> counted = new ArrayList<>(store.groupedByMonth(
                List.of("r.training_year", "r.sub_target_code", "r.region_code", "r.training_month"), year - 1, year,
                lastWholeMonth, extra, params, summaryScope));
        if (!wholeMonths) {
            Map<String, Object> partial = new HashMap<>(params);
            partial.put("monthStart", java.sql.Date.valueOf(asOf.withDayOfMonth(1)));
            counted.addAll(store.grouped(
                    List.of("r.training_year", "r.sub_target_code", ProgressStore.CITY,
                            "extract(month from r.completed_on)"),
                    year, year, asOf, (extra == null ? "" : extra + " and ") + "r.completed_on >= :monthStart", partial,
                    scope));
        }
        for (Object[] r : counted) {
            int y = ((Number) r[0]).intValue();
            String cityOf = Progress.key(r[2]);
            int month = Integer.parseInt(Progress.key(r[3]));
            Cnt c = bySubTarget.computeIfAbsent(Progress.key(r[1]), k -> new HashMap<>())
                .computeIfAbsent(cityOf + "|" + month, k -> new Cnt(cityOf, month, new long[3]));
            if (y == year) {
                c.v()[0] += ((Number) r[4]).longValue();
                c.v()[1] += ((Number) r[5]).longValue();
            }
            else {
                c.v()[2] += ((Number) r[4]).longValue();
            }
        }
        Targets.Split split = targets.split(year);
        Map<String, Map<String, Long>> cityTargets = new HashMap<>();
        split.rows().forEach(r -> cityTargets.put(r.subTarget().code(), r.byCity()));
        // Unique persons are kept for the year as it stands: a view of an earlier day of
        // the year cannot show them.
        boolean personsHold = !asOf.isBefore(today.getYear() > year ? LocalDate.of(year, 12, 31) : today);
        Map<String, Long> persons = new HashMap<>();
        if (personsHold) {
            store.unique(year, ScopeSql.forCurrentUser(ProgressStore.SCOPE_WITHOUT_PROVIDER))
                .forEach(r -> persons.put(r[0] + "|" + r[1] + "|" + r[2], (Long) r[3]));
        }
        String province = reference.regions()
            .stream()
            .filter(r -> r.level() == org.jixing.shared.RegionCode.Level.PROVINCE)
            .map(Region::code)
            .findFirst()
            .orElse("");
        Set<String> cityCodes = new java.util.HashSet<>(cities.stream().map(Region::code).toList());

        // Lines and their sub-targets.
        List<LineRow> lineRows = new ArrayList<>();
        Map<String, Map<String, Cell>> heat = new LinkedHashMap<>();
        for (ActionLine l : lines) {
            List<SubTargetRow> subs = new ArrayList<>();
            Tally lineTally = new Tally();
            Map<String, Tally> lineByCity = new HashMap<>();
            for (SubTarget st : l.subTargets()) {
                Tally t = new Tally();
                for (Cnt c : bySubTarget.getOrDefault(st.code(), Map.of()).values()) {
                    if (cityCodes.contains(c.city())) {
                        t.add(c.month(), c.v());
                        lineTally.add(c.month(), c.v());
                        lineByCity.computeIfAbsent(c.city(), k -> new Tally()).add(c.month(), c.v());
                    }
                }
                Long target = byCity ? sum(cityTargets.get(st.code()), cityCodes) : st.annualTarget();
                if (target != null) {
                    lineTally.target = (lineTally.target == null ? 0 : lineTally.target) + target;
                }
                subs.add(new SubTargetRow(st, t.figure(target, null, year, asOf)));
            }
            Long linePersons = city != null ? persons.get("LINE_CITY|" + l.code() + "|" + city.code())
                    : byCity ? null : persons.get("LINE|" + l.code() + "|" + province);
            lineRows.add(new LineRow(l, lineTally.figure(lineTally.target, linePersons, year, asOf), subs));
            Map<String, Cell> row = new LinkedHashMap<>();
            for (Region c : cities) {
                Tally t = lineByCity.getOrDefault(c.code(), new Tally());
                Long target = null;
                for (SubTarget st : l.subTargets()) {
                    Long share = cityTargets.getOrDefault(st.code(), Map.of()).get(c.code());
                    if (share != null) {
                        target = (target == null ? 0 : target) + share;
                    }
                }
                row.put(c.code(),
                        new Cell(t.done, target, target == null || target == 0 ? null : (double) t.done / target));
            }
            heat.put(l.code(), row);
        }

        // Cities: every line in view, against the sum of the city's shares.
        List<CityRow> cityRows = new ArrayList<>();
        for (Region c : cities) {
            Tally t = new Tally();
            for (ActionLine l : lines) {
                for (SubTarget st : l.subTargets()) {
                    Long share = cityTargets.getOrDefault(st.code(), Map.of()).get(c.code());
                    if (share != null) {
                        t.target = (t.target == null ? 0 : t.target) + share;
                    }
                    for (Cnt n : bySubTarget.getOrDefault(st.code(), Map.of()).values()) {
                        if (n.city().equals(c.code())) {
                            t.add(n.month(), n.v());
                        }
                    }
                }
            }
            Long cityPersons = line != null ? persons.get("LINE_CITY|" + line.code() + "|" + c.code())
                    : me.scope().kind() == ScopeKind.DEPARTMENT ? null : persons.get("CITY||" + c.code());
            cityRows.add(new CityRow(c, t.figure(t.target, cityPersons, year, asOf)));
        }

        // The total: every line in view, against the sum of their targets.
        Tally total = new Tally();
        lineRows.forEach(r -> {
            if (r.figure().pace().target() != null) {
                total.target = (total.target == null ? 0 : total.target) + r.figure().pace().target();
            }
        });
        for (ActionLine l : lines) {
            for (SubTarget st : l.subTargets()) {
                for (Cnt c : bySubTarget.getOrDefault(st.code(), Map.of()).values()) {
                    if (cityCodes.contains(c.city())) {
                        total.add(c.month(), c.v());
                    }
                }
            }
        }
        Long totalPersons = city != null && line == null ? persons.get("CITY||" + city.code())
                : city != null ? persons.get("LINE_CITY|" + line.code() + "|" + city.code())
                        : line != null ? persons.get("LINE|" + line.code() + "|" + province)
                                : me.scope().kind() == ScopeKind.PROVINCE ? persons.get("ALL||" + province)
                                        : me.scope().kind() == ScopeKind.REGION && cities.size() == 1
                                                ? persons.get("CITY||" + cities.get(0).code()) : null;
        Figure totalFigure = total.figure(total.target, totalPersons, year, asOf);
        List<MonthRow> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(new MonthRow(m, total.months[m - 1], total.notByMonth[m - 1], total.lastYear[m - 1]));
        }

        // The plan's three years, for the province as a whole.
        PlanFigure plan = null;
        Plan p = reference.plan();
        if (me.scope().kind() == ScopeKind.PROVINCE && city == null && line == null && p != null) {
            // The plan's earlier years whole, then this year as counted above.
            long done = year >= p.startYear() && year <= p.endYear() ? total.done : 0;
            if (year > p.startYear()) {
                for (Object[] r : store.groupedByMonth(List.of("r.training_year"), p.startYear(),
                        Math.min(year - 1, p.endYear()), 12, null, null, summaryScope)) {
                    done += ((Number) r[1]).longValue();
                }
            }
            LocalDate start = LocalDate.of(p.startYear(), 1, 1);
            LocalDate end = LocalDate.of(p.endYear(), 12, 31);
            double due = asOf.isBefore(start) ? 0
                    : asOf.isAfter(end) ? 1 : (double) (asOf.toEpochDay() - start.toEpochDay() + 1)
                            / (end.toEpochDay() - start.toEpochDay() + 1);
            long projected = due >= 1 ? done : due > 0 ? Math.round(done / due) : 0;
            double share = (double) done / p.overallTarget();
            plan = new PlanFigure(p, done,
                    new Pace(p.overallTarget(), done, due, share,
                            share >= due ? Pace.Status.GREEN : share >= due * 0.8 ? Pace.Status.AMBER : Pace.Status.RED,
                            projected, due > 0 ? projected < p.overallTarget() : null, false));
        }

        // Trainee groups (kept by month: this view counts whole months).
        Map<String, TraineeGroup> groupsByCode = new HashMap<>();
        reference.traineeGroups().forEach(g -> groupsByCode.put(g.code(), g));
        List<GroupRow> groups = new ArrayList<>();
        Map<String, Object> groupParams = new HashMap<>(params);
        groupParams.put("gmonth", asOf.getYear() == year ? asOf.getMonthValue() : 12);
        for (Object[] r : store.groupedByGroup(List.of("r.group_code"), year,
                (extra == null ? "" : extra + " and ") + "r.training_month <= :gmonth", groupParams,
                ScopeSql.forCurrentUser(ProgressStore.SCOPE_WITHOUT_PROVIDER))) {
            String code = Progress.key(r[0]);
            groups.add(new GroupRow(groupsByCode.getOrDefault(code, new TraineeGroup(code, code, code, 999)),
                    ((Number) r[1]).longValue(), ((Number) r[2]).longValue()));
        }
        groups.sort(Comparator.comparingLong(GroupRow::done).reversed());

        // Departments: the lines each leads.
        List<DepartmentRow> departments = new ArrayList<>();
        for (Department d : reference.departments()) {
            if (me.scope().kind() == ScopeKind.DEPARTMENT && !d.code().equals(me.scope().ref())) {
                continue;
            }
            List<LineRow> led = lineRows.stream().filter(r -> r.line().leadDepartments().contains(d.code())).toList();
            if (led.isEmpty()) {
                continue;
            }
            Tally t = new Tally();
            for (LineRow r : led) {
                t.done += r.figure().done();
                t.notSubsidised += r.figure().notSubsidised();
                if (r.figure().pace().target() != null) {
                    t.target = (t.target == null ? 0 : t.target) + r.figure().pace().target();
                }
            }
            // The departments' lines follow their own months: the pace of the sum.
            for (LineRow r : led) {
                for (SubTarget st : r.line().subTargets()) {
                    for (Cnt c : bySubTarget.getOrDefault(st.code(), Map.of()).values()) {
                        if (cityCodes.contains(c.city())) {
                            t.addMonthsOnly(c.month(), c.v());
                        }
                    }
                }
            }
            departments.add(new DepartmentRow(d, led.stream().map(r -> r.line().code()).toList(),
                    t.figure(t.target, null, year, asOf)));
        }

        // The providers with the most subsidised completions.
        List<ProviderRow> providers = new ArrayList<>();
        // Kept per whole year: a view of an earlier day of the year shows none.
        for (Object[] r : personsHold ? store.topProviders(year, extra, params, summaryScope, 10)
                : List.<Object[]>of()) {
            long id = ((Number) r[0]).longValue();
            String name = filings.find(Registry.PROVIDER, id).map(b -> b.name()).orElse("#" + id);
            providers.add(new ProviderRow(id, name, ((Number) r[1]).longValue(), ((Number) r[2]).longValue()));
        }
        Instant reconciledAt = store.lastReconciliation().map(r -> (Instant) r[0]).orElse(null);
        return new Dashboard(year, asOf, city, line, plan, totalFigure, lineRows, cityRows, heat, months, groups,
                departments, providers, byCity, reconciledAt);
    }

    /**
     * Completions of a sub-target in a city and month: this year, not subsidised, last
     * year.
     */
    private record Cnt(String city, int month, long[] v) {
    }

    private static Long sum(Map<String, Long> shares, Set<String> cities) {
        if (shares == null) {
            return null;
        }
        Long total = null;
        for (Map.Entry<String, Long> e : shares.entrySet()) {
            if (cities.contains(e.getKey())) {
                total = (total == null ? 0 : total) + e.getValue();
            }
        }
        return total;
    }

    /** Counts gathered for a figure: this year by month, and last year's months. */
    private static final class Tally {

        long done;

        long notSubsidised;

        Long target;

        final long[] months = new long[12];

        final long[] notByMonth = new long[12];

        final long[] lastYear = new long[12];

        void add(int month, long[] v) {
            done += v[0];
            notSubsidised += v[1];
            addMonthsOnly(month, v);
        }

        void addMonthsOnly(int month, long[] v) {
            months[month - 1] += v[0];
            notByMonth[month - 1] += v[1];
            lastYear[month - 1] += v[2];
        }

        Figure figure(Long target, Long persons, int year, LocalDate asOf) {
            return new Figure(done, notSubsidised, persons, Pace.of(target, done, year, asOf, lastYear));
        }

    }

}
