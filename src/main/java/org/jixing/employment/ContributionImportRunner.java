package org.jixing.employment;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PreDestroy;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.employment.internal.ContributionStore;
import org.jixing.employment.internal.ContributionStore.Progress;
import org.jixing.employment.internal.FollowUpStore;
import org.jixing.person.IdNumberSeals;
import org.jixing.shared.ProvinceTime;
import org.jixing.shared.scope.RunAs;
import org.jixing.shared.tabular.TableFileException;
import org.jixing.shared.tabular.TableFiles;
import org.jixing.shared.tabular.TableFormat;
import org.jixing.shared.tabular.TableInspection;
import org.jixing.shared.tabular.TableReader;
import org.jixing.shared.tabular.TableRow;
import org.jixing.training.ImportMode;
import org.jixing.training.ImportStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs contribution imports in the background, as the administrator who uploaded them, in
 * two phases. Staging reads the kept file and writes its valid rows (ID numbers as blind
 * indexes) into the staging table and its refused rows into the import's list, a chunk
 * per transaction that also records the last row committed. Matching then runs in one
 * transaction in the database: repeated person-months refused, the mode applied, the rows
 * of followed people merged into their contribution months, the months made known, the
 * follow-ups of the people touched recomputed, staging emptied. A stop (even a killed
 * process) leaves the import queued or running; at the next start it resumes reading
 * after the last committed row (or from the start when the staged rows are gone), or
 * matches again. The file is deleted when the import ends.
 */
@Component
class ContributionImportRunner {

    private static final Logger log = LoggerFactory.getLogger(ContributionImportRunner.class);

    private final ContributionStore store;

    private final FollowUpStore followUpStore;

    private final FollowUps followUps;

    private final IdNumberSeals seals;

    private final FollowUpProperties properties;

    private final AuditTrail audit;

    private final Clock clock;

    private final TransactionTemplate transactions;

    private final ThreadPoolTaskExecutor executor;

    private final org.springframework.context.ApplicationEventPublisher events;

    private volatile boolean stopping;

    ContributionImportRunner(ContributionStore store, FollowUpStore followUpStore, FollowUps followUps,
            IdNumberSeals seals, FollowUpProperties properties, AuditTrail audit, Clock clock,
            PlatformTransactionManager transactionManager,
            @Qualifier(ContributionImportConfiguration.EXECUTOR) ThreadPoolTaskExecutor executor,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.store = store;
        this.followUpStore = followUpStore;
        this.followUps = followUps;
        this.seals = seals;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.executor = executor;
    }

    @PreDestroy
    void stop() {
        stopping = true;
        executor.shutdown();
    }

    void submit(long id) {
        executor.execute(() -> execute(id));
    }

    /** Resumes the imports a stop left queued or running. */
    @EventListener(ApplicationReadyEvent.class)
    public void resumeUnfinished() {
        for (long id : store.unfinished()) {
            log.info("resuming contribution import {}", id);
            submit(id);
        }
    }

    /** Runs an import to its end, as its owner. */
    void execute(long id) {
        ContributionImport job = store.find(id).orElse(null);
        if (job == null || job.status().finished()) {
            return;
        }
        RunAs.user(store.owner(id), () -> {
            Path file = properties.fileOf(id);
            try {
                store.started(id, clock.instant());
                if (!job.staged() || store.stagedRows(id) != store.progress(id).rowsStaged()) {
                    if (!Files.exists(file)) {
                        store.fail(id, "employment.contribution.error.fileGone", clock.instant());
                        return null;
                    }
                    long t0 = System.nanoTime();
                    stage(job, file);
                    log.info("contribution import {}: staged in {} ms", id, (System.nanoTime() - t0) / 1_000_000);
                }
                long t1 = System.nanoTime();
                followUps.catchUp();
                long t2 = System.nanoTime();
                ImportStatus end = transactions.execute(tx -> match(job));
                log.info("contribution import {}: completions caught up in {} ms, matched in {} ms", id,
                        (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
                ContributionImport done = store.find(id).orElseThrow();
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("status", end.name());
                after.put("read", done.rowsRead());
                after.put("matched", done.rowsMatched());
                after.put("notTrainee", done.rowsNotTrainee());
                after.put("refused", done.rowsRefused());
                after.put("changed", done.rowsChanged());
                audit.record(AuditEvent.of("contribution.import.finish", "contribution_import", id, null, after));
                if (end == ImportStatus.DONE) {
                    events.publishEvent(new ContributionsImported(id, done.rowsMatched(), clock.instant()));
                }
                delete(file);
            }
            catch (TableFileException ex) {
                store.fail(id, ex.messageKey(), clock.instant());
                transactions.executeWithoutResult(tx -> store.clearStaging(id));
                delete(file);
            }
            catch (RuntimeException | Error ex) {
                if (stopping) {
                    log.info("contribution import {} stops with the application and resumes at the next start", id);
                    return null;
                }
                log.error("contribution import {} failed", id, ex);
                store.fail(id, "employment.contribution.error.unexpected", clock.instant());
                transactions.executeWithoutResult(tx -> store.clearStaging(id));
                delete(file);
            }
            return null;
        });
    }

    /**
     * Stages the file from after the last committed row, a chunk per transaction; starts
     * again from the first row when what was staged is gone.
     */
    private void stage(ContributionImport job, Path file) {
        long id = job.id();
        Progress progress = store.progress(id);
        if (progress.rowsDone() > 0 && store.stagedRows(id) != progress.rowsStaged()) {
            transactions.executeWithoutResult(tx -> store.restartStaging(id));
            progress = Progress.ZERO;
        }
        String[] at = store.columnsAt(id).split(",");
        int idCol = Integer.parseInt(at[0]);
        int creditCol = Integer.parseInt(at[1]);
        int monthCol = Integer.parseInt(at[2]);
        int baseCol = Integer.parseInt(at[3]);
        TableInspection inspection = new TableInspection(TableFormat.valueOf(job.format()),
                job.charset() == null ? null : Charset.forName(job.charset()), List.of(), job.rowsTotal());
        LocalDate today = LocalDate.now(clock.withZone(ProvinceTime.CHINA));
        int chunk = properties.chunkRows();
        List<Object[]> valid = new ArrayList<>(chunk);
        List<RefusedRow> refused = new ArrayList<>();
        int read = progress.rowsRead();
        int refusedCount = progress.rowsRefused();
        int staged = progress.rowsStaged();
        int last = progress.rowsDone();
        int inChunk = 0;
        try (TableReader reader = TableFiles.open(file, inspection, ContributionImports.limits(properties))) {
            while (reader.hasNext()) {
                TableRow row = reader.next();
                if (row.number() <= progress.rowsDone()) {
                    continue;
                }
                if (stopping) {
                    throw new IllegalStateException("stopping");
                }
                ContributionRow r = ContributionRow.check(row.cell(idCol), row.cell(creditCol), row.cell(monthCol),
                        row.cell(baseCol), today);
                read++;
                if (r.refused()) {
                    refused.add(new RefusedRow(row.number(), r.refusal(), r.detail()));
                    refusedCount++;
                }
                else {
                    valid.add(new Object[] { id, row.number(), seals.idNumberIndex(r.idNumber()), r.creditCode(),
                            r.monthNo(), r.baseFen() });
                    staged++;
                }
                last = row.number();
                if (++inChunk >= chunk) {
                    commit(id, valid, refused, new Progress(last, read, refusedCount, staged));
                    valid = new ArrayList<>(chunk);
                    refused = new ArrayList<>();
                    inChunk = 0;
                }
            }
        }
        catch (Exception ex) {
            if (ex instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(ex);
        }
        commit(id, valid, refused, new Progress(last, read, refusedCount, staged));
        store.markStaged(id);
    }

    private void commit(long id, List<Object[]> valid, List<RefusedRow> refused, Progress after) {
        transactions.executeWithoutResult(tx -> store.stage(id, valid, refused, after));
    }

    /** Matches the staged rows in the database and ends the import. */
    private ImportStatus match(ContributionImport job) {
        long id = job.id();
        Progress progress = store.progress(id);
        int repeats = store.refuseRepeats(id);
        int refused = progress.rowsRefused() + repeats;
        int valid = progress.rowsStaged() - repeats;
        int matched = store.matchedRows(id);
        int notTrainee = valid - matched;
        if (job.mode() == ImportMode.ALL_OR_NOTHING && refused > 0) {
            store.clearStaging(id);
            store.finish(id, ImportStatus.REJECTED, matched, notTrainee, refused, 0, null, clock.instant());
            return ImportStatus.REJECTED;
        }
        long t0 = System.nanoTime();
        int changed = store.merge(id);
        long t1 = System.nanoTime();
        store.knownMonths(id);
        followUpStore.recomputeForImport(id, properties.minimumBaseFen());
        long t2 = System.nanoTime();
        store.clearStaging(id);
        log.info("contribution import {}: {} rows matched, merged in {} ms, follow-ups recomputed in {} ms", id,
                matched, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
        store.finish(id, ImportStatus.DONE, matched, notTrainee, refused, changed, null, clock.instant());
        return ImportStatus.DONE;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException ex) {
            log.warn("could not delete {}", file, ex);
        }
    }

}
