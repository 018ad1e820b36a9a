package org.jixing.training;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.person.People;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.ProvinceTime;
import org.jixing.shared.ResidentIdNumbers;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.RecordNotFoundException;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeKind;
import org.jixing.training.internal.AttendanceStore;
import org.jixing.training.internal.ClassStore;
import org.jixing.training.internal.AttendanceStore.NewEvent;
import org.jixing.training.internal.EnrolmentStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Verified attendance, judged by the server. Registered terminals (signed in as provider
 * staff) and trainees' phones send check-ins and check-outs, one at a time or in batches
 * of up to {@value #BATCH_LIMIT}; each event is judged by {@link CheckInRules} against
 * what the server knows (its clock, its registry of terminals, the class and roster) and
 * accepted or rejected with its reason, and kept either way. A session counts as attended
 * with an accepted check-in and check-out, unless the provider corrected it (with a
 * reason, audited).
 */
@Service
@EnableConfigurationProperties(AttendanceProperties.class)
public class Attendance {

    /** The most events one batch may carry. */
    public static final int BATCH_LIMIT = 1000;

    /** The reason given for a malformed event of a batch, which is not stored. */
    public static final String INVALID_INPUT = "INVALID_INPUT";

    private final AttendanceStore store;

    private final ClassStore classes;

    private final EnrolmentStore enrolments;

    private final ClassOpenings openings;

    private final People people;

    private final AttendanceProperties rules;

    private final CheckInRules checkInRules;

    private final AuditTrail audit;

    private final MessageSource messages;

    private final Clock clock;

    private final TransactionTemplate tx;

    Attendance(AttendanceStore store, ClassStore classes, EnrolmentStore enrolments, ClassOpenings openings,
            People people, AttendanceProperties rules, AuditTrail audit, MessageSource messages, Clock clock,
            PlatformTransactionManager transactions) {
        this.store = store;
        this.classes = classes;
        this.enrolments = enrolments;
        this.openings = openings;
        this.people = people;
        this.rules = rules;
        this.checkInRules = new CheckInRules(rules);
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * One check-in or check-out, judged and stored (accepted or not). The same client key
     * again answers what it answered first and stores nothing; the database's unique
     * constraint decides between racing requests. Without a transaction of its own: the
     * facts are read, then one insert is the whole write.
     */
    public CheckInResult checkIn(CheckIn c) {
        CurrentUser me = sender();
        List<Problem> problems = problems(c, "");
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Judged judged = judge(List.of(c), me, clock.instant()).get(0);
        OptionalLong id = store.insertIfNew(judged.event());
        if (id.isPresent()) {
            return result(
                    new AttendanceStore.Stored(id.getAsLong(), judged.event().accepted(), judged.event().reason()),
                    judged.session(), false);
        }
        return result(store.byClientKey(c.clientKey()).orElseThrow(), judged.session(), true);
    }

    /**
     * A batch of events as a terminal uploads its buffer: each judged exactly as a single
     * check-in would be, in the order sent (an event counts as earlier for the ones after
     * it), and stored on its own merits, all in one bulk write. A malformed event is
     * answered with its fields and not stored; a client key stored before, or repeated
     * within the batch, is answered as a replay and stored once. More than
     * {@value #BATCH_LIMIT} events are refused whole.
     */
    public CheckInBatchResult checkInBatch(List<CheckIn> events) {
        CurrentUser me = sender();
        if (events == null || events.isEmpty()) {
            throw InvalidInputException.of("events", "training.error.batch.empty");
        }
        if (events.size() > BATCH_LIMIT) {
            throw InvalidInputException.of("events", "training.error.batch.size", BATCH_LIMIT, events.size());
        }
        Instant now = clock.instant();
        int n = events.size();
        CheckInBatchResult.Answer[] answers = new CheckInBatchResult.Answer[n];
        Map<String, Integer> first = new HashMap<>();
        Map<Integer, Integer> repeats = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            CheckIn c = events.get(i);
            List<Problem> problems = problems(c, "events[" + i + "].");
            if (!problems.isEmpty()) {
                answers[i] = invalid(i, c == null ? null : c.clientKey(), problems);
            }
            else {
                Integer earlier = first.putIfAbsent(c.clientKey(), i);
                if (earlier != null) {
                    repeats.put(i, earlier);
                }
            }
        }
        // One message per outcome (and session, where the outcome names its times), not
        // one
        // formatting per event.
        Map<String, String> said = new HashMap<>();
        java.util.function.BiFunction<String, ClassSession, String> say = (reason, session) -> said.computeIfAbsent(
                (reason == null ? "" : reason) + (session != null && namesTimes(reason) ? ":" + session.id() : ""),
                r -> describe(reason, session));
        Map<String, AttendanceStore.Stored> before = store.storedByClientKeys(first.keySet());
        List<Integer> fresh = new ArrayList<>();
        for (int i : first.values()) {
            AttendanceStore.Stored stored = before.get(events.get(i).clientKey());
            if (stored != null) {
                answers[i] = answer(i, events.get(i).clientKey(), stored, null, true, say);
            }
            else {
                fresh.add(i);
            }
        }
        fresh.sort(null);
        List<Judged> judged = judge(fresh.stream().map(events::get).toList(), me, now);
        Map<String, AttendanceStore.Stored> raced = write(judged.stream().map(Judged::event).toList());
        int stored = 0;
        for (int k = 0; k < fresh.size(); k++) {
            int i = fresh.get(k);
            NewEvent e = judged.get(k).event();
            AttendanceStore.Stored there = raced.get(e.clientKey());
            if (there == null) {
                stored++;
            }
            ClassSession session = judged.get(k).session();
            answers[i] = there != null ? answer(i, e.clientKey(), there, session, true, say) : answer(i, e.clientKey(),
                    new AttendanceStore.Stored(0, e.accepted(), e.reason()), session, false, say);
        }
        repeats.forEach((i, earlier) -> {
            var a = answers[earlier];
            answers[i] = new CheckInBatchResult.Answer(i, a.clientKey(), a.accepted(), a.reason(), a.message(), true,
                    earlier, List.of());
        });
        int accepted = 0;
        int rejected = 0;
        int replayed = 0;
        int invalid = 0;
        for (var a : answers) {
            if (a.errors() != null && !a.errors().isEmpty()) {
                invalid++;
            }
            else if (a.accepted()) {
                accepted++;
            }
            else {
                rejected++;
            }
            replayed += a.replay() ? 1 : 0;
        }
        return new CheckInBatchResult(n, stored, accepted, rejected, replayed, invalid, List.of(answers));
    }

    /**
     * Writes the events in one bulk write and transaction. When another request stored
     * some of the client keys meanwhile, the unique constraint refuses the write: the
     * keys now stored are answered as replays and the rest written again. Returns what
     * the racing requests stored, by client key.
     */
    private Map<String, AttendanceStore.Stored> write(List<NewEvent> events) {
        Map<String, AttendanceStore.Stored> raced = new HashMap<>();
        List<NewEvent> pending = events;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            List<NewEvent> batch = pending;
            try {
                tx.executeWithoutResult(status -> store.insertAll(batch));
                return raced;
            }
            catch (DuplicateKeyException clash) {
                Map<String, AttendanceStore.Stored> there = store
                    .storedByClientKeys(batch.stream().map(NewEvent::clientKey).toList());
                if (there.isEmpty() || attempt == 3) {
                    throw clash;
                }
                raced.putAll(there);
                pending = batch.stream().filter(e -> !there.containsKey(e.clientKey())).toList();
            }
        }
        return raced;
    }

    /** Check-ins come from provider staff (terminals) and trainees (their phones). */
    private static CurrentUser sender() {
        CurrentUser me = CurrentUser.require();
        if (!TrainingPermission.ATTENDANCE_RECORD.allows(me)) {
            throw new AccessDeniedException("check-ins come from provider terminals and trainees");
        }
        return me;
    }

    /** What makes an event malformed: it cannot be judged or stored. */
    private static List<Problem> problems(CheckIn c, String prefix) {
        List<Problem> problems = new ArrayList<>();
        if (c == null) {
            // Missing, or a value of the wrong type that could not be read.
            problems.add(new Problem(prefix.isEmpty() ? "event" : prefix.substring(0, prefix.length() - 1),
                    "training.error.checkIn.unreadable"));
            return problems;
        }
        if (c.clientKey() == null || c.clientKey().isBlank() || c.clientKey().length() > 64) {
            problems.add(new Problem(prefix + "clientKey", "training.error.checkIn.clientKey"));
        }
        if (c.sessionId() == null) {
            problems.add(new Problem(prefix + "sessionId", "training.error.required"));
        }
        if (c.time() == null) {
            problems.add(new Problem(prefix + "time", "training.error.required"));
        }
        if ((c.idNumber() == null || c.idNumber().isBlank()) && (c.token() == null || c.token().isBlank())) {
            problems.add(new Problem(prefix + "idNumber", "training.error.checkIn.who"));
        }
        if (c.kind() != null && c.kind().isCorrection()) {
            problems.add(new Problem(prefix + "kind", "training.error.checkIn.kind"));
        }
        if (c.deviceId() != null && c.deviceId().strip().length() > 64) {
            problems.add(new Problem(prefix + "deviceId", "training.error.checkIn.deviceId"));
        }
        if (c.faceScore() != null && (c.faceScore().signum() < 0 || c.faceScore().compareTo(BigDecimal.ONE) > 0)) {
            problems.add(new Problem(prefix + "faceScore", "training.error.checkIn.faceScore"));
        }
        if (!within(c.latitude(), 90) || !within(c.longitude(), 180)) {
            problems.add(new Problem(prefix + (within(c.latitude(), 90) ? "longitude" : "latitude"),
                    "training.error.checkIn.position"));
        }
        return problems;
    }

    /** Absent, or a coordinate within plus or minus the bound. */
    private static boolean within(BigDecimal v, int bound) {
        return v == null || v.abs().compareTo(BigDecimal.valueOf(bound)) <= 0;
    }

    /** An event judged, as it will be stored. */
    private record Judged(NewEvent event, ClassSession session) {
    }

    /**
     * Judges well-formed events in order, with the facts for all of them gathered in a
     * few queries: the sessions with their classes, the sender's registrations of the
     * devices named, the enrolments named (by token, or by ID number through the person
     * registry) with their accepted check-ins and check-outs in these sessions.
     */
    private List<Judged> judge(List<CheckIn> events, CurrentUser me, Instant now) {
        if (events.isEmpty()) {
            return List.of();
        }
        CheckInRules.Sender sender = me.hasRole(Role.PROVIDER_STAFF) ? CheckInRules.Sender.TERMINAL
                : CheckInRules.Sender.PHONE;
        Long ownProvider = sender == CheckInRules.Sender.TERMINAL ? ref(me, ScopeKind.PROVIDER) : null;
        Long ownPerson = sender == CheckInRules.Sender.PHONE ? ref(me, ScopeKind.PERSON) : null;

        Set<Long> sessionIds = new HashSet<>();
        Set<String> devices = new HashSet<>();
        Set<String> tokens = new HashSet<>();
        Set<String> idNumbers = new HashSet<>();
        for (CheckIn c : events) {
            sessionIds.add(c.sessionId());
            if (c.deviceId() != null && !c.deviceId().isBlank()) {
                devices.add(c.deviceId().strip());
            }
            if (c.token() != null && !c.token().isBlank()) {
                tokens.add(c.token().strip());
            }
            else {
                String number = ResidentIdNumbers.normalize(c.idNumber());
                if (number != null && number.length() == 18) {
                    idNumbers.add(number);
                }
            }
        }
        AttendanceStore.SessionFacts facts = store.sessionFacts(sessionIds, ownProvider, devices);
        Map<Long, AttendanceStore.SessionOfClass> sessions = facts.sessions();
        Map<String, CheckInTerminal> registered = new HashMap<>();
        for (CheckInTerminal t : facts.terminals()) {
            // An active registration outweighs the device's retired ones.
            registered.merge(t.deviceId(), t, (a, b) -> a.active() ? a : b);
        }
        Map<String, AttendanceStore.RosterEntry> byToken = new HashMap<>();
        store.enrolmentsByToken(tokens, sessionIds).forEach(e -> byToken.put(e.token(), e));
        Map<String, Long> personByNumber = new HashMap<>();
        if (!idNumbers.isEmpty()) {
            people.findAllByIdNumber(idNumbers).forEach((number, p) -> personByNumber.put(number, p.id()));
        }
        Map<String, AttendanceStore.RosterEntry> byPerson = new HashMap<>();
        if (!personByNumber.isEmpty()) {
            Set<Long> classIds = new HashSet<>();
            sessions.values().forEach(s -> classIds.add(s.trainingClass().id()));
            store.enrolmentsOfPeople(classIds, personByNumber.values(), sessionIds)
                .forEach(e -> byPerson.put(e.classId() + ":" + e.personId(), e));
        }
        // Accepted events so far, as "enrolment:session:KIND"; each accepted event of the
        // batch joins them, so a later one of the same kind is a duplicate.
        Set<String> accepted = new HashSet<>();
        for (var e : byToken.values()) {
            e.accepted().forEach(a -> accepted.add(e.id() + ":" + a));
        }
        for (var e : byPerson.values()) {
            e.accepted().forEach(a -> accepted.add(e.id() + ":" + a));
        }

        List<Judged> out = new ArrayList<>(events.size());
        for (CheckIn c : events) {
            AttendanceKind kind = c.kind() == null ? AttendanceKind.CHECK_IN : c.kind();
            String device = c.deviceId() == null || c.deviceId().isBlank() ? null : c.deviceId().strip();
            var found = sessions.get(c.sessionId());
            TrainingClass tc = found == null ? null : found.trainingClass();
            boolean ownSession = tc != null && (ownProvider == null || tc.providerId() == ownProvider);
            AttendanceStore.RosterEntry enrolment = null;
            if (ownSession) {
                if (c.token() != null && !c.token().isBlank()) {
                    enrolment = byToken.get(c.token().strip());
                }
                else {
                    Long person = personByNumber.get(ResidentIdNumbers.normalize(c.idNumber()));
                    enrolment = person == null ? null : byPerson.get(tc.id() + ":" + person);
                }
                if (enrolment != null && (enrolment.classId() != tc.id()
                        || (ownPerson != null && enrolment.personId() != ownPerson))) {
                    enrolment = null;
                }
            }
            String key = enrolment == null ? null : enrolment.id() + ":" + c.sessionId() + ":" + kind.name();
            CheckInTerminal terminal = device == null ? null : registered.get(device);
            CheckInRules.Verdict verdict = checkInRules
                .judge(new CheckInRules.Facts(sender, tc, found == null ? null : found.session(), ownSession, device,
                        terminal, c.time(), now, enrolment != null && enrolment.status() == EnrolmentStatus.ENROLLED,
                        c.latitude(), c.longitude(), c.faceScore(), key != null && accepted.contains(key)));
            if (verdict.accepted()) {
                accepted.add(key);
            }
            // Another provider's class stays out of this provider's record: the event
            // keeps only the session it named.
            TrainingClass shown = ownSession ? tc : null;
            out.add(new Judged(
                    new NewEvent(c.clientKey(), c.sessionId(), shown == null ? null : shown.id(),
                            enrolment == null ? null : enrolment.id(), shown == null ? null : shown.providerId(),
                            shown == null ? null : shown.regionCode(), shown == null ? null : shown.lineCode(), kind,
                            c.time(), now, device, c.latitude(), c.longitude(), c.faceScore(), verdict.accepted(),
                            verdict.accepted() ? null : verdict.refusal().name(), me.username(), null,
                            sender.deviceKind(), terminal == null ? null : terminal.id(), verdict.late()),
                    ownSession ? found.session() : null));
        }
        return out;
    }

    /** The numeric id a provider or person scope is bound to, or null. */
    private static Long ref(CurrentUser me, ScopeKind kind) {
        return me.scope().kind() == kind && me.scope().ref().matches("\\d{1,18}") ? Long.valueOf(me.scope().ref())
                : null;
    }

    /**
     * The rules as {@link TrainingHistory} applies them to an earlier system's events:
     * the class open, the person enrolled, the time within the session's window, the
     * place within the venue's radius, the face result, no earlier accepted event of the
     * kind; not the rules about devices and arrival. Null when accepted, else the reason.
     */
    String judge(TrainingClass tc, ClassSession session, boolean enrolled, Instant time, BigDecimal latitude,
            BigDecimal longitude, BigDecimal faceScore, java.util.function.BooleanSupplier duplicate) {
        CheckInRules.Verdict verdict = checkInRules
            .judge(new CheckInRules.Facts(CheckInRules.Sender.HISTORY, tc, session, true, null, null, time, time,
                    enrolled, latitude, longitude, faceScore, duplicate.getAsBoolean()));
        return verdict.accepted() ? null : verdict.refusal().name();
    }

    private CheckInResult result(AttendanceStore.Stored s, ClassSession session, boolean replay) {
        return new CheckInResult(s.id(), s.accepted(), s.reason(), describe(s.accepted() ? null : s.reason(), session),
                replay);
    }

    private static CheckInBatchResult.Answer answer(int index, String clientKey, AttendanceStore.Stored s,
            ClassSession session, boolean replay, java.util.function.BiFunction<String, ClassSession, String> say) {
        return new CheckInBatchResult.Answer(index, clientKey, s.accepted(), s.reason(),
                say.apply(s.accepted() ? null : s.reason(), session), replay, null, List.of());
    }

    private CheckInBatchResult.Answer invalid(int index, String clientKey, List<Problem> problems) {
        Locale locale = LocaleContextHolder.getLocale();
        List<CheckInBatchResult.FieldError> errors = problems.stream()
            .map(p -> new CheckInBatchResult.FieldError(p.field(), p.messageKey(),
                    messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale)))
            .toList();
        return new CheckInBatchResult.Answer(index, clientKey, false, INVALID_INPUT, describe(INVALID_INPUT), false,
                null, errors);
    }

    /** An outcome in the user's language: accepted (null reason) or why not. */
    public String describe(String reason) {
        return describe(reason, null);
    }

    /**
     * An outcome in the user's language; where the reason is about time (outside the
     * session's window, uploaded after its late-upload window closed) and the session is
     * known, the message names the times of that session's windows.
     */
    public String describe(String reason, ClassSession session) {
        boolean timed = session != null && namesTimes(reason);
        Object[] args = { rules.windowMinutes(), rules.radiusMetres(), rules.clockSkewSeconds(),
                rules.lateUploadHours(), null, null, null };
        if (timed) {
            Duration window = Duration.ofMinutes(rules.windowMinutes());
            args[4] = ProvinceTime.at(session.startsAt().minus(window));
            args[5] = ProvinceTime.at(session.endsAt().plus(window));
            args[6] = ProvinceTime.at(rules.lateUploadClosesAt(session.endsAt()));
        }
        String key = "training.attendance." + (reason == null ? "ACCEPTED" : reason) + (timed ? ".at" : "");
        return messages.getMessage(new DefaultMessageSourceResolvable(new String[] { key }, args),
                LocaleContextHolder.getLocale());
    }

    private static boolean namesTimes(String reason) {
        return CheckInRefusal.OUTSIDE_WINDOW.name().equals(reason)
                || CheckInRefusal.UPLOADED_TOO_LATE.name().equals(reason);
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
        Map<Long, AttendanceEvent> in = new HashMap<>();
        Map<Long, AttendanceEvent> out = new HashMap<>();
        Map<Long, AttendanceEvent> corrections = new HashMap<>();
        List<AttendanceEvent> events = store.ofSession(session.id())
            .stream()
            .filter(e -> e.accepted() && e.enrolmentId() != null)
            .sorted(java.util.Comparator.comparing(AttendanceEvent::receivedAt).thenComparing(AttendanceEvent::id))
            .toList();
        for (AttendanceEvent e : events) {
            switch (e.kind()) {
                case CHECK_IN -> in.putIfAbsent(e.enrolmentId(), e);
                case CHECK_OUT -> out.put(e.enrolmentId(), e);
                default -> corrections.put(e.enrolmentId(), e);
            }
        }
        Map<Long, Boolean> attended = attendance(events.stream()
            .map(e -> new AttendanceStore.Accepted(session.id(), e.enrolmentId(), e.kind(), e.occurredAt(), e.note()))
            .toList()).getOrDefault(session.id(), Map.of());
        List<AttendanceRow> rows = new ArrayList<>();
        List<EnrolmentStore.Row> roster = enrolments.roster(classId);
        var persons = people.findAll(roster.stream().map(EnrolmentStore.Row::personId).toList());
        for (EnrolmentStore.Row e : roster) {
            if (e.status() == EnrolmentStatus.WITHDRAWN) {
                continue;
            }
            var p = persons.get(e.personId());
            var correction = corrections.get(e.id());
            var checkIn = in.get(e.id());
            var checkOut = out.get(e.id());
            rows.add(new AttendanceRow(e.id(), p == null ? null : p.name(), p == null ? null : p.idNumberMasked(),
                    checkIn == null ? null : checkIn.occurredAt(), checkIn != null && checkIn.uploadedLate(),
                    checkOut == null ? null : checkOut.occurredAt(), checkOut != null && checkOut.uploadedLate(),
                    correction == null ? null : correction.kind(), correction == null ? null : correction.note(),
                    attended.getOrDefault(e.id(), false)));
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
        return org.jixing.shared.scope.ScopeGuard.under(classes.session(sessionId), s -> s.classId() == classId,
                "session", sessionId);
    }

    /**
     * The provider marks a trainee present or absent for a session, with a reason;
     * audited.
     */
    @Transactional
    public void correct(long classId, long sessionId, long enrolmentId, boolean present, String reason) {
        CurrentUser me = CurrentUser.require();
        if (!TrainingPermission.ATTENDANCE_CORRECT.allows(me)) {
            throw new AccessDeniedException("providers correct their attendance sheets");
        }
        TrainingClass tc = openings.get(classId);
        ClassSession session = sessionOf(classId, sessionId);
        EnrolmentStore.Row enrolment = org.jixing.shared.scope.ScopeGuard.under(enrolments.find(enrolmentId),
                e -> e.classId() == classId, "enrolment", enrolmentId);
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
