package org.jixing.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PreDestroy;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.RunAs;
import org.jixing.shared.tabular.TableFileException;
import org.jixing.training.internal.RosterImportStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Runs the imports in the background, each to its end as the user who uploaded it, a few
 * at a time (the roster-import executor). The state of an import lives in its row, so
 * imports left queued or running by a stop, even a killed process, resume when the
 * application starts again.
 */
@Component
class RosterImportRunner {

    private static final Logger log = LoggerFactory.getLogger(RosterImportRunner.class);

    private final RosterImportStore store;

    private final RosterImportRuns runs;

    private final ImportProperties properties;

    private final AuditTrail audit;

    private final ImportTexts texts;

    private final Clock clock;

    private final ThreadPoolTaskExecutor executor;

    /** Set when the application stops: imports then stay as they are, to resume. */
    private volatile boolean stopping;

    RosterImportRunner(RosterImportStore store, RosterImportRuns runs, ImportProperties properties, AuditTrail audit,
            ImportTexts texts, Clock clock,
            @Qualifier(RosterImportConfiguration.EXECUTOR) ThreadPoolTaskExecutor executor) {
        this.store = store;
        this.runs = runs;
        this.properties = properties;
        this.audit = audit;
        this.texts = texts;
        this.clock = clock;
        this.executor = executor;
    }

    @PreDestroy
    void stop() {
        stopping = true;
        // Interrupts the runs and waits for them to let go, before the database goes.
        executor.shutdown();
    }

    /** Queues the run of an import. */
    void submit(long id) {
        executor.execute(() -> execute(id));
    }

    /** Resumes the imports a stop left queued or running. */
    @EventListener(ApplicationReadyEvent.class)
    public void resumeUnfinished() {
        for (long id : store.unfinished()) {
            log.info("resuming roster import {}", id);
            submit(id);
        }
    }

    /** Runs an import to its end, as its owner. */
    void execute(long id) {
        RosterImport job = store.find(id).orElse(null);
        if (job == null || job.status().finished()) {
            return;
        }
        CurrentUser owner = store.owner(id);
        RunAs.user(owner, () -> {
            try {
                Path file = properties.fileOf(id);
                if (!Files.exists(file)) {
                    fail(id, new Problem(null, "training.import.error.fileGone"));
                    return null;
                }
                store.started(id, clock.instant());
                ImportStatus end = runs.prepare(id, file).run();
                store.finish(id, end, null, clock.instant());
                RosterImport done = store.find(id).orElseThrow();
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("status", end.name());
                after.put("enrolled", done.rowsEnrolled());
                after.put("selfFunded", done.rowsSelfFunded());
                after.put("unchanged", done.rowsUnchanged());
                after.put("invalid", done.rowsInvalid());
                audit.record(AuditEvent.of("roster.import.finish", "roster_import", id, null, after));
            }
            catch (RosterImportRun.SimulatedCrash ex) {
                log.warn("roster import {} stopped dead (test)", id);
            }
            catch (TableFileException ex) {
                fail(id, new Problem(null, ex.messageKey(), ex.args()));
            }
            catch (RuntimeException | Error ex) {
                if (stopping) {
                    // Interrupted by the application stopping: it resumes at the next
                    // start.
                    log.info("roster import {} stops with the application and resumes at the next start", id);
                    return null;
                }
                // Whatever went wrong, the import ends with what its committed chunks
                // hold, and the roster is free for the next one.
                log.error("roster import {} failed", id, ex);
                fail(id, new Problem(null, "training.import.error.unexpected", ex.getClass().getSimpleName()));
            }
            return null;
        });
    }

    private void fail(long id, Problem problem) {
        store.finish(id, ImportStatus.FAILED, texts.encode(List.of(problem)), clock.instant());
    }

}
