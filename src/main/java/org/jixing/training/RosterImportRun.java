package org.jixing.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.tabular.TableFiles;
import org.jixing.shared.tabular.TableInspection;
import org.jixing.shared.tabular.TableLimits;
import org.jixing.shared.tabular.TableReader;
import org.jixing.shared.tabular.TableRow;
import org.jixing.training.RosterRowParser.Candidate;
import org.jixing.training.RosterRowParser.Parsed;
import org.jixing.training.internal.RosterImportStore;
import org.jixing.training.internal.RosterImportStore.Counts;
import org.jixing.training.internal.RosterImportStore.RowOutcome;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One run of a roster import, in the background as the user who uploaded the file. Rows
 * are read in chunks; each row is read by the parser and the chunk's valid rows are taken
 * by the chunk (enrolled in a class or registered in a region) in bulk. In "valid rows"
 * mode each chunk commits with the import's counts, so a run stopped by a crash resumes
 * after the last committed chunk; in "all or nothing" mode the whole file is one
 * transaction, rolled back if any row is invalid.
 */
final class RosterImportRun {

    /**
     * For tests of crash recovery: the run stops dead after this many chunks, as a killed
     * process would, leaving the import as it stood. Negative: never.
     */
    static volatile int crashAfterChunks = -1;

    static final class SimulatedCrash extends RuntimeException {

        SimulatedCrash() {
            super("simulated crash");
        }

    }

    /** The file of an import as the run reads it, and how many rows a chunk takes. */
    record Source(Path file, TableInspection inspection, int chunkRows) {

        TableReader open() {
            return TableFiles.open(file, inspection, TableLimits.IMPORT);
        }

    }

    private final RosterImport job;

    private final Source source;

    private final RosterRowParser parser;

    private final RosterChunk chunk;

    private final RosterImportStore store;

    private final TransactionTemplate transaction;

    private final TransactionTemplate newTransaction;

    private Counts counts;

    RosterImportRun(RosterImport job, Source source, RosterRowParser parser, RosterChunk chunk, RosterImportStore store,
            PlatformTransactionManager transactionManager) {
        this.job = job;
        this.source = source;
        this.parser = parser;
        this.chunk = chunk;
        this.store = store;
        this.transaction = new TransactionTemplate(transactionManager);
        this.newTransaction = new TransactionTemplate(transactionManager);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Runs to the end; returns the status the import ends in. */
    ImportStatus run() {
        boolean resume = job.mode() == ImportMode.VALID_ROWS && job.rowsDone() > 0;
        counts = resume ? new Counts(job.rowsDone(), job.rowsDone(), job.rowsEnrolled(), job.rowsSelfFunded(),
                job.rowsUnchanged(), job.rowsInvalid(), job.peopleRegistered()) : Counts.ZERO;
        int skip = resume ? job.rowsDone() : 0;
        inNewTransaction(() -> store.restart(job.id(), resume ? lastRowDone(skip) + 1 : 0, counts));
        if (job.mode() == ImportMode.VALID_ROWS) {
            return readChunks(skip, null);
        }
        // All or nothing: one transaction; the outcomes are kept until it ends.
        List<RowOutcome> kept = new ArrayList<>();
        return transaction.execute(status -> {
            ImportStatus end = readChunks(0, kept);
            if (end != ImportStatus.DONE || counts.invalid() > 0) {
                status.setRollbackOnly();
                ImportStatus result = end == ImportStatus.DONE ? ImportStatus.REJECTED : end;
                Counts rejected = new Counts(counts.done(), counts.validated(), 0, 0, 0, counts.invalid(), 0);
                inNewTransaction(() -> store.recordChunk(job.id(),
                        kept.stream().filter(r -> r.outcome().equals("INVALID")).toList(), rejected));
                return result;
            }
            store.recordChunk(job.id(), kept, counts);
            return ImportStatus.DONE;
        });
    }

    /**
     * Reads the chunks after the first {@code skip} rows: each committed as it is taken,
     * or, with {@code kept}, checked only, their outcomes kept for the end.
     */
    private ImportStatus readChunks(int skip, List<RowOutcome> kept) {
        int chunks = 0;
        try (TableReader reader = source.open()) {
            int skipped = 0;
            while (skipped < skip && reader.hasNext()) {
                parser.skip(reader.next());
                skipped++;
            }
            List<TableRow> rows = new ArrayList<>(source.chunkRows());
            while (true) {
                boolean more = reader.hasNext();
                if (more) {
                    rows.add(reader.next());
                }
                if (rows.size() == source.chunkRows() || (!more && !rows.isEmpty())) {
                    if (store.cancelRequested(job.id())) {
                        return ImportStatus.CANCELLED;
                    }
                    List<TableRow> taken = List.copyOf(rows);
                    rows.clear();
                    if (kept == null) {
                        transaction.execute(status -> {
                            store.recordChunk(job.id(), take(taken, true), counts);
                            return null;
                        });
                    }
                    else {
                        kept.addAll(take(taken, counts.invalid() == 0));
                        Counts progress = counts;
                        inNewTransaction(() -> store.counts(job.id(), progress));
                    }
                    chunks++;
                    if (crashAfterChunks >= 0 && chunks >= crashAfterChunks) {
                        throw new SimulatedCrash();
                    }
                }
                if (!more) {
                    return ImportStatus.DONE;
                }
            }
        }
    }

    /**
     * Reads a chunk's rows and has the chunk take the valid ones (writing them when
     * {@code write}); returns the outcomes of the rows that were not simply taken and
     * moves the counts on.
     */
    private List<RowOutcome> take(List<TableRow> rows, boolean write) {
        Map<Integer, List<Problem>> problems = new LinkedHashMap<>();
        List<Candidate> candidates = new ArrayList<>();
        for (TableRow row : rows) {
            Parsed parsed = parser.parse(row);
            if (parsed.valid()) {
                candidates.add(parsed.candidate());
            }
            else {
                problems.put(row.number(), parsed.problems());
            }
        }
        RosterChunk.Taken taken = chunk.take(rows.size(), candidates, problems, write);
        counts = counts.plus(taken.added());
        return taken.outcomes();
    }

    /** The row number of the last row done: rows are numbered as the sheet shows them. */
    private int lastRowDone(int done) {
        try (TableReader reader = source.open()) {
            int last = 1;
            for (int i = 0; i < done && reader.hasNext(); i++) {
                last = reader.next().number();
            }
            return last;
        }
    }

    private void inNewTransaction(Runnable work) {
        newTransaction.executeWithoutResult(s -> work.run());
    }

}
