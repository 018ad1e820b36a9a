package org.jixing.statistics;

import java.sql.Date;
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
import org.jixing.shared.RegionCode;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.ScopeKind;
import org.jixing.shared.scope.ScopeSql;
import org.jixing.statistics.internal.ProgressStore;
import org.jixing.statistics.internal.ProviderCount;
import org.jixing.statistics.internal.Grouped;
import org.jixing.statistics.internal.RecordedReconciliation;
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
        DashboardView view = DashboardView.of(me, dashboardCities(), dashboardLines(), cityCode, lineCode);
        DashboardCounts counts = counts(year, asOf, view);
        Targets.Split split = targets.split(year);
        Map<String, Map<String, Long>> byCity = new HashMap<>();
        split.rows().forEach(r -> byCity.put(r.subTarget().code(), r.byCity()));
        DashboardCounts.Shares shares = new DashboardCounts.Shares(byCity);
        // Unique persons and the providers are kept for the year as it stands: a view of
        // an earlier day of the year cannot show them.
        LocalDate today = today();
        boolean yearAsItStands = !asOf.isBefore(today.getYear() > year ? LocalDate.of(year, 12, 31) : today);
        DashboardView.Persons persons = new DashboardView.Persons(yearAsItStands ? persons(year) : Map.of());
        String province = reference.regions()
            .stream()
            .filter(r -> r.level() == RegionCode.Level.PROVINCE)
            .map(Region::code)
            .findFirst()
            .orElse("");

        List<LineRow> lineRows = lineRows(view, counts, shares, persons, province, year, asOf);
        Map<String, Map<String, Cell>> heat = heat(view, counts, shares);
        List<CityRow> cityRows = cityRows(me, view, counts, shares, persons, year, asOf);

        // The total: every line in view, against the sum of their targets.
        DashboardCounts.Tally total = counts.tally(view.subTargets(), view.cityCodes()::contains);
        Long totalTarget = lineRows.stream().map(r -> r.figure().pace().target()).reduce(null, DashboardCounts::plus);
        Figure totalFigure = total.figure(totalTarget, view.totalPersons(me, persons, province), year, asOf);
        List<MonthRow> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(new MonthRow(m, total.months[m - 1], total.notByMonth[m - 1], total.lastYear[m - 1]));
        }
        PlanFigure plan = me.scope().kind() == ScopeKind.PROVINCE && view.city() == null && view.line() == null
                ? plan(year, asOf, total.done) : null;
        List<ProviderRow> providers = yearAsItStands ? providers(year, view) : List.of();
        Instant reconciledAt = store.lastReconciliation().map(RecordedReconciliation::ranAt).orElse(null);
        return new Dashboard(year, asOf, view.city(), view.line(), plan, totalFigure, lineRows, cityRows, heat, months,
                groups(year, asOf, view), departments(me, view, counts, lineRows, year, asOf), providers, view.byCity(),
                reconciledAt);
    }

    /**
     * One read for lines, sub-targets, cities, the heat table and months, this year and
     * last: whole months from the month summary; a day before today that is not a month's
     * last adds its month's days so far from the daily rollup.
     */
    private DashboardCounts counts(int year, LocalDate asOf, DashboardView view) {
        boolean wholeMonths = !asOf.isBefore(today()) || asOf.getDayOfMonth() == asOf.lengthOfMonth();
        int lastWholeMonth = wholeMonths ? asOf.getMonthValue() : asOf.getMonthValue() - 1;
        List<Grouped> counted = new ArrayList<>(store.groupedByMonth(
                List.of("r.training_year", "r.sub_target_code", "r.region_code", "r.training_month"), year - 1, year,
                lastWholeMonth, view.condition(), view.params(),
                ScopeSql.forCurrentUser(ProgressStore.SCOPE_WITHOUT_PROVIDER)));
        if (!wholeMonths) {
            Map<String, Object> partial = new HashMap<>(view.params());
            partial.put("monthStart", Date.valueOf(asOf.withDayOfMonth(1)));
            counted.addAll(store.grouped(
                    List.of("r.training_year", "r.sub_target_code", ProgressStore.CITY,
                            "extract(month from r.completed_on)"),
                    year, year, asOf, view.and("r.completed_on >= :monthStart"), partial,
                    ScopeSql.forCurrentUser(ProgressStore.SCOPE)));
        }
        DashboardCounts counts = new DashboardCounts(year);
        for (Grouped g : counted) {
            counts.add(Integer.parseInt(g.key(0)), g.key(1), g.key(2), Integer.parseInt(g.key(3)), g.subsidised(),
                    g.notSubsidised());
        }
        return counts;
    }

    private Map<String, Long> persons(int year) {
        Map<String, Long> persons = new HashMap<>();
        store.unique(year, ScopeSql.forCurrentUser(ProgressStore.SCOPE_WITHOUT_PROVIDER))
            .forEach(u -> persons.put(u.dimension() + "|" + u.lineCode() + "|" + u.regionCode(), u.persons()));
        return persons;
    }

    /** Lines and their sub-targets, each against its target (or the cities' shares). */
    private List<LineRow> lineRows(DashboardView view, DashboardCounts counts, DashboardCounts.Shares shares,
            DashboardView.Persons persons, String province, int year, LocalDate asOf) {
        Set<String> cityCodes = view.cityCodes();
        List<LineRow> rows = new ArrayList<>();
        for (ActionLine l : view.lines()) {
            List<SubTargetRow> subs = new ArrayList<>();
            Long lineTarget = null;
            for (SubTarget st : l.subTargets()) {
                Long target = view.byCity() ? shares.of(List.of(st), cityCodes) : st.annualTarget();
                lineTarget = DashboardCounts.plus(lineTarget, target);
                subs.add(new SubTargetRow(st, counts.tally(st, cityCodes::contains).figure(target, null, year, asOf)));
            }
            Long linePersons = view.city() != null ? persons.of("LINE_CITY", l.code(), view.city().code())
                    : view.byCity() ? null : persons.of("LINE", l.code(), province);
            rows.add(new LineRow(l,
                    counts.tally(l.subTargets(), cityCodes::contains).figure(lineTarget, linePersons, year, asOf),
                    subs));
        }
        return rows;
    }

    /** Line code → city code → the line's completions in the city against its share. */
    private static Map<String, Map<String, Cell>> heat(DashboardView view, DashboardCounts counts,
            DashboardCounts.Shares shares) {
        Map<String, Map<String, Cell>> heat = new LinkedHashMap<>();
        for (ActionLine l : view.lines()) {
            Map<String, Cell> row = new LinkedHashMap<>();
            for (Region c : view.cities()) {
                long done = counts.tally(l.subTargets(), c.code()::equals).done;
                Long target = shares.of(l.subTargets(), Set.of(c.code()));
                row.put(c.code(),
                        new Cell(done, target, target == null || target == 0 ? null : (double) done / target));
            }
            heat.put(l.code(), row);
        }
        return heat;
    }

    /** Cities: every line in view, against the sum of the city's shares. */
    private static List<CityRow> cityRows(CurrentUser me, DashboardView view, DashboardCounts counts,
            DashboardCounts.Shares shares, DashboardView.Persons persons, int year, LocalDate asOf) {
        List<CityRow> rows = new ArrayList<>();
        List<SubTarget> subTargets = view.subTargets();
        for (Region c : view.cities()) {
            Long cityPersons = view.line() != null ? persons.of("LINE_CITY", view.line().code(), c.code())
                    : me.scope().kind() == ScopeKind.DEPARTMENT ? null : persons.of("CITY", "", c.code());
            rows.add(new CityRow(c, counts.tally(subTargets, c.code()::equals)
                .figure(shares.of(subTargets, Set.of(c.code())), cityPersons, year, asOf)));
        }
        return rows;
    }

    /**
     * The plan's three years, for the province as a whole: its earlier years whole, then
     * this year as counted.
     */
    private PlanFigure plan(int year, LocalDate asOf, long doneThisYear) {
        Plan p = reference.plan();
        if (p == null) {
            return null;
        }
        long done = year >= p.startYear() && year <= p.endYear() ? doneThisYear : 0;
        if (year > p.startYear()) {
            for (Grouped g : store.groupedByMonth(List.of("r.training_year"), p.startYear(),
                    Math.min(year - 1, p.endYear()), 12, null, null,
                    ScopeSql.forCurrentUser(ProgressStore.SCOPE_WITHOUT_PROVIDER))) {
                done += g.subsidised();
            }
        }
        return new PlanFigure(p, done, Pace.overPlan(p.overallTarget(), done, LocalDate.of(p.startYear(), 1, 1),
                LocalDate.of(p.endYear(), 12, 31), asOf));
    }

    /** Trainee groups (kept by month: this view counts whole months), most first. */
    private List<GroupRow> groups(int year, LocalDate asOf, DashboardView view) {
        Map<String, TraineeGroup> groupsByCode = new HashMap<>();
        reference.traineeGroups().forEach(g -> groupsByCode.put(g.code(), g));
        Map<String, Object> params = new HashMap<>(view.params());
        params.put("gmonth", asOf.getYear() == year ? asOf.getMonthValue() : 12);
        List<GroupRow> groups = new ArrayList<>();
        for (Grouped g : store.groupedByGroup(List.of("r.group_code"), year, view.and("r.training_month <= :gmonth"),
                params, ScopeSql.forCurrentUser(ProgressStore.SCOPE_WITHOUT_PROVIDER))) {
            String code = g.key(0);
            groups.add(new GroupRow(groupsByCode.getOrDefault(code, new TraineeGroup(code, code, code, 999)),
                    g.subsidised(), g.notSubsidised()));
        }
        groups.sort(Comparator.comparingLong(GroupRow::done).reversed());
        return groups;
    }

    /**
     * Departments: the lines each leads, against the sum of their targets; the pace of
     * the sum follows the lines' own months.
     */
    private List<DepartmentRow> departments(CurrentUser me, DashboardView view, DashboardCounts counts,
            List<LineRow> lineRows, int year, LocalDate asOf) {
        List<DepartmentRow> departments = new ArrayList<>();
        for (Department d : reference.departments()) {
            if (me.scope().kind() == ScopeKind.DEPARTMENT && !d.code().equals(me.scope().ref())) {
                continue;
            }
            List<LineRow> led = lineRows.stream().filter(r -> r.line().leadDepartments().contains(d.code())).toList();
            if (led.isEmpty()) {
                continue;
            }
            Long target = led.stream().map(r -> r.figure().pace().target()).reduce(null, DashboardCounts::plus);
            List<SubTarget> subTargets = led.stream().flatMap(r -> r.line().subTargets().stream()).toList();
            departments.add(new DepartmentRow(d, led.stream().map(r -> r.line().code()).toList(),
                    counts.tally(subTargets, view.cityCodes()::contains).figure(target, null, year, asOf)));
        }
        return departments;
    }

    /** The providers with the most subsidised completions (kept per whole year). */
    private List<ProviderRow> providers(int year, DashboardView view) {
        List<ProviderRow> providers = new ArrayList<>();
        for (ProviderCount p : store.topProviders(year, view.condition(), view.params(),
                ScopeSql.forCurrentUser(ProgressStore.SCOPE_WITHOUT_PROVIDER), 10)) {
            String name = filings.find(Registry.PROVIDER, p.providerId())
                .map(b -> b.name())
                .orElse("#" + p.providerId());
            providers.add(new ProviderRow(p.providerId(), name, p.subsidised(), p.notSubsidised()));
        }
        return providers;
    }

}
