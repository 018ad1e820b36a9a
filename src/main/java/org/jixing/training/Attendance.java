package org.jixing.training;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.person.People;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.RecordNotFoundException;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeKind;
import org.jixing.shared.scope.ScopeSql;
import org.jixing.training.internal.AttendanceStore;
import org.jixing.training.internal.ClassStore;
import org.jixing.training.internal.EnrolmentStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Verified attendance. Terminals (signed in as provider staff) and trainees' phones send
 * check-ins and check-outs; each is accepted or rejected with its reason and kept either
 * way. A session counts as attended with an accepted check-in and check-out, unless the
 * provider corrected it (with a reason, audited).
 */
@Service
@EnableConfigurationProperties(AttendanceProperties.class)
public class Attendance {

    private final AttendanceStore store;

    private final ClassStore classes;

    private final EnrolmentStore enrolments;

    private final ClassOpenings openings;

    private final People people;

    private final AttendanceProperties rules;

    private final AuditTrail audit;

    private final MessageSource messages;

    private final Clock clock;

    Attendance(AttendanceStore store, ClassStore classes, EnrolmentStore enrolments, ClassOpenings openings,
            People people, AttendanceProperties rules, AuditTrail audit, MessageSource messages, Clock clock) {
        this.store = store;
        this.classes = classes;
        this.enrolments = enrolments;
        this.openings = openings;
        this.people = people;
        this.rules = rules;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional
    public CheckInResult checkIn(CheckIn c) {
        CurrentUser me = CurrentUser.require();
        if (!me.hasAnyRole(Role.PROVIDER_STAFF, Role.TRAINEE)) {
            throw new AccessDeniedException("check-ins come from provider terminals and trainees");
        }
        List<Problem> problems = new ArrayList<>();
        if (c.clientKey() == null || c.clientKey().isBlank() || c.clientKey().length() > 64) {
            problems.add(new Problem("clientKey", "training.error.checkIn.clientKey"));
        }
        if (c.sessionId() == null) {
            problems.add(new Problem("sessionId", "training.error.required"));
        }
        if (c.time() == null) {
            problems.add(new Problem("time", "training.error.required"));
        }
        if ((c.idNumber() == null || c.idNumber().isBlank()) && (c.token() == null || c.token().isBlank())) {
            problems.add(new Problem("idNumber", "training.error.checkIn.who"));
        }
        AttendanceKind kind = c.kind() == null ? AttendanceKind.CHECK_IN : c.kind();
        if (kind.isCorrection()) {
            problems.add(new Problem("kind", "training.error.checkIn.kind"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Optional<AttendanceStore.Stored> seen = store.byClientKey(c.clientKey());
        if (seen.isPresent()) {
            return result(seen.get(), true);
        }
        Instant now = clock.instant();
        var found = classes.sessionOfClass(c.sessionId()).orElse(null);
        ClassSession session = found == null ? null : found.session();
        TrainingClass tc = found == null ? null : found.trainingClass();
        if (tc == null
                || (me.hasRole(Role.PROVIDER_STAFF) && !String.valueOf(tc.providerId()).equals(me.scope().ref()))) {
            return save(c, kind, null, null, false, "UNKNOWN_SESSION", me, now);
        }
        EnrolmentStore.Row enrolment = identify(c, tc).orElse(null);
        if (enrolment != null && me.hasRole(Role.TRAINEE) && !(me.scope().kind() == ScopeKind.PERSON
                && me.scope().ref().equals(String.valueOf(enrolment.personId())))) {
            enrolment = null;
        }
        EnrolmentStore.Row enrolled = enrolment;
        String reason = judge(tc, session, enrolment != null && enrolment.status() == EnrolmentStatus.ENROLLED,
                c.time(), c.latitude(), c.longitude(), c.faceScore(),
                () -> store.acceptedExists(session.id(), enrolled.id(), kind));
        return save(c, kind, tc, enrolment, reason == null, reason, me, now);
    }

    /**
     * The rules a check-in or check-out is judged by, in order: the class open, the
     * person enrolled, the time within the session's window, the place within the venue's
     * radius, the face match, no earlier accepted event of the kind. Null when accepted,
     * else the reason.
     */
    String judge(TrainingClass tc, ClassSession session, boolean enrolled, Instant time, BigDecimal latitude,
            BigDecimal longitude, BigDecimal faceScore, java.util.function.BooleanSupplier duplicate) {
        if (tc.status() != ClassStatus.APPROVED && tc.status() != ClassStatus.RUNNING) {
            return "CLASS_NOT_OPEN";
        }
        if (!enrolled) {
            return "NOT_ENROLLED";
        }
        if (time.isBefore(session.startsAt().minus(Duration.ofMinutes(rules.windowMinutes())))
                || time.isAfter(session.endsAt().plus(Duration.ofMinutes(rules.windowMinutes())))) {
            return "OUTSIDE_WINDOW";
        }
        if (latitude == null || longitude == null
                || metres(latitude, longitude, tc.venueLat(), tc.venueLng()) > rules.radiusMetres()) {
            return "OUTSIDE_RADIUS";
        }
        if (faceScore != null && faceScore.doubleValue() < rules.minimumFaceScore()) {
            return "LOW_FACE_MATCH";
        }
        return duplicate.getAsBoolean() ? "DUPLICATE" : null;
    }

    private Optional<EnrolmentStore.Row> identify(CheckIn c, TrainingClass tc) {
        if (c.token() != null && !c.token().isBlank()) {
            return enrolments.findByToken(c.token().strip()).filter(e -> e.classId() == tc.id());
        }
        return people.findByIdNumber(c.idNumber()).flatMap(p -> enrolments.findInClass(tc.id(), p.id()));
    }

    private CheckInResult save(CheckIn c, AttendanceKind kind, TrainingClass tc, EnrolmentStore.Row enrolment,
            boolean accepted, String reason, CurrentUser me, Instant now) {
        var event = new AttendanceStore.NewEvent(c.clientKey(), c.sessionId(), tc == null ? null : tc.id(),
                enrolment == null ? null : enrolment.id(), tc == null ? null : tc.providerId(),
                tc == null ? null : tc.regionCode(), tc == null ? null : tc.lineCode(), kind, c.time(), now,
                c.deviceId(), c.latitude(), c.longitude(), c.faceScore(), accepted, reason, me.username(), null);
        try {
            long id = store.insert(event);
            return result(new AttendanceStore.Stored(id, accepted, reason), false);
        }
        catch (DuplicateKeyException ex) {
            // The same client key raced in: the first one's answer stands.
            return result(store.byClientKey(c.clientKey()).orElseThrow(), true);
        }
    }

    private CheckInResult result(AttendanceStore.Stored s, boolean replay) {
        return new CheckInResult(s.id(), s.accepted(), s.reason(), describe(s.accepted() ? null : s.reason()), replay);
    }

    /** An outcome in the user's language: accepted (null reason) or why not. */
    public String describe(String reason) {
        return messages.getMessage("training.attendance." + (reason == null ? "ACCEPTED" : reason),
                new Object[] { rules.windowMinutes(), rules.radiusMetres() }, LocaleContextHolder.getLocale());
    }

    /** Great-circle distance in metres (haversine). */
    static double metres(BigDecimal lat1, BigDecimal lng1, BigDecimal lat2, BigDecimal lng2) {
        double r = 6_371_000;
        double p1 = Math.toRadians(lat1.doubleValue());
        double p2 = Math.toRadians(lat2.doubleValue());
        double dp = p2 - p1;
        double dl = Math.toRadians(lng2.doubleValue() - lng1.doubleValue());
        double a = Math.sin(dp / 2) * Math.sin(dp / 2)
                + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * r * Math.asin(Math.sqrt(a));
    }

    /** A trainee's attendance over a class: sessions attended of all sessions. */
    public record Rate(int attended, int sessions) {

        public double value() {
            return sessions == 0 ? 0 : (double) attended / sessions;
        }

        public int percent() {
            return (int) Math.floor(value() * 100);
        }

    }

    /**
     * Attendance per session and enrolment: the last correction wins, else check-in and
     * check-out.
     */
    static Map<Long, Map<Long, Boolean>> attendance(List<AttendanceStore.Accepted> events) {
        Map<Long, Map<Long, boolean[]>> marks = new HashMap<>();
        for (AttendanceStore.Accepted e : events) {
            boolean[] m = marks.computeIfAbsent(e.sessionId(), k -> new HashMap<>())
                .computeIfAbsent(e.enrolmentId(), k -> new boolean[4]);
            switch (e.kind()) {
                case CHECK_IN -> m[0] = true;
                case CHECK_OUT -> m[1] = true;
                case MARK_PRESENT -> {
                    m[2] = true;
                    m[3] = true;
                }
                case MARK_ABSENT -> {
                    m[2] = true;
                    m[3] = false;
                }
            }
        }
        Map<Long, Map<Long, Boolean>> out = new HashMap<>();
        marks.forEach((session, byEnrolment) -> byEnrolment.forEach((enrolment,
                m) -> out.computeIfAbsent(session, k -> new HashMap<>()).put(enrolment, m[2] ? m[3] : m[0] && m[1])));
        return out;
    }

    /** Each enrolment's attendance rate over the class's sessions. */
    @Transactional(readOnly = true)
    public Map<Long, Rate> rates(long classId) {
        openings.get(classId);
        int sessions = classes.sessions(classId).size();
        Map<Long, Integer> attended = new HashMap<>();
        attendance(store.acceptedOfClass(classId))
            .forEach((session, byEnrolment) -> byEnrolment.forEach((enrolment, present) -> {
                if (present) {
                    attended.merge(enrolment, 1, Integer::sum);
                }
            }));
        Map<Long, Rate> rates = new HashMap<>();
        for (EnrolmentStore.Row e : enrolments.roster(classId)) {
            rates.put(e.id(), new Rate(attended.getOrDefault(e.id(), 0), sessions));
        }
        return rates;
    }

    /** A session's sheet: one row per trainee on the roster. */
    @Transactional(readOnly = true)
    public List<AttendanceRow> sheet(long classId, long sessionId) {
        ClassSession session = sessionOf(classId, sessionId);
        Map<Long, Instant> in = new HashMap<>();
        Map<Long, Instant> out = new HashMap<>();
        Map<Long, AttendanceStore.Accepted> corrections = new HashMap<>();
        List<AttendanceStore.Accepted> events = store.acceptedOfClass(classId)
            .stream()
            .filter(e -> e.sessionId() == session.id())
            .toList();
        for (AttendanceStore.Accepted e : events) {
            switch (e.kind()) {
                case CHECK_IN -> in.putIfAbsent(e.enrolmentId(), e.at());
                case CHECK_OUT -> out.put(e.enrolmentId(), e.at());
                default -> corrections.put(e.enrolmentId(), e);
            }
        }
        Map<Long, Boolean> attended = attendance(events).getOrDefault(session.id(), Map.of());
        List<AttendanceRow> rows = new ArrayList<>();
        var persons = people.findAll(enrolments.roster(classId).stream().map(EnrolmentStore.Row::personId).toList());
        for (EnrolmentStore.Row e : enrolments.roster(classId)) {
            if (e.status() == EnrolmentStatus.WITHDRAWN) {
                continue;
            }
            var p = persons.get(e.personId());
            var correction = corrections.get(e.id());
            rows.add(new AttendanceRow(e.id(), p == null ? null : p.name(), p == null ? null : p.idNumberMasked(),
                    in.get(e.id()), out.get(e.id()), correction == null ? null : correction.kind(),
                    correction == null ? null : correction.note(), attended.getOrDefault(e.id(), false)));
        }
        return rows;
    }

    /** Every event of a session, rejected ones too, for the sheet. */
    @Transactional(readOnly = true)
    public List<AttendanceEvent> events(long classId, long sessionId) {
        return store.ofSession(sessionOf(classId, sessionId).id());
    }

    private ClassSession sessionOf(long classId, long sessionId) {
        openings.get(classId);
        return classes.session(sessionId)
            .filter(s -> s.classId() == classId)
            .orElseThrow(() -> new RecordNotFoundException("session", sessionId));
    }

    /**
     * The provider marks a trainee present or absent for a session, with a reason;
     * audited.
     */
    @Transactional
    public void correct(long classId, long sessionId, long enrolmentId, boolean present, String reason) {
        CurrentUser me = CurrentUser.require();
        if (!me.hasRole(Role.PROVIDER_STAFF)) {
            throw new AccessDeniedException("providers correct their attendance sheets");
        }
        TrainingClass tc = openings.get(classId);
        ClassSession session = sessionOf(classId, sessionId);
        EnrolmentStore.Row enrolment = enrolments.find(enrolmentId)
            .filter(e -> e.classId() == classId)
            .orElseThrow(() -> new RecordNotFoundException("enrolment", enrolmentId));
        if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
            throw InvalidInputException.of("reason", "training.error.reason.required");
        }
        if (tc.status() != ClassStatus.APPROVED && tc.status() != ClassStatus.RUNNING) {
            throw InvalidInputException.of(null, "training.error.attendance.closed");
        }
        Instant now = clock.instant();
        // Only what happened can be marked: a session that has not ended waits.
        openings.calendarOf(classId).correctionWaitsFor(session, now).ifPresent(at -> {
            throw InvalidInputException.of(null, "training.error.attendance.notEnded", session.seq(),
                    org.jixing.shared.ProvinceTime.at(at));
        });
        AttendanceKind kind = present ? AttendanceKind.MARK_PRESENT : AttendanceKind.MARK_ABSENT;
        long id = store.insert(new AttendanceStore.NewEvent("correction-" + java.util.UUID.randomUUID(), session.id(),
                tc.id(), enrolment.id(), tc.providerId(), tc.regionCode(), tc.lineCode(), kind, now, now, null, null,
                null, null, true, null, me.username(), reason.strip()));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("session", session.seq());
        after.put("enrolment", enrolment.id());
        after.put("mark", kind.name());
        after.put("reason", reason.strip());
        audit.record(AuditEvent.of("attendance.correct", "attendance_event", id, null, after));
    }

}
