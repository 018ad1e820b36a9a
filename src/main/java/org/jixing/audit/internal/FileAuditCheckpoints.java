package org.jixing.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jixing.audit.AuditCheckpoints;
import org.jixing.audit.Checkpoint;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Checkpoints the chain's head into an append-only file in the data directory
 * ({@code jixing.audit.checkpoint.file}), one signed line each, and into the log (logger
 * {@code org.jixing.audit.checkpoint}), at an interval and when the application stops.
 * The file lies outside anything the application's database role can rewrite, so removing
 * entries from the end of the trail together with its head row is still found. A line is
 * {@code JXAC1 <tab> seq <tab> hash <tab> time <tab> chain <tab> key id <tab> signature},
 * the signature covering the five fields before it.
 */
@Service
class FileAuditCheckpoints implements AuditCheckpoints, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FileAuditCheckpoints.class);

    /** Where checkpoint lines go besides the file: ship this logger's lines elsewhere. */
    private static final Logger checkpointLog = LoggerFactory.getLogger("org.jixing.audit.checkpoint");

    static final String FORMAT = "JXAC1";

    private final JdbcClient jdbc;

    private final Clock clock;

    private final Path file;

    private final Path keyFile;

    /**
     * Off when the application runs only to verify the trail: it must not sign what it
     * finds.
     */
    private final boolean enabled;

    private volatile CheckpointKey key;

    private volatile boolean running;

    /** The head this node last signed: the same head is not signed twice. */
    private String lastSigned;

    FileAuditCheckpoints(JdbcClient jdbc, Clock clock,
            @Value("${jixing.audit.checkpoint.file:./data/audit-checkpoints.log}") String file,
            @Value("${jixing.audit.checkpoint.key-file:./data/audit-checkpoint.keys}") String keyFile,
            @Value("${jixing.audit.verify:false}") boolean verifyOnly) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.file = Path.of(file);
        this.keyFile = Path.of(keyFile);
        this.enabled = !verifyOnly;
    }

    private CheckpointKey key() {
        CheckpointKey k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = CheckpointKey.load(keyFile);
                }
                k = key;
            }
        }
        return k;
    }

    @Scheduled(fixedDelayString = "${jixing.audit.checkpoint.interval:PT5M}",
            initialDelayString = "${jixing.audit.checkpoint.interval:PT5M}")
    void onSchedule() {
        if (enabled) {
            try {
                take();
            }
            catch (RuntimeException ex) {
                log.error("Audit checkpoint failed", ex);
            }
        }
    }

    private record Head(long seq, String hash, String chain) {
    }

    private Optional<Head> head() {
        return jdbc.sql("""
                select h.last_seq, h.last_hash, (select e.entry_hash from audit_entry e where e.seq = 1)
                from audit_head h where h.id = 1""")
            .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getString(3)))
            .optional()
            .filter(h -> h.seq() > 0 && h.chain() != null);
    }

    @Override
    public synchronized Checkpoint take() {
        Head head = head().orElse(null);
        if (head == null || (head.seq() + ":" + head.hash()).equals(lastSigned)) {
            return null;
        }
        // Only the lines beyond the head need their signatures checked here.
        long behind = 0;
        for (NumberedLine l : lines()) {
            Checkpoint c = parse(l.number(), l.text(), null);
            if (c.chain().equals(head.chain()) && c.seq() > head.seq()
                    && parse(l.number(), l.text(), key()).signatureValid()) {
                behind = Math.max(behind, c.seq());
            }
        }
        if (behind > 0) {
            // Signing now would only add a lower head; the checkpoint that shows the cut
            // stays
            // the latest, and verification names it.
            log.error("The audit trail ends at entry {}, before its checkpoint of entry {}: entries were removed. "
                    + "No new checkpoint is signed until it is examined.", head.seq(), behind);
            return null;
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        CheckpointKey k = key();
        String signed = signedText(head.seq(), head.hash(), at, head.chain(), k.keyId());
        String line = signed + "\t" + k.sign(signed);
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot append to the audit checkpoint file " + file, ex);
        }
        checkpointLog.info(line);
        lastSigned = head.seq() + ":" + head.hash();
        return new Checkpoint(-1, head.seq(), head.hash(), at, head.chain(), k.keyId(), true);
    }

    static String signedText(long seq, String hash, Instant at, String chain, String keyId) {
        return String.join("\t", FORMAT, Long.toString(seq), hash, at.toString(), chain, keyId);
    }

    @Override
    public List<Checkpoint> all() {
        requireReader();
        CheckpointKey k = key();
        return lines().stream().map(l -> parse(l.number(), l.text(), k)).toList();
    }

    private record NumberedLine(int number, String text) {
    }

    /**
     * The file's checkpoint lines with their line numbers (comments and blanks left out).
     */
    private List<NumberedLine> lines() {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read the audit checkpoint file " + file, ex);
        }
        List<NumberedLine> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.isBlank() && !line.startsWith("#")) {
                out.add(new NumberedLine(i + 1, line));
            }
        }
        return out;
    }

    /**
     * A line as a checkpoint; one that cannot be read, or is signed by another key, does
     * not verify. Without a key the signature is not checked (and reported invalid).
     */
    static Checkpoint parse(int number, String line, CheckpointKey key) {
        String[] f = line.split("\t", -1);
        long seq = -1;
        Instant at = null;
        try {
            seq = f.length > 1 ? Long.parseLong(f[1]) : -1;
            at = f.length > 3 ? Instant.parse(f[3]) : null;
        }
        catch (NumberFormatException | DateTimeParseException ex) {
            // reported as a line that does not verify
        }
        boolean valid = key != null && f.length == 7 && FORMAT.equals(f[0]) && seq >= 0 && at != null
                && f[5].equals(key.keyId()) && key.verifies(signedText(seq, f[2], at, f[4], f[5]), f[6]);
        return new Checkpoint(number, seq, f.length > 2 ? f[2] : "", at, f.length > 4 ? f[4] : "",
                f.length > 5 ? f[5] : "", valid);
    }

    @Override
    public PublicKey publicKey() {
        requireReader();
        CheckpointKey k = key();
        return new PublicKey(k.keyId(), CheckpointKey.ALGORITHM, k.publicKeyBase64());
    }

    @Override
    public String export() {
        requireReader();
        CheckpointKey k = key();
        StringBuilder out = new StringBuilder("# Jixing audit checkpoints. Each line: ").append(FORMAT)
            .append(", entry, entry hash, time, first entry hash, key id, Ed25519 signature (base64url) of the ")
            .append("fields before it joined by tabs. Key ")
            .append(k.keyId())
            .append(" (X.509, base64): ")
            .append(k.publicKeyBase64())
            .append('\n');
        try {
            if (Files.exists(file)) {
                out.append(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read the audit checkpoint file " + file, ex);
        }
        return out.toString();
    }

    static void requireReader() {
        CurrentUser.current().ifPresent(u -> {
            if (!u.hasAnyRole(Role.PROVINCE_ADMIN, Role.AUDITOR)) {
                throw new AccessDeniedException("the audit trail");
            }
        });
    }

    // A last checkpoint when the application stops, after the web server has stopped
    // taking
    // requests (a lower phase stops later) and before the connection pool closes.

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (enabled) {
            try {
                take();
            }
            catch (RuntimeException ex) {
                log.error("Audit checkpoint at shutdown failed", ex);
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return 0;
    }

}
