package org.jixing.supervision;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.ProvinceTime;
import org.jixing.shared.UploadedFiles;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.RecordNotFoundException;
import org.jixing.shared.scope.ScopeGuard;
import org.jixing.shared.scope.ScopeSql;
import org.jixing.supervision.internal.VisitStore;
import org.jixing.training.ClassOpenings;
import org.jixing.training.Enrolment;
import org.jixing.training.EnrolmentStatus;
import org.jixing.training.Enrolments;
import org.jixing.training.TrainingClass;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inspectors' unannounced visits to classes: who was present (the roster ticked, and a
 * count of people the roster does not list), photos, remarks and a verdict. A visit to a
 * class drawn in its city's sample of the month marks it visited there. A visit with
 * discrepancies or no class held may open a case about the class's provider in the same
 * step ({@link Cases#open}, origin VISIT).
 */
@Service
public class Visits {

    /** Photos: at most this many per visit, each at most this size, JPEG or PNG. */
    public static final int MAX_PHOTOS = 6;

    public static final long MAX_PHOTO_BYTES = 3L * 1024 * 1024;

    /** The most unknown people a visit may count. */
    public static final int MAX_UNKNOWN = 10_000;

    private final VisitStore store;

    private final ClassOpenings classes;

    private final Enrolments enrolments;

    private final Samples samples;

    private final Cases cases;

    private final ScopeGuard guard;

    private final AuditTrail audit;

    private final Clock clock;

    Visits(VisitStore store, ClassOpenings classes, Enrolments enrolments, Samples samples, Cases cases,
            ScopeGuard guard, AuditTrail audit, Clock clock) {
        this.store = store;
        this.cases = cases;
        this.classes = classes;
        this.enrolments = enrolments;
        this.samples = samples;
        this.guard = guard;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the visit form shows: the class and the people on its roster. */
    public record VisitForm(TrainingClass trainingClass, List<Enrolment> roster) {
    }

    /** The class and its roster for the form; 404 for a class outside the scope. */
    @Transactional(readOnly = true)
    public VisitForm form(long classId) {
        requireWorker();
        TrainingClass c = classes.get(classId);
        return new VisitForm(c, roster(classId));
    }

    /** A visit in the reader's scope; 404 otherwise. */
    @Transactional(readOnly = true)
    public Visit get(long id) {
        Samples.requireReader();
        return guard.require(store.find(id, ScopeSql.forCurrentUser(VisitStore.SCOPE)), "inspection_visit", id,
                () -> store.exists(id));
    }

    /**
     * The people on the roster of a visit's class now, for the names on the visit's page.
     */
    @Transactional(readOnly = true)
    public List<Enrolment> rosterOf(Visit v) {
        return enrolments.roster(v.classId());
    }

    /** The visits of a class, newest first, in the reader's scope. */
    @Transactional(readOnly = true)
    public List<Visit> ofClass(long classId) {
        Samples.requireReader();
        return store.ofClass(classId, ScopeSql.forCurrentUser(VisitStore.SCOPE));
    }

    /** A photo's particulars and content. */
    public record PhotoFile(Visit.Photo photo, byte[] content) {
    }

    @Transactional(readOnly = true)
    public PhotoFile photo(long visitId, long photoId) {
        Visit v = get(visitId);
        Visit.Photo p = v.photos()
            .stream()
            .filter(x -> x.id() == photoId)
            .findFirst()
            .orElseThrow(() -> new RecordNotFoundException("photo", photoId));
        return new PhotoFile(p, store.photoContent(visitId, photoId).orElseThrow());
    }

    /**
     * Records a visit now. Refused, nothing written: a class outside the scope (404), no
     * verdict, a present enrolment not on the roster, an unknown count below 0 or too
     * large, remarks missing with discrepancies or no class held (or too long), a case
     * asked for with a visit as expected, too many or too large photos, or a photo that
     * is not a JPEG or PNG by its content.
     */
    @Transactional
    public Visit record(NewVisit v, List<Visit.Upload> photos) {
        CurrentUser me = requireWorker();
        if (v.classId() == null) {
            throw InvalidInputException.of("classId", "supervision.error.visit.class");
        }
        TrainingClass c = classes.get(v.classId());
        List<Enrolment> roster = roster(c.id());
        List<Problem> problems = new ArrayList<>();
        if (v.verdict() == null) {
            problems.add(new Problem("verdict", "supervision.error.visit.verdict"));
        }
        Set<Long> onRoster = new HashSet<>();
        roster.forEach(e -> onRoster.add(e.id()));
        Set<Long> present = new HashSet<>(v.presentEnrolmentIds() == null ? List.of() : v.presentEnrolmentIds());
        if (!onRoster.containsAll(present)) {
            problems.add(new Problem("present", "supervision.error.visit.notOnRoster"));
        }
        int unknown = v.unknownPresent() == null ? 0 : v.unknownPresent();
        if (unknown < 0 || unknown > MAX_UNKNOWN) {
            problems.add(new Problem("unknownPresent", "supervision.error.visit.unknown", MAX_UNKNOWN));
        }
        String remarks = v.remarks() == null ? "" : v.remarks().strip();
        if (remarks.length() > 2000) {
            problems.add(new Problem("remarks", "supervision.error.tooLong"));
        }
        else if (remarks.isEmpty() && v.verdict() != null && v.verdict() != VisitVerdict.AS_EXPECTED) {
            problems.add(new Problem("remarks", "supervision.error.visit.remarks"));
        }
        if (v.opensCase() && v.verdict() != null && !v.verdict().mayOpenCase()) {
            problems.add(new Problem("openCase", "supervision.error.visit.case"));
        }
        List<Visit.Upload> files = photos == null ? List.of()
                : photos.stream().filter(p -> p.content() != null && p.content().length > 0).toList();
        if (files.size() > MAX_PHOTOS) {
            problems.add(new Problem("photos", "supervision.error.visit.photos", MAX_PHOTOS));
        }
        for (Visit.Upload p : files) {
            if (p.content().length > MAX_PHOTO_BYTES) {
                problems.add(new Problem("photos", "supervision.error.visit.photoSize", MAX_PHOTO_BYTES / 1024 / 1024));
                break;
            }
            if (sniff(p.content()) == null) {
                problems.add(new Problem("photos", "supervision.error.visit.photoType"));
                break;
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        long id = store.insert(new VisitStore.NewRow(c.id(), c.classNo(), c.regionCode(), c.lineCode(), c.providerId(),
                v.verdict(), roster.size(), present.size(), unknown, remarks, v.opensCase(), me.username(), now));
        for (Enrolment e : roster) {
            store.insertPresence(id, e.id(), e.personId(), present.contains(e.id()));
        }
        for (Visit.Upload p : files) {
            store.insertPhoto(id, fileName(p.fileName()), sniff(p.content()), p.content(), sha256(p.content()));
        }
        Optional<Long> sample = samples.visited(c.regionCode(), YearMonth.from(now.atZone(ProvinceTime.CHINA)), c.id(),
                id);
        sample.ifPresent(s -> store.setSample(id, s));
        String visitNo = store.find(id, ScopeSql.UNSCOPED).orElseThrow().visitNo();
        if (v.opensCase()) {
            String summary = visitNo + " " + c.classNo() + " " + v.verdict().name() + ": " + remarks;
            SupervisionCase opened = cases.open(NewCase.fromVisit(SubjectKind.PROVIDER, c.providerId(), id,
                    summary.length() > 1000 ? summary.substring(0, 1000) : summary, null));
            store.setCase(id, opened.id());
        }
        Visit recorded = store.find(id, ScopeSql.UNSCOPED).orElseThrow();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("class", c.classNo());
        after.put("verdict", v.verdict().name());
        after.put("roster", roster.size());
        after.put("present", present.size());
        after.put("unknownPresent", unknown);
        after.put("photos", files.size());
        after.put("caseRequested", v.opensCase());
        sample.ifPresent(s -> after.put("sample", s));
        if (recorded.caseId() != null) {
            after.put("case", recorded.caseId());
        }
        audit.record(AuditEvent.of("supervision.visit.record", "inspection_visit", recorded.visitNo(), null, after));
        return recorded;
    }

    private List<Enrolment> roster(long classId) {
        return enrolments.roster(classId).stream().filter(e -> e.status() != EnrolmentStatus.WITHDRAWN).toList();
    }

    private static CurrentUser requireWorker() {
        CurrentUser me = CurrentUser.require();
        if (!SupervisionPermission.CASE_WORK.allows(me)) {
            throw new AccessDeniedException("inspectors record visits");
        }
        return me;
    }

    private static String fileName(String name) {
        return UploadedFiles.safeName(name, "photo");
    }

    /**
     * The content type of a JPEG or PNG by its first bytes, or null (a visit's photos).
     */
    static String sniff(byte[] b) {
        String type = UploadedFiles.sniff(b);
        return type != null && type.startsWith("image/") ? type : null;
    }

    private static String sha256(byte[] content) {
        return UploadedFiles.sha256(content);
    }

}
