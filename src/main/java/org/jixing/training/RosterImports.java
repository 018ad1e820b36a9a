package org.jixing.training;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.person.People;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.reference.TraineeGroup;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.RunAs;
import org.jixing.shared.scope.ScopeSql;
import org.jixing.shared.tabular.TableFileException;
import org.jixing.shared.tabular.TableFiles;
import org.jixing.shared.tabular.TableInspection;
import org.jixing.shared.tabular.TableLimits;
import org.jixing.shared.tabular.TableReader;
import org.jixing.shared.tabular.TableRow;
import org.jixing.training.internal.EnrolmentStore;
import org.jixing.training.internal.RosterImportStore;
import org.jixing.training.internal.RosterImportStore.RowOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.event.EventListener;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Roster imports: a provider uploads a roster as CSV or XLSX; the file is checked at once
 * (type by content, encoding, size, rows, columns, the header) and then imported in the
 * background as the uploader, with live counts, one import per roster at a time. Imports
 * left unfinished by a stop resume when the application starts again. Rows already on the
 * roster change nothing, so uploading the same file twice adds nobody twice and a
 * corrected file adds only the corrected rows.
 */
@Service
@EnableConfigurationProperties(ImportProperties.class)
public class RosterImports {

    private static final Logger log = LoggerFactory.getLogger(RosterImports.class);

    /**
     * A row that was not imported as it stood, with the problems in the reader's terms.
     */
    public record RowProblems(int row, String outcome, List<Problem> problems) {
    }

    final RosterImportStore store;

    final EnrolmentStore enrolmentStore;

    final Enrolments enrolments;

    final People people;

    final AuditTrail audit;

    final ImportProperties properties;

    private final ClassOpenings classes;

    private final ReferenceCatalogue reference;

    private final PlatformTransactionManager transactionManager;

    private final Clock clock;

    private final MessageSource messages;

    private final JsonMapper json;

    private final ExecutorService executor;

    private final org.jixing.shared.scope.ScopeGuard guard;

    RosterImports(RosterImportStore store, EnrolmentStore enrolmentStore, Enrolments enrolments, People people,
            AuditTrail audit, ImportProperties properties, ClassOpenings classes, ReferenceCatalogue reference,
            PlatformTransactionManager transactionManager, Clock clock, MessageSource messages, JsonMapper json,
            org.jixing.shared.scope.ScopeGuard guard) {
        this.guard = guard;
        this.store = store;
        this.enrolmentStore = enrolmentStore;
        this.enrolments = enrolments;
        this.people = people;
        this.audit = audit;
        this.properties = properties;
        this.classes = classes;
        this.reference = reference;
        this.transactionManager = transactionManager;
        this.clock = clock;
        this.messages = messages;
        this.json = json;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(properties.threads(), r -> {
            Thread t = new Thread(r, "roster-import-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Set when the application stops: imports then stay as they are, to resume. */
    private volatile boolean stopping;

    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    /**
     * Accepts a roster file for a class and queues its import. Refuses at once, naming
     * the problem, a file that is not a readable table of at most 100,000 rows and 50 MB,
     * one without the required columns, and a second import while one runs.
     */
    public RosterImport start(long classId, String fileName, InputStream content, ImportMode mode, boolean selfFunded) {
        CurrentUser me = CurrentUser.require();
        if (!TrainingPermission.ROSTER_IMPORT.allows(me)) {
            throw new AccessDeniedException("provider staff import rosters");
        }
        TrainingClass c = classes.get(classId);
        if (c.status() != ClassStatus.APPROVED && c.status() != ClassStatus.RUNNING) {
            throw InvalidInputException.of("file", "training.error.enrol.closed",
                    new DefaultMessageSourceResolvable("training.status." + c.status().name()));
        }
        return accept(fileName, content, mode,
                (file, inspection) -> new RosterImportStore.NewImport(c.id(), c.providerId(), c.regionCode(),
                        c.lineCode(), file.name(), inspection.format().name(),
                        inspection.charset() == null ? null : inspection.charset().name(), file.sha256(), file.size(),
                        mode, selfFunded, inspection.rows(), me, clock.instant()),
                c.classNo());
    }

    /**
     * Accepts a trainee list for the registry of a region (a city officer's own region by
     * default; the province administrator names one) and queues its import: new people
     * are registered there, people already registered gain the groups the file gives
     * them.
     */
    public RosterImport startTrainees(String regionCode, String fileName, InputStream content, ImportMode mode) {
        CurrentUser me = CurrentUser.require();
        if (!TrainingPermission.PEOPLE_IMPORT.allows(me)) {
            throw new AccessDeniedException("officers import trainee lists");
        }
        String region = regionCode == null || regionCode.isBlank()
                ? (me.hasRole(Role.CITY_OFFICER) ? me.scope().ref() : null) : regionCode.strip();
        var known = region == null ? java.util.Optional.<org.jixing.reference.Region>empty() : reference.region(region);
        if (known.isEmpty() || known.get().level() == org.jixing.shared.RegionCode.Level.PROVINCE) {
            throw InvalidInputException.of("regionCode", "person.error.region");
        }
        if (!me.scope().coversRegion(region)) {
            throw InvalidInputException.of("regionCode", "person.error.region.outOfScope");
        }
        return accept(fileName, content, mode,
                (file, inspection) -> new RosterImportStore.NewImport(null, null, region, null, file.name(),
                        inspection.format().name(), inspection.charset() == null ? null : inspection.charset().name(),
                        file.sha256(), file.size(), mode, false, inspection.rows(), me, clock.instant()),
                region);
    }

    private record Upload(String name, String sha256, long size) {
    }

    /** Keeps the upload, checks it as a table with the columns, queues its import. */
    private RosterImport accept(String fileName, InputStream content, ImportMode mode,
            java.util.function.BiFunction<Upload, TableInspection, RosterImportStore.NewImport> describe,
            String target) {
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
            RosterImportStore.NewImport described = describe
                .apply(new Upload(name, HexFormat.of().formatHex(sha.digest()), size), inspection);
            long id;
            try {
                id = store.insert(described);
            }
            catch (DuplicateKeyException ex) {
                throw InvalidInputException.of("file", "training.import.error.running");
            }
            Files.move(upload, fileOf(id), StandardCopyOption.REPLACE_EXISTING);
            upload = null;
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("target", target);
            after.put("file", name);
            after.put("rows", inspection.rows());
            after.put("mode", mode.name());
            audit.record(AuditEvent.of("roster.import.start", "roster_import", id, null, after));
            executor.submit(() -> execute(id));
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

    /**
     * An import the caller can see: of a class they can see, or (with no class) a trainee
     * list of their region.
     */
    public RosterImport get(Long classId, long importId) {
        if (classId == null) {
            return guard.require(store.findTrainees(importId, ScopeSql.forCurrentUser(RosterImportStore.SCOPE)),
                    "roster_import", importId, () -> store.exists(importId));
        }
        classes.get(classId);
        return store.find(classId, importId)
            .orElseThrow(() -> new org.jixing.shared.scope.RecordNotFoundException("roster_import", importId));
    }

    /** The latest trainee-list imports in the caller's region, newest first. */
    public List<RosterImport> traineeImports() {
        return store.trainees(ScopeSql.forCurrentUser(RosterImportStore.SCOPE), 20);
    }

    /** Whether the caller's role uploads (and so acts on) imports of this kind. */
    public boolean mayAct(RosterImport i) {
        CurrentUser me = CurrentUser.require();
        return i.isRoster() ? TrainingPermission.ROSTER_IMPORT.allows(me) : TrainingPermission.PEOPLE_IMPORT.allows(me);
    }

    /** The latest imports of a class the caller can see, newest first. */
    public List<RosterImport> ofClass(long classId) {
        classes.get(classId);
        return store.ofClass(classId, 20);
    }

    /**
     * Asks a running import to stop after the chunk it is in. In "valid rows" mode the
     * chunks committed stay; in "all or nothing" mode nothing is written.
     */
    public RosterImport cancel(Long classId, long importId) {
        RosterImport i = get(classId, importId);
        if (!mayAct(i)) {
            throw new AccessDeniedException("cancelling an import");
        }
        if (!store.requestCancel(i.id())) {
            throw InvalidInputException.of(null, "training.import.error.finished");
        }
        audit.record(AuditEvent.of("roster.import.cancel", "roster_import", importId, null, Map.of()));
        return get(classId, importId);
    }

    /** The first invalid rows of an import with their problems, for the page. */
    public List<RowProblems> invalidRows(Long classId, long importId, int limit) {
        RosterImport i = get(classId, importId);
        return store.invalidRows(i.id(), limit)
            .stream()
            .map(r -> new RowProblems(r.rowNo(), r.outcome(), decode(r.problems())))
            .toList();
    }

    /**
     * The result file's rows: the original rows with the outcome and the problems of
     * each, in the reader's language. Only the provider's staff read it: it holds the ID
     * numbers they uploaded.
     */
    public void result(Long classId, long importId, Locale locale,
            BiConsumer<List<String>, Iterator<List<String>>> sink) {
        RosterImport i = get(classId, importId);
        if (!mayAct(i)) {
            throw new AccessDeniedException("the result file holds full ID numbers");
        }
        Path file = fileOf(i.id());
        if (!Files.exists(file)) {
            throw InvalidInputException.of(null, "training.import.error.fileGone");
        }
        TableInspection inspection = TableFiles.inspect(file, i.fileName(), TableLimits.IMPORT);
        Map<Integer, RowOutcome> outcomes = store.rows(i.id());
        List<String> header = new ArrayList<>(inspection.header());
        header.add(messages.getMessage("training.import.result.outcome", null, locale));
        header.add(messages.getMessage("training.import.result.problems", null, locale));
        AtomicInteger index = new AtomicInteger();
        try (TableReader reader = TableFiles.open(file, inspection, TableLimits.IMPORT)) {
            Iterator<List<String>> rows = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return reader.hasNext();
                }

                @Override
                public List<String> next() {
                    TableRow row = reader.next();
                    int n = index.incrementAndGet();
                    List<String> cells = new ArrayList<>(row.cells());
                    while (cells.size() < inspection.header().size()) {
                        cells.add("");
                    }
                    RowOutcome o = outcomes.get(row.number());
                    String outcome;
                    if (o != null && (o.outcome().equals("INVALID") || i.status() != ImportStatus.REJECTED)) {
                        outcome = o.outcome();
                    }
                    else if (i.status() == ImportStatus.DONE || (i.mode() == ImportMode.VALID_ROWS && n <= i.rowsDone()
                            && i.status() != ImportStatus.REJECTED)) {
                        outcome = i.isRoster() ? "ENROLLED" : "REGISTERED";
                    }
                    else {
                        outcome = "NOT_IMPORTED";
                    }
                    cells.add(messages.getMessage("training.import.outcome." + outcome, null, locale));
                    cells
                        .add(o == null || outcome.equals("NOT_IMPORTED") ? "" : describe(decode(o.problems()), locale));
                    return cells;
                }
            };
            sink.accept(header, rows);
        }
    }

    /** The problems of a row as one line of text in a language. */
    public String describe(List<Problem> problems, Locale locale) {
        StringBuilder b = new StringBuilder();
        for (Problem p : problems) {
            if (!b.isEmpty()) {
                b.append("; ");
            }
            if (p.field() != null) {
                b.append(messages.getMessage("training.import.field." + p.field(), null, p.field(), locale))
                    .append(": ");
            }
            b.append(messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale));
        }
        return b.toString();
    }

    /**
     * The template: the columns with a note on each, and a drop-down of the trainee
     * groups (a second sheet lists them).
     */
    public void template(OutputStream out, Locale locale) throws IOException {
        Workbook workbook = new Workbook(out, "Jixing", "1.0");
        Worksheet ws = workbook.newWorksheet(messages.getMessage("training.import.template.sheet", null, locale));
        Worksheet lists = workbook.newWorksheet(messages.getMessage("training.import.template.groups", null, locale));
        RosterColumns.Column[] columns = RosterColumns.Column.values();
        for (int col = 0; col < columns.length; col++) {
            ws.value(0, col, columns[col].header(locale));
            ws.style(0, col).bold().set();
            ws.comment(0, col,
                    messages.getMessage("training.import.template.note." + columns[col].name(), null, locale));
            ws.width(col, col == 0 ? 22 : 16);
            // Text, so Excel keeps all 18 digits of an ID number and the leading digits
            // of a
            // phone.
            ws.range(1, col, 1000, col).style().format("@").set();
        }
        List<TraineeGroup> groups = reference.traineeGroups();
        for (int r = 0; r < groups.size(); r++) {
            lists.value(r, 0, "zh".equals(locale.getLanguage()) ? groups.get(r).nameZh() : groups.get(r).nameEn());
            lists.value(r, 1, groups.get(r).code());
        }
        if (!groups.isEmpty()) {
            ws.range(1, 3, 100_000, 3).validateWithList(lists.range(0, 0, groups.size() - 1, 0)).allowBlank(true);
        }
        ws.freezePane(0, 1);
        workbook.finish();
    }

    /** Resumes the imports a stop left queued or running. */
    @EventListener(ApplicationReadyEvent.class)
    public void resumeUnfinished() {
        for (long id : store.unfinished()) {
            log.info("resuming roster import {}", id);
            executor.submit(() -> execute(id));
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
                Path file = fileOf(id);
                if (!Files.exists(file)) {
                    store.finish(id, ImportStatus.FAILED,
                            encode(List.of(new Problem(null, "training.import.error.fileGone"))), clock.instant());
                    return null;
                }
                store.started(id, clock.instant());
                TrainingClass c = job.isRoster() ? classes.get(job.classId()) : null;
                TableInspection inspection = TableFiles.inspect(file, job.fileName(), TableLimits.IMPORT);
                RosterColumns columns = RosterColumns.of(inspection.header());
                ImportStatus end = new RosterImportRun(this, store.find(id).orElseThrow(), c, file, inspection, columns,
                        reference.traineeGroups(), LocalDate.now(clock.withZone(ClassOpenings.CHINA)))
                    .run();
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
                store.finish(id, ImportStatus.FAILED, encode(List.of(new Problem(null, ex.messageKey(), ex.args()))),
                        clock.instant());
            }
            catch (RuntimeException | Error ex) {
                if (stopping) {
                    // Interrupted by the application stopping: it resumes at the next
                    // start.
                    log.info("roster import {} stops with the application and resumes at the next start", id);
                    return null;
                }
                // Whatever went wrong, the import ends with what its committed chunks
                // hold,
                // and the roster is free for the next one.
                log.error("roster import {} failed", id, ex);
                store.finish(id, ImportStatus.FAILED,
                        encode(List
                            .of(new Problem(null, "training.import.error.unexpected", ex.getClass().getSimpleName()))),
                        clock.instant());
            }
            return null;
        });
    }

    /** Where an import's file is kept. */
    Path fileOf(long id) {
        return properties.directory().resolve("roster-import-" + id + ".bin");
    }

    String evidence(RosterImport job, int row) {
        return messages.getMessage("training.import.evidence", new Object[] { job.id(), job.fileName(), row },
                Locale.SIMPLIFIED_CHINESE);
    }

    Instant now() {
        return clock.instant();
    }

    TransactionTemplate transactions() {
        return new TransactionTemplate(transactionManager);
    }

    <T> T inNewTransaction(Supplier<T> work) {
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return tx.execute(s -> work.get());
    }

    /** Problems as stored: field, key and arguments; a message argument keeps its key. */
    String encode(List<Problem> problems) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Problem p : problems) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("f", p.field());
            m.put("k", p.messageKey());
            List<Object> args = new ArrayList<>();
            for (Object a : p.args() == null ? new Object[0] : p.args()) {
                if (a instanceof MessageSourceResolvable r && r.getCodes() != null && r.getCodes().length > 0) {
                    args.add(Map.of("m", r.getCodes()[0]));
                }
                else {
                    args.add(a == null ? null : a.toString());
                }
            }
            m.put("a", args);
            list.add(m);
        }
        String text = json.writeValueAsString(list);
        return text.length() > 4000 ? json.writeValueAsString(list.subList(0, 1)) : text;
    }

    List<Problem> decode(String text) {
        List<Map<String, Object>> list = json.readValue(text, new TypeReference<List<Map<String, Object>>>() {
        });
        List<Problem> problems = new ArrayList<>();
        for (Map<String, Object> m : list) {
            List<?> raw = (List<?>) m.getOrDefault("a", List.of());
            Object[] args = raw.stream()
                .map(a -> a instanceof Map<?, ?> r ? new DefaultMessageSourceResolvable((String) r.get("m")) : a)
                .toArray();
            problems.add(new Problem((String) m.get("f"), (String) m.get("k"), args));
        }
        return problems;
    }

    /** A failure as text in a language. */
    public String failure(RosterImport i, Locale locale) {
        return i.failure() == null ? null : describe(decode(i.failure()), locale);
    }

}
