package org.jixing.training;

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
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.tabular.TableFileException;
import org.jixing.shared.tabular.TableFiles;
import org.jixing.shared.tabular.TableInspection;
import org.jixing.shared.tabular.TableLimits;
import org.jixing.training.internal.RosterImportStore;
import org.jixing.training.internal.RosterImportStore.NewImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Takes in an uploaded import file: keeps it, checks it at once as a table (type by
 * content, encoding, size, rows, columns, the header), records the import (one per roster
 * or region at a time) and queues its run.
 */
@Component
class RosterImportIntake {

    private static final Logger log = LoggerFactory.getLogger(RosterImportIntake.class);

    /** The file as kept: its name, its digest and its size. */
    record Upload(String name, String sha256, long size) {
    }

    /**
     * What an import is, from its file as kept and checked, at the time of the upload.
     */
    @FunctionalInterface
    interface Description {

        NewImport of(Upload file, TableInspection inspection, Instant at);

    }

    private final RosterImportStore store;

    private final RosterImportRunner runner;

    private final ImportProperties properties;

    private final AuditTrail audit;

    private final Clock clock;

    RosterImportIntake(RosterImportStore store, RosterImportRunner runner, ImportProperties properties,
            AuditTrail audit, Clock clock) {
        this.store = store;
        this.runner = runner;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /** Keeps the upload, checks it as a table with the columns, queues its import. */
    RosterImport accept(String fileName, InputStream content, ImportMode mode, Description describe, String target) {
        if (mode == null) {
            throw InvalidInputException.of("mode", "training.import.error.mode");
        }
        String name = fileName == null || fileName.isBlank() ? "roster" : Path.of(fileName).getFileName().toString();
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        Path upload = null;
        try {
            Files.createDirectories(properties.directory());
            upload = Files.createTempFile(properties.directory(), "upload-", ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size;
            try (InputStream in = new DigestInputStream(content, sha)) {
                size = TableFiles.receive(in, upload, TableLimits.IMPORT);
            }
            TableInspection inspection = TableFiles.inspect(upload, name, TableLimits.IMPORT);
            List<String> missing = RosterColumns.missing(inspection.header());
            if (!missing.isEmpty()) {
                throw InvalidInputException.of("file", "training.import.error.missingColumns",
                        String.join("、", missing));
            }
            if (inspection.rows() == 0) {
                throw InvalidInputException.of("file", "training.import.error.noRows");
            }
            NewImport described = describe.of(new Upload(name, HexFormat.of().formatHex(sha.digest()), size),
                    inspection, clock.instant());
            long id;
            try {
                id = store.insert(described);
            }
            catch (DuplicateKeyException ex) {
                throw InvalidInputException.of("file", "training.import.error.running");
            }
            Files.move(upload, properties.fileOf(id), StandardCopyOption.REPLACE_EXISTING);
            upload = null;
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("target", target);
            after.put("file", name);
            after.put("rows", inspection.rows());
            after.put("mode", mode.name());
            audit.record(AuditEvent.of("roster.import.start", "roster_import", id, null, after));
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

}
