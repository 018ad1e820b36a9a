package org.jixing.training;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.BiFunction;

import org.jixing.shared.InvalidInputException;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.training.CheckInJudge.Judged;
import org.jixing.training.internal.AttendanceStore;
import org.jixing.training.internal.AttendanceStore.NewEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Check-ins and check-outs as terminals (signed in as provider staff) and trainees'
 * phones send them, one at a time or in batches of up to {@value #BATCH_LIMIT}: each
 * event is judged by the server ({@link CheckInJudge}) and accepted or rejected with its
 * reason, and kept either way; a client key sent again is answered as a replay.
 */
@Service
public class CheckIns {

    /** The most events one batch may carry. */
    public static final int BATCH_LIMIT = 1000;

    /** The reason given for a malformed event of a batch, which is not stored. */
    public static final String INVALID_INPUT = "INVALID_INPUT";

    private final AttendanceStore store;

    private final CheckInJudge judge;

    private final AttendanceOutcomes outcomes;

    private final Clock clock;

    private final TransactionTemplate tx;

    private final ApplicationEventPublisher events;

    CheckIns(AttendanceStore store, CheckInJudge judge, AttendanceOutcomes outcomes, Clock clock,
            PlatformTransactionManager transactions, ApplicationEventPublisher events) {
        this.store = store;
        this.events = events;
        this.judge = judge;
        this.outcomes = outcomes;
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
        Judged judged = judge.judge(List.of(c), me, clock.instant()).get(0);
        OptionalLong id = store.insertIfNew(judged.event());
        if (id.isPresent()) {
            announce(List.of(judged));
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
        BiFunction<String, ClassSession, String> say = (reason, session) -> said.computeIfAbsent(
                (reason == null ? "" : reason)
                        + (session != null && AttendanceOutcomes.namesTimes(reason) ? ":" + session.id() : ""),
                r -> outcomes.describe(reason, session));
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
        List<Judged> judged = judge.judge(fresh.stream().map(events::get).toList(), me, now);
        Map<String, AttendanceStore.Stored> raced = write(judged.stream().map(Judged::event).toList());
        announce(judged.stream().filter(j -> !raced.containsKey(j.event().clientKey())).toList());
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

    /**
     * Tells who listens (supervision) which people and classes newly stored accepted
     * check-ins concern, and the span of their times: computed from what is in hand, no
     * query.
     */
    private void announce(List<Judged> stored) {
        Set<Long> people = new HashSet<>();
        Set<Long> classes = new HashSet<>();
        Instant from = null;
        Instant to = null;
        for (Judged j : stored) {
            NewEvent e = j.event();
            if (!e.accepted() || e.kind() != AttendanceKind.CHECK_IN || e.classId() == null) {
                continue;
            }
            if (j.personId() != null) {
                people.add(j.personId());
            }
            classes.add(e.classId());
            from = from == null || e.occurredAt().isBefore(from) ? e.occurredAt() : from;
            to = to == null || e.occurredAt().isAfter(to) ? e.occurredAt() : to;
        }
        if (!classes.isEmpty()) {
            events.publishEvent(new CheckInsAccepted(people, classes, from, to));
        }
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

    private CheckInResult result(AttendanceStore.Stored s, ClassSession session, boolean replay) {
        return new CheckInResult(s.id(), s.accepted(), s.reason(),
                outcomes.describe(s.accepted() ? null : s.reason(), session), replay);
    }

    private static CheckInBatchResult.Answer answer(int index, String clientKey, AttendanceStore.Stored s,
            ClassSession session, boolean replay, BiFunction<String, ClassSession, String> say) {
        return new CheckInBatchResult.Answer(index, clientKey, s.accepted(), s.reason(),
                say.apply(s.accepted() ? null : s.reason(), session), replay, null, List.of());
    }

    private CheckInBatchResult.Answer invalid(int index, String clientKey, List<Problem> problems) {
        return new CheckInBatchResult.Answer(index, clientKey, false, INVALID_INPUT, outcomes.describe(INVALID_INPUT),
                false, null, outcomes.fieldErrors(problems));
    }

}
