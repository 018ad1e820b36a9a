package org.jixing.supervision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.DataScope;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.RunAs;
import org.jixing.supervision.RuleDefinition.Trigger;
import org.jixing.supervision.internal.RiskScanStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine: runs the enabled rules over a window of records and raises their hits as
 * alerts. Three ways in: an arriving event (a check-in, a completion, a claim, a
 * certificate) runs the rules that trigger on it over the event's records, after its
 * transaction commits, on one supervision thread so a check-in waits for none of it; the
 * nightly scan covers the day before; an inspector or the province asks for a scan of any
 * period. A run on an event that is lost (the process stops before it ran) is caught by
 * the next nightly scan, which sees the same records. Rules run as the system's
 * province-wide reader.
 */
@Service
public class RiskScans implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RiskScans.class);

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final RiskRules rules;

    private final Alerts alerts;

    private final RiskScanStore runs;

    private final AuditTrail audit;

    private final ReferenceCatalogue reference;

    private final Clock clock;

    /** At most this many hits of a rule are raised in one transaction. */
    static final int RAISED_TOGETHER = 200;

    private final TransactionTemplate raising;

    private final boolean async;

    /**
     * Whether arriving events run the rules (off: only the nightly and on-demand scans).
     */
    private volatile boolean incremental;

    /** How many days a slice of a long scan covers (0: the whole window at once). */
    private final int sliceDays;

    /**
     * At most this many waiting windows join into one run
     * ({@code jixing.supervision.joined-windows}; 1: each event's own run).
     */
    private volatile int joined;

    private final Queue<Pending> pending = new ConcurrentLinkedQueue<>();

    private final AtomicInteger waiting = new AtomicInteger();

    private final AtomicBoolean draining = new AtomicBoolean();

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "supervision");
        t.setDaemon(true);
        return t;
    });

    RiskScans(RiskRules rules, Alerts alerts, RiskScanStore runs, AuditTrail audit, ReferenceCatalogue reference,
            Clock clock, PlatformTransactionManager transactions,
            @Value("${jixing.supervision.incremental-async:true}") boolean async,
            @Value("${jixing.supervision.incremental:true}") boolean incremental,
            @Value("${jixing.supervision.scan-slice-days:1}") int sliceDays,
            @Value("${jixing.supervision.joined-windows:500}") int joined) {
        this.rules = rules;
        this.alerts = alerts;
        this.runs = runs;
        this.audit = audit;
        this.reference = reference;
        this.clock = clock;
        this.raising = new TransactionTemplate(transactions);
        this.async = async;
        this.incremental = incremental;
        this.sliceDays = sliceDays;
        this.joined = Math.max(1, joined);
    }

    /**
     * The triggers whose events of one transaction run the rules once, together: a class
     * completing announces each trainee, a batch of results each certificate.
     */
    static final Set<Trigger> BATCHED = EnumSet.of(Trigger.COMPLETION, Trigger.CERTIFICATE);

    /**
     * Runs the rules that trigger on {@code trigger} over {@code window} once the
     * caller's transaction commits (at once without one). The completions (certificates)
     * of one transaction are gathered and run once, over all their records.
     * Asynchronously, the windows that arrive while the supervision thread is busy wait
     * together and run as one (see {@link EventBatch}: their periods spanned, their
     * people, classes and other records joined), so a burst of check-ins costs a few
     * runs, not one each.
     */
    public void onEvent(Trigger trigger, ScanWindow window) {
        if (!incremental) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            submit(trigger, List.of(window));
            return;
        }
        if (BATCHED.contains(trigger)) {
            for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
                if (s instanceof AfterCommit pending && pending.scans() == this
                        && pending.batch().trigger() == trigger) {
                    pending.batch().add(window);
                    return;
                }
            }
        }
        EventBatch batch = new EventBatch(trigger);
        batch.add(window);
        TransactionSynchronizationManager.registerSynchronization(new AfterCommit(this, batch));
    }

    /** An event's (a batch's) run, waiting for its transaction to commit. */
    private record AfterCommit(RiskScans scans, EventBatch batch) implements TransactionSynchronization {

        @Override
        public void afterCommit() {
            scans.submit(batch.trigger(), batch.windows());
        }

    }

    private void submit(Trigger trigger, List<ScanWindow> windows) {
        if (async) {
            windows.forEach(w -> enqueue(new Pending(trigger, w)));
        }
        else {
            windows.forEach(w -> runLogged(trigger, w));
        }
    }

    private record Pending(Trigger trigger, ScanWindow window) {
    }

    private void enqueue(Pending p) {
        pending.add(p);
        waiting.incrementAndGet();
        if (draining.compareAndSet(false, true)) {
            worker.execute(this::drain);
        }
    }

    /**
     * Takes what waits, joins it by trigger (at most
     * {@code jixing.supervision.joined-windows} windows into one run) and runs it; again
     * until nothing waits.
     */
    private void drain() {
        try {
            while (true) {
                Map<Trigger, EventBatch> byTrigger = new EnumMap<>(Trigger.class);
                Pending p;
                int taken = 0;
                while (taken < joined && (p = pending.poll()) != null) {
                    byTrigger.computeIfAbsent(p.trigger(), EventBatch::new).add(p.window());
                    taken++;
                }
                if (taken == 0) {
                    return;
                }
                byTrigger.forEach((trigger, batch) -> batch.windows().forEach(w -> runLogged(trigger, w)));
                waiting.addAndGet(-taken);
            }
        }
        finally {
            draining.set(false);
            if (!pending.isEmpty() && draining.compareAndSet(false, true)) {
                worker.execute(this::drain);
            }
        }
    }

    private void runLogged(Trigger trigger, ScanWindow window) {
        try {
            run(trigger, window);
        }
        catch (RuntimeException e) {
            log.warn("supervision rules on {} failed; the nightly scan will see these records", trigger, e);
        }
    }

    /**
     * Runs the rules over a window now: those that trigger on {@code trigger}, or every
     * enabled rule when it is null (a scan). A window of more than a day that names no
     * records (a scan) runs day by day (China time), as the nightly scans would have:
     * each day's records, with the history each rule reads around them, are in memory at
     * once, never a year's.
     */
    public ScanSummary run(Trigger trigger, ScanWindow window) {
        if (window.focused() || sliceDays <= 0
                || Duration.between(window.from(), window.to()).compareTo(Duration.ofDays(sliceDays)) <= 0) {
            return runSlice(trigger, window);
        }
        int rulesRun = 0;
        int hits = 0;
        int created = 0;
        int merged = 0;
        Instant from = window.from();
        while (from.isBefore(window.to())) {
            Instant next = from.atZone(CHINA).toLocalDate().plusDays(sliceDays).atStartOfDay(CHINA).toInstant();
            Instant to = next.isBefore(window.to()) ? next : window.to();
            ScanSummary s = runSlice(trigger, ScanWindow.between(from, to));
            rulesRun = Math.max(rulesRun, s.rulesRun());
            hits += s.hits();
            created += s.alertsNew();
            merged += s.alertsMerged();
            from = to;
        }
        return new ScanSummary(null, window.from(), window.to(), rulesRun, hits, created, merged);
    }

    private ScanSummary runSlice(Trigger trigger, ScanWindow window) {
        return RunAs.user(engine(), () -> {
            int rulesRun = 0;
            int hits = 0;
            int created = 0;
            int merged = 0;
            for (Map.Entry<RiskRule, RuleVersion> e : rules.enabled()) {
                if (trigger != null && !e.getKey().definition().triggers().contains(trigger)) {
                    continue;
                }
                rulesRun++;
                List<Hit> found = e.getKey().evaluate(window, e.getValue());
                hits += found.size();
                // A rule's hits are raised a few hundred to a transaction: one commit
                // for them, not one each.
                for (int from = 0; from < found.size(); from += RAISED_TOGETHER) {
                    List<Hit> some = found.subList(from, Math.min(found.size(), from + RAISED_TOGETHER));
                    int[] counted = raising.execute(status -> {
                        int[] c = new int[2];
                        for (Hit h : some) {
                            switch (alerts.raise(e.getValue(), h)) {
                                case NEW -> c[0]++;
                                case MERGED -> c[1]++;
                                default -> {
                                }
                            }
                        }
                        return c;
                    });
                    created += counted[0];
                    merged += counted[1];
                }
            }
            return new ScanSummary(null, window.from(), window.to(), rulesRun, hits, created, merged);
        });
    }

    /**
     * Who the rules read as: the whole province (of the loaded regions), changing
     * nothing.
     */
    private CurrentUser engine() {
        String province = reference.cities().get(0).code().substring(0, 2) + "0000";
        return new CurrentUser(0, "supervision", "supervision", Role.AUDITOR, DataScope.province(province));
    }

    /** Scans a period on demand: the province or an inspector; recorded and audited. */
    public ScanSummary scan(Instant from, Instant to) {
        CurrentUser me = CurrentUser.require();
        if (!SupervisionPermission.SCAN_RUN.allows(me)) {
            throw new AccessDeniedException("inspectors run scans");
        }
        if (from == null || to == null || !from.isBefore(to)) {
            throw InvalidInputException.of("from", "supervision.error.scan.period");
        }
        if (Duration.between(from, to).compareTo(Duration.ofDays(400)) > 0) {
            throw InvalidInputException.of("from", "supervision.error.scan.tooLong");
        }
        return recorded("ON_DEMAND", from, to, me.username());
    }

    /** The nightly scan of the day before (China time). */
    @Scheduled(cron = "${jixing.supervision.nightly-cron:0 45 1 * * *}", zone = "Asia/Shanghai")
    public void nightly() {
        LocalDate yesterday = LocalDate.now(clock.withZone(CHINA)).minusDays(1);
        recorded("NIGHTLY", yesterday.atStartOfDay(CHINA).toInstant(),
                yesterday.plusDays(1).atStartOfDay(CHINA).toInstant(), "system");
    }

    private ScanSummary recorded(String kind, Instant from, Instant to, String by) {
        long id = runs.start(kind, from, to, by, clock.instant());
        ScanSummary s = run(null, ScanWindow.between(from, to));
        runs.finish(id, s, clock.instant());
        audit.record(new AuditEvent("supervision.scan", "risk_scan_run", String.valueOf(id), null,
                Map.of("kind", kind, "from", from.toString(), "to", to.toString(), "hits", s.hits(), "new",
                        s.alertsNew(), "merged", s.alertsMerged()),
                by));
        return new ScanSummary(id, from, to, s.rulesRun(), s.hits(), s.alertsNew(), s.alertsMerged());
    }

    /** The latest scans, newest first. */
    public List<ScanRun> latest() {
        Alerts.requireReader();
        return new ArrayList<>(runs.latest(20));
    }

    /** Arriving events' windows waiting for the supervision thread. */
    public int backlog() {
        return waiting.get();
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }

}
