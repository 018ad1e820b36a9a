package org.jixing.training;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.reference.Region;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.RegionCode;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.RecordNotFoundException;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeGuard;
import org.jixing.shared.scope.ScopeSql;
import org.jixing.training.internal.RosterImportStore;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Roster imports: a provider uploads a roster as CSV or XLSX; the file is checked at once
 * (type by content, encoding, size, rows, columns, the header) and then imported in the
 * background as the uploader, with live counts, one import per roster at a time. Imports
 * left unfinished by a stop resume when the application starts again. Rows already on the
 * roster change nothing, so uploading the same file twice adds nobody twice and a
 * corrected file adds only the corrected rows.
 */
@Service
public class RosterImports {

    /**
     * A row that was not imported as it stood, with the problems in the reader's terms.
     */
    public record RowProblems(int row, String outcome, List<Problem> problems) {
    }

    private final RosterImportStore store;

    private final RosterImportIntake intake;

    private final ClassOpenings classes;

    private final ReferenceCatalogue reference;

    private final AuditTrail audit;

    private final ImportTexts texts;

    private final ScopeGuard guard;

    RosterImports(RosterImportStore store, RosterImportIntake intake, ClassOpenings classes,
            ReferenceCatalogue reference, AuditTrail audit, ImportTexts texts, ScopeGuard guard) {
        this.store = store;
        this.intake = intake;
        this.classes = classes;
        this.reference = reference;
        this.audit = audit;
        this.texts = texts;
        this.guard = guard;
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
        return intake.accept(fileName, content, mode,
                (file, inspection, at) -> new RosterImportStore.NewImport(c.id(), c.providerId(), c.regionCode(),
                        c.lineCode(), file.name(), inspection.format().name(),
                        inspection.charset() == null ? null : inspection.charset().name(), file.sha256(), file.size(),
                        mode, selfFunded, inspection.rows(), me, at),
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
        var known = region == null ? Optional.<Region>empty() : reference.region(region);
        if (known.isEmpty() || known.get().level() == RegionCode.Level.PROVINCE) {
            throw InvalidInputException.of("regionCode", "person.error.region");
        }
        if (!me.scope().coversRegion(region)) {
            throw InvalidInputException.of("regionCode", "person.error.region.outOfScope");
        }
        return intake.accept(fileName, content, mode,
                (file, inspection, at) -> new RosterImportStore.NewImport(null, null, region, null, file.name(),
                        inspection.format().name(), inspection.charset() == null ? null : inspection.charset().name(),
                        file.sha256(), file.size(), mode, false, inspection.rows(), me, at),
                region);
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
        return store.find(classId, importId).orElseThrow(() -> new RecordNotFoundException("roster_import", importId));
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
            .map(r -> new RowProblems(r.rowNo(), r.outcome(), texts.decode(r.problems())))
            .toList();
    }

    /** The problems of a row as one line of text in a language. */
    public String describe(List<Problem> problems, Locale locale) {
        return texts.describe(problems, locale);
    }

    /** A failure as text in a language. */
    public String failure(RosterImport i, Locale locale) {
        return i.failure() == null ? null : texts.describe(texts.decode(i.failure()), locale);
    }

}
