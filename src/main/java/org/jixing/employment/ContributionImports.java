package org.jixing.employment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.employment.internal.ContributionStore;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.RecordNotFoundException;
import org.jixing.shared.tabular.TableFileException;
import org.jixing.shared.tabular.TableFiles;
import org.jixing.shared.tabular.TableInspection;
import org.jixing.shared.tabular.TableLimits;
import org.jixing.training.ImportMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Social-insurance contribution files the province imports: a CSV (UTF-8, with or without
 * a byte-order mark, or GB18030) or XLSX file of ID number, employer credit code, month
 * and contribution base, millions of rows. The file is checked at once as a table (type,
 * encoding, size, the four columns) and kept; its import then runs in the background, one
 * at a time, and resumes after a restart. Rows go into a staging table and are matched in
 * the database to the people the follow-up knows by the blind index of their ID number;
 * rows of other people are counted and discarded. Refused rows are listed by number with
 * the rule they broke; in "all or nothing" mode one refused row keeps the whole file out.
 * Importing the same file again changes nothing.
 */
@Service
public class ContributionImports {

    private static final Logger log = LoggerFactory.getLogger(ContributionImports.class);

    private final ContributionStore store;

    private final ContributionImportRunner runner;

    private final FollowUpProperties properties;

    private final AuditTrail audit;

    private final Clock clock;

    ContributionImports(ContributionStore store, ContributionImportRunner runner, FollowUpProperties properties,
            AuditTrail audit, Clock clock) {
        this.store = store;
        this.runner = runner;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /** The bounds of a contribution file. */
    static TableLimits limits(FollowUpProperties properties) {
        return new TableLimits(properties.maxMegabytes() * 1024L * 1024L, properties.maxRows(), 50, 200,
                16L * 1024 * 1024 * 1024, 200);
    }

    /**
     * Accepts a contribution file and queues its import. Refuses at once, naming the
     * problem, a file that is not a readable table (an encoding neither UTF-8 nor GB18030
     * included), one without the four columns or without rows, and a second import while
     * one runs.
     */
    public ContributionImport start(String fileName, InputStream content, ImportMode mode) {
        CurrentUser me = CurrentUser.require();
        if (!OutcomePermission.CONTRIBUTION_IMPORT.allows(me)) {
            throw new AccessDeniedException("the province imports contribution files");
        }
        if (mode == null) {
            throw InvalidInputException.of("mode", "employment.contribution.error.mode");
        }
        String name = fileName == null || fileName.isBlank() ? "contributions"
                : Path.of(fileName).getFileName().toString();
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        TableLimits limits = limits(properties);
        Path upload = null;
        try {
            Files.createDirectories(properties.directory());
            upload = Files.createTempFile(properties.directory(), "upload-", ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size;
            try (InputStream in = new DigestInputStream(content, sha)) {
                size = TableFiles.receive(in, upload, limits);
            }
            TableInspection inspection = TableFiles.inspect(upload, name, limits);
            ContributionColumns columns = ContributionColumns.of(inspection.header());
            if (!columns.missing().isEmpty()) {
                throw InvalidInputException.of("file", "employment.contribution.error.columns",
                        String.join(", ", columns.missing()));
            }
            if (inspection.rows() == 0) {
                throw InvalidInputException.of("file", "employment.contribution.error.noRows");
            }
            long id;
            try {
                id = store
                    .insert(new ContributionStore.NewImport(name, inspection.format().name(),
                            inspection.charset() == null ? null : inspection.charset().name(),
                            HexFormat.of().formatHex(sha.digest()), size, mode, inspection.rows(), columns.idNumber()
                                    + "," + columns.creditCode() + "," + columns.month() + "," + columns.base(),
                            me, clock.instant()));
            }
            catch (DuplicateKeyException ex) {
                throw InvalidInputException.of("file", "employment.contribution.error.running");
            }
            Files.move(upload, properties.fileOf(id), StandardCopyOption.REPLACE_EXISTING);
            upload = null;
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("file", name);
            after.put("rows", inspection.rows());
            after.put("mode", mode.name());
            audit.record(AuditEvent.of("contribution.import.start", "contribution_import", id, null, after));
            runner.submit(id);
            return store.find(id).orElseThrow();
        }
        catch (TableFileException ex) {
            throw new InvalidInputException(List.of(new Problem("file", ex.messageKey(), ex.args())));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
        finally {
            if (upload != null) {
                try {
                    Files.deleteIfExists(upload);
                }
                catch (IOException ex) {
                    log.warn("could not delete {}", upload, ex);
                }
            }
        }
    }

    /** An import, for the province. */
    public ContributionImport get(long id) {
        requireReader();
        return store.find(id).orElseThrow(() -> new RecordNotFoundException("contribution_import", id));
    }

    /** The latest imports, newest first. */
    public List<ContributionImport> latest() {
        requireReader();
        return store.latest(50);
    }

    /**
     * An earlier, finished import of the same file, if any: importing it again changed
     * nothing.
     */
    public Optional<Long> sameFileAs(ContributionImport i) {
        return store.doneWithSameFile(i.id(), i.sha256());
    }

    /** Refused rows of an import in row order, a page of them. */
    public List<RefusedRow> refusedRows(long id, int offset, int limit) {
        get(id);
        return store.refusedRows(id, Math.max(0, offset), Math.max(1, Math.min(limit, 10_000)));
    }

    private static void requireReader() {
        if (!OutcomePermission.CONTRIBUTION_IMPORT.allows(CurrentUser.require())) {
            throw new AccessDeniedException("contribution imports are the province's");
        }
    }

}
