package org.jixing.training;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;

import org.jixing.shared.tabular.TableFiles;
import org.jixing.shared.tabular.TableInspection;
import org.jixing.shared.tabular.TableLimits;
import org.jixing.training.internal.RosterImportStore;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Prepares the run of an import from its kept file: the file read again as a table, its
 * columns, and what its rows go into (the class of a roster, the registry of a trainee
 * list).
 */
@Component
class RosterImportRuns {

    private final RosterImportStore store;

    private final ClassOpenings classes;

    private final RosterChunks chunks;

    private final ImportProperties properties;

    private final PlatformTransactionManager transactionManager;

    private final Clock clock;

    RosterImportRuns(RosterImportStore store, ClassOpenings classes, RosterChunks chunks, ImportProperties properties,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.store = store;
        this.classes = classes;
        this.chunks = chunks;
        this.properties = properties;
        this.transactionManager = transactionManager;
        this.clock = clock;
    }

    /** The run of an import that has started, as its owner sees its class. */
    RosterImportRun prepare(long id, Path file) {
        RosterImport job = store.find(id).orElseThrow();
        LocalDate today = LocalDate.now(clock.withZone(ClassOpenings.CHINA));
        RosterChunk chunk = job.isRoster() ? chunks.forClass(job, classes.get(job.classId()), today)
                : chunks.forTrainees(job, today);
        TableInspection inspection = TableFiles.inspect(file, job.fileName(), TableLimits.IMPORT);
        RosterRowParser parser = chunks.parser(RosterColumns.of(inspection.header()));
        return new RosterImportRun(job, new RosterImportRun.Source(file, inspection, properties.chunkRows()), parser,
                chunk, store, transactionManager);
    }

}
