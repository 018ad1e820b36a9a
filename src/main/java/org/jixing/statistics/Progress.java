package org.jixing.statistics;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jixing.reference.ReferenceCatalogue;
import org.jixing.reference.Region;
import org.jixing.shared.RegionCode;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.ScopeSql;
import org.jixing.statistics.internal.GroupCount;
import org.jixing.statistics.internal.Grouped;
import org.jixing.statistics.internal.MonthSummary;
import org.jixing.statistics.internal.ProgressStore;
import org.jixing.statistics.internal.ProviderYearSummary;
import org.jixing.statistics.internal.Summaries;
import org.jixing.statistics.internal.UniqueCount;
import org.jixing.training.CompletionCounts;
import org.jixing.training.TrainingCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Progress against the targets: completed person-times, by trainee group (the groups held
 * on the class's first day, memberships recorded later included: see
 * {@link TraineeGroupFigures}), and unique persons, kept in rollups as completions arrive
 * ({@link TrainingCompleted}, after the completing transaction commits), and a
 * reconciliation that recounts from the records (at start, nightly, on demand), reports
 * the drift and repairs it. Recorded history publishes no events; the reconciliation
 * counts it.
 */
@Service
public class Progress {

    private static final Logger log = LoggerFactory.getLogger(Progress.class);

    /** What progress is grouped by. */
    public enum Dimension {

        LINE("r.line_code"), SUB_TARGET("r.sub_target_code"), CITY(ProgressStore.CITY),
        MONTH("extract(month from r.completed_on)"), PROVIDER("r.provider_id"), OCCUPATION("r.occupation_code"),
        GROUP("r.group_code");

        final String column;

        Dimension(String column) {
            this.column = column;
        }

    }

    /**
     * What a reconciliation found: groups compared, groups that had drifted, by how much
     * (person-times); and how many trainee-group and unique-person counts had drifted.
     */
    public record Reconciliation(int groupsCompared, int groupsDrifted, long completionsMissing, long completionsExtra,
            int traineeGroupCountsDrifted, int uniquePersonCountsDrifted) {
    }

    private final ProgressStore store;

    private final CompletionCounts counts;

    private final ReferenceCatalogue reference;

    private final Clock clock;

    private final TraineeGroupFigures groupFigures;

    private final CountedCompletions counted;

    Progress(ProgressStore store, CompletionCounts counts, ReferenceCatalogue reference, Clock clock,
            TraineeGroupFigures groupFigures, CountedCompletions counted) {
        this.store = store;
        this.counts = counts;
        this.reference = reference;
        this.clock = clock;
        this.groupFigures = groupFigures;
        this.counted = counted;
    }

    /**
     * Counts a completion once the class's completion has committed: the person-time, the
     * trainee groups, and the person where this is their first subsidised completion of
     * the year in the line, the city, both, or at all. (Two completions of one person
     * committing at the same moment may each see the other and count neither; the
     * reconciliation repairs that.) Durable: the publication is kept until this has
     * committed and resubmitted at start if it never did (docs/events.md); a completion
     * delivered again counts once.
     */
    @ApplicationModuleListener
    public void on(TrainingCompleted e) {
        if (!counted.first(e.enrolmentId())) {
            return;
        }
        int year = e.completedOn().getYear();
        store.add(new CompletionCounts.Count(e.completedOn(), e.lineCode(), e.subTargetCode(), e.regionCode(),
                e.providerId(), e.occupationCode(), e.subsidised(), 1));
        groupFigures.completed(e);
        if (!e.subsidised()) {
            return;
        }
        String city = city(e.regionCode());
        List<CompletionCounts.PersonCompletion> others = counts.subsidisedCompletionsOf(e.personId(), year)
            .stream()
            .filter(c -> c.enrolmentId() != e.enrolmentId())
            .toList();
        if (others.isEmpty()) {
            store.add(year, "ALL", "", province(), 1);
        }
        if (others.stream().noneMatch(c -> c.lineCode().equals(e.lineCode()))) {
            store.add(year, "LINE", e.lineCode(), province(), 1);
        }
        if (others.stream().noneMatch(c -> city(c.regionCode()).equals(city))) {
            store.add(year, "CITY", "", city, 1);
        }
        if (others.stream().noneMatch(c -> c.lineCode().equals(e.lineCode()) && city(c.regionCode()).equals(city))) {
            store.add(year, "LINE_CITY", e.lineCode(), city, 1);
        }
    }

    /** Recounts from the records, reports the drift and replaces what drifted. */
    @Transactional
    public Reconciliation reconcile(String trigger) {
        List<Long> outstanding = counted.outstanding();
        // Person-times.
        Drift<CompletionCounts.Count> main = drift(
                store.all(), counts.all(), c -> new CompletionCounts.Count(c.completedOn(), c.lineCode(),
                        c.subTargetCode(), c.regionCode(), c.providerId(), c.occupationCode(), c.subsidised(), 0),
                CompletionCounts.Count::completions);
        if (main.drifted > 0) {
            store.replaceAll(main.actual);
        }
        // The dashboards' summaries of it.
        Summaries summaries = ProgressStore.summaries(main.actual);
        Summaries heldSummaries = store.heldSummaries();
        int summariesDrifted = drift(heldSummaries.months(), summaries.months(), MonthSummary::group,
                MonthSummary::completions).drifted
                + drift(heldSummaries.providers(), summaries.providers(), ProviderYearSummary::group,
                        ProviderYearSummary::completions).drifted;
        if (summariesDrifted > 0) {
            store.replaceSummaries(summaries);
        }
        // Trainee groups held on each class's first day, memberships recorded later
        // included.
        TraineeGroupFigures.Recount groupRecount = groupFigures.recount();
        Drift<GroupCount> groups = drift(store.allGroups(), groupRecount.counts(), c -> new GroupCount(c.year(),
                c.month(), c.lineCode(), c.regionCode(), c.groupCode(), c.subsidised(), 0), GroupCount::completions);
        if (groups.drifted > 0 || groupFigures.countedRows() != groupRecount.rows()) {
            store.replaceGroups(groups.actual);
            groupFigures.rewrite();
        }
        // Unique persons, kept with the province's code where a count has no city.
        List<UniqueCount> recount = counts.uniquePersons()
            .stream()
            .map(p -> new UniqueCount(p.year(), p.dimension(), p.lineCode(),
                    p.cityCode().isEmpty() ? province() : p.cityCode(), p.persons()))
            .toList();
        Drift<UniqueCount> persons = drift(store.allUnique(), recount, UniqueCount::group, UniqueCount::persons);
        if (persons.drifted > 0) {
            store.replaceUnique(recount);
        }
        String detail = "summaries: " + summariesDrifted + " drifted; trainee groups: " + groups.drifted + " of "
                + groups.compared + " drifted; unique persons: " + persons.drifted + " of " + persons.compared
                + " drifted";
        counted.recounted(outstanding);
        store.recordReconciliation(clock.instant(), trigger, main.compared, main.drifted, main.missing, main.extra,
                detail);
        if (main.drifted + summariesDrifted + groups.drifted + persons.drifted > 0) {
            log.info("progress reconciled ({}): {} of {} groups had drifted, {} completions missing, {} extra; {}",
                    trigger, main.drifted, main.compared, main.missing, main.extra, detail);
        }
        return new Reconciliation(main.compared, main.drifted, main.missing, main.extra, groups.drifted,
                persons.drifted);
    }

    /** How a held rollup differs from a recount, group by group. */
    private record Drift<T>(List<T> actual, int compared, int drifted, long missing, long extra) {
    }

    private static <T> Drift<T> drift(List<T> heldRows, List<T> actualRows, Function<T, Object> key,
            Function<T, Long> value) {
        Map<Object, Long> held = new HashMap<>();
        heldRows.forEach(c -> held.merge(key.apply(c), value.apply(c), Long::sum));
        Map<Object, Long> actual = new HashMap<>();
        actualRows.forEach(c -> actual.merge(key.apply(c), value.apply(c), Long::sum));
        Set<Object> keys = new HashSet<>(held.keySet());
        keys.addAll(actual.keySet());
        int drifted = 0;
        long missing = 0;
        long extra = 0;
        for (Object k : keys) {
            long difference = actual.getOrDefault(k, 0L) - held.getOrDefault(k, 0L);
            if (difference != 0) {
                drifted++;
                if (difference > 0) {
                    missing += difference;
                }
                else {
                    extra -= difference;
                }
            }
        }
        return new Drift<>(actualRows, keys.size(), drifted, missing, extra);
    }

    /** A reconciliation asked for by the province administrator. */
    public Reconciliation reconcileNow() {
        if (!StatisticsPermission.PROGRESS_RECONCILE.allows(CurrentUser.require())) {
            throw new AccessDeniedException("reconciling progress");
        }
        return reconcile("on demand");
    }

    @Scheduled(cron = "${jixing.statistics.reconcile-cron:0 30 2 * * *}", zone = "Asia/Shanghai")
    void nightly() {
        reconcile("nightly");
    }

    /**
     * At start, in the background: the records may hold what no event announced.
     * {@code jixing.statistics.reconcile-at-start: false} leaves the figures to the
     * events and the nightly recount (docs/events.md).
     */
    @EventListener(value = ApplicationReadyEvent.class,
            condition = "@environment.getProperty('jixing.statistics.reconcile-at-start', 'true') == 'true'")
    void atStart() {
        Thread t = new Thread(() -> {
            try {
                reconcile("start");
            }
            catch (RuntimeException ex) {
                log.warn("progress reconciliation at start failed", ex);
            }
        }, "progress-reconciliation");
        t.setDaemon(true);
        t.start();
    }

    /** Completions of a year grouped by a dimension, in the caller's scope. */
    @Transactional(readOnly = true)
    public List<ProgressRow> of(int year, Dimension by) {
        List<Grouped> rows = by == Dimension.GROUP
                ? store.groupedByGroup(List.of(by.column), year, null, null,
                        ScopeSql.forCurrentUser(ProgressStore.SCOPE_WITHOUT_PROVIDER))
                : store.grouped(List.of(by.column), year, year, null, null, null,
                        ScopeSql.forCurrentUser(ProgressStore.SCOPE));
        List<ProgressRow> out = new ArrayList<>();
        for (Grouped r : rows) {
            out.add(new ProgressRow(r.key(0), r.subsidised(), r.notSubsidised()));
        }
        out.sort(Comparator.comparing(ProgressRow::key, by == Dimension.MONTH
                ? Comparator.comparingInt(Integer::parseInt) : Comparator.<String>naturalOrder()));
        return out;
    }

    /** The city a region belongs to. */
    static String city(String regionCode) {
        return regionCode.substring(0, 4) + "00";
    }

    String province() {
        return province(reference);
    }

    /** The province's region code. */
    static String province(ReferenceCatalogue reference) {
        return reference.regions()
            .stream()
            .filter(r -> r.level() == RegionCode.Level.PROVINCE)
            .map(Region::code)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("the reference data holds no province"));
    }

}
