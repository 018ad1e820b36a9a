package org.jixing.training;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.jixing.person.People;
import org.jixing.shared.ResidentIdNumbers;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeKind;
import org.jixing.training.internal.AttendanceStore;
import org.jixing.training.internal.AttendanceStore.NewEvent;
import org.springframework.stereotype.Component;

/**
 * Judges check-ins by {@link CheckInRules} against what the server knows: the sessions
 * and their classes, the sender's terminals, the roster (by token, or by ID number
 * through the person registry) and the events accepted before, gathered for a whole batch
 * in a few queries. The earlier system's events of {@link TrainingHistory} are judged by
 * the same rules.
 */
@Component
class CheckInJudge {

    private final AttendanceStore store;

    private final People people;

    private final CheckInRules checkInRules;

    CheckInJudge(AttendanceStore store, People people, AttendanceProperties rules) {
        this.store = store;
        this.people = people;
        this.checkInRules = new CheckInRules(rules);
    }

    /**
     * An event judged, as it will be stored, with the person of its enrolment if found.
     */
    record Judged(NewEvent event, ClassSession session, Long personId) {
    }

    /**
     * Judges well-formed events in order, with the facts for all of them gathered in a
     * few queries: the sessions with their classes, the sender's registrations of the
     * devices named, the enrolments named (by token, or by ID number through the person
     * registry) with their accepted check-ins and check-outs in these sessions.
     */
    List<Judged> judge(List<CheckIn> events, CurrentUser me, Instant now) {
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
                    ownSession ? found.session() : null, enrolment == null ? null : enrolment.personId()));
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
    String history(TrainingClass tc, ClassSession session, boolean enrolled, Instant time, BigDecimal latitude,
            BigDecimal longitude, BigDecimal faceScore, BooleanSupplier duplicate) {
        CheckInRules.Verdict verdict = checkInRules
            .judge(new CheckInRules.Facts(CheckInRules.Sender.HISTORY, tc, session, true, null, null, time, time,
                    enrolled, latitude, longitude, faceScore, duplicate.getAsBoolean()));
        return verdict.accepted() ? null : verdict.refusal().name();
    }

}
