package org.jixing.statistics;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeSql;
import org.jixing.statistics.internal.ProgressStore;
import org.jixing.training.CompletionCounts;
import org.jixing.training.TrainingCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Progress against the targets: completed person-times kept in a rollup as completions
 * arrive ({@link TrainingCompleted}, after the completing transaction commits), and a
 * reconciliation that recounts from the records (at start, nightly, on demand), reports
 * the drift and repairs it. Recorded history publishes no events; the reconciliation
 * counts it.
 */
@Service
public class Progress {

    private static final Logger log = LoggerFactory.getLogger(Progress.class);

    /** What progress is grouped by. */
    public enum Dimension {

        LINE("line_code"), SUB_TARGET("sub_target_code"), CITY("substr(region_code, 1, 4) || '00'"),
        MONTH("training_month"), PROVIDER("provider_id"), OCCUPATION("occupation_code");

        final String column;

        Dimension(String column) {
            this.column = column;
        }

    }

    /**
     * What a reconciliation found: groups compared, groups that had drifted, by how much.
     */
    public record Reconciliation(int groupsCompared, int groupsDrifted, long completionsMissing,
            long completionsExtra) {
    }

    private final ProgressStore store;

    private final CompletionCounts counts;

    private final Clock clock;

    Progress(ProgressStore store, CompletionCounts counts, Clock clock) {
        this.store = store;
        this.counts = counts;
        this.clock = clock;
    }

    /** Counts a completion once the class's completion has committed. */
    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(TrainingCompleted e) {
        store.add(new CompletionCounts.Count(e.completedOn().getYear(), e.completedOn().getMonthValue(), e.lineCode(),
                e.subTargetCode(), e.regionCode(), e.providerId(), e.occupationCode(), e.subsidised(), 1));
    }

    /** Recounts from the records, reports the drift and, if any, replaces the rollup. */
    @Transactional
    public Reconciliation reconcile(String trigger) {
        List<CompletionCounts.Count> recount = counts.all();
        Map<CompletionCounts.Count, Long> held = new HashMap<>();
        store.all().forEach(c -> held.put(key(c), c.completions()));
        Map<CompletionCounts.Count, Long> actual = new HashMap<>();
        recount.forEach(c -> actual.put(key(c), c.completions()));
        Set<CompletionCounts.Count> keys = new HashSet<>(held.keySet());
        keys.addAll(actual.keySet());
        int drifted = 0;
        long missing = 0;
        long extra = 0;
        for (CompletionCounts.Count k : keys) {
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
        if (drifted > 0) {
            store.replaceAll(recount);
        }
        store.recordReconciliation(clock.instant(), trigger, keys.size(), drifted, missing, extra);
        Reconciliation r = new Reconciliation(keys.size(), drifted, missing, extra);
        if (drifted > 0) {
            log.info("progress reconciled ({}): {} of {} groups had drifted, {} completions missing, {} extra", trigger,
                    drifted, keys.size(), missing, extra);
        }
        return r;
    }

    /** A reconciliation asked for by the province administrator. */
    public Reconciliation reconcileNow() {
        if (!CurrentUser.require().hasRole(Role.PROVINCE_ADMIN)) {
            throw new AccessDeniedException("reconciling progress");
        }
        return reconcile("on demand");
    }

    @Scheduled(cron = "${jixing.statistics.reconcile-cron:0 30 2 * * *}", zone = "Asia/Shanghai")
    void nightly() {
        reconcile("nightly");
    }

    /** At start, in the background: the records may hold what no event announced. */
    @EventListener(ApplicationReadyEvent.class)
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
        return store.byDimension(year, by.column, ScopeSql.forCurrentUser(ProgressStore.SCOPE));
    }

    private static CompletionCounts.Count key(CompletionCounts.Count c) {
        return new CompletionCounts.Count(c.year(), c.month(), c.lineCode(), c.subTargetCode(), c.regionCode(),
                c.providerId(), c.occupationCode(), c.subsidised(), 0);
    }

}
