package org.jixing.training;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.jixing.training.internal.SupervisionFactStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Classes as the supervision engine reads them: sessions with their planned times, venue
 * and teacher; what was delivered of each class against its programme; people and
 * teachers in two sessions at once; enrolments and completions by provider against the
 * provider's own history. Unscoped, like {@code ScopeSql.UNSCOPED}: for the supervision
 * engine, which runs as a province-wide reader and scopes its alerts itself; no page or
 * endpoint may call it.
 */
@Service
public class ClassFacts {

    /** A session of a class with where it is held and who teaches it. */
    public record SessionFact(long sessionId, long classId, String classNo, long providerId, String providerName,
            String regionCode, String lineCode, int seq, Instant startsAt, Instant endsAt, long teacherId,
            String teacherName, BigDecimal venueLat, BigDecimal venueLng, String venueAddress) {
    }

    /**
     * A class as delivered: its programme's hours, its trainees (not withdrawn) and each
     * session with how many of them were present (an accepted check-in or marked present)
     * and how many of those checked in only after it began.
     */
    public record ClassDelivery(long classId, String classNo, long providerId, String providerName, String regionCode,
            String lineCode, ClassStatus status, int programmeHours, int trainees, List<SessionDelivery> sessions) {
    }

    /** One session as delivered. */
    public record SessionDelivery(long sessionId, int seq, Instant startsAt, Instant endsAt, int present, int late) {
    }

    /**
     * One person enrolled (not withdrawn) in two classes with sessions at the same time:
     * each side's enrolment, class and session.
     */
    public record PersonOverlap(long personId, long enrolmentA, SessionFact a, long enrolmentB, SessionFact b) {
    }

    /**
     * One teacher (the same registration, or the same ID number under two providers'
     * registrations) in two sessions at the same time.
     */
    public record TeacherOverlap(SessionFact a, SessionFact b) {
    }

    /** A provider's enrolments (or completions) on one day (China time). */
    public record ProviderDay(long providerId, String providerName, String regionCode, LocalDate day, long count) {
    }

    private final SupervisionFactStore store;

    ClassFacts(SupervisionFactStore store) {
        this.store = store;
    }

    /** The sessions of the classes given, by class and order. */
    @Transactional(readOnly = true)
    public List<SessionFact> sessions(Collection<Long> classIds) {
        return store.sessions(classIds);
    }

    /**
     * The classes with an accepted attendance event named in {@code [from, to)} or a
     * trainee completed on a day of {@code [fromDay, toDay)}.
     */
    @Transactional(readOnly = true)
    public Set<Long> classesActive(Instant from, Instant to, LocalDate fromDay, LocalDate toDay) {
        return store.classesActive(from, to, fromDay, toDay);
    }

    /** What was delivered of the classes given. */
    @Transactional(readOnly = true)
    public List<ClassDelivery> deliveries(Collection<Long> classIds) {
        return store.deliveries(classIds);
    }

    /**
     * People in two classes at once: of the people given (any time), or else with a
     * session starting in {@code [from, to)}.
     */
    @Transactional(readOnly = true)
    public List<PersonOverlap> personOverlaps(Instant from, Instant to, Collection<Long> personIds) {
        return store.personOverlaps(from, to, personIds);
    }

    /**
     * Teachers in two sessions at once, one of them starting in {@code [from, to)} or
     * belonging to one of the classes given.
     */
    @Transactional(readOnly = true)
    public List<TeacherOverlap> teacherOverlaps(Instant from, Instant to, Collection<Long> classIds) {
        return store.teacherOverlaps(from, to, classIds);
    }

    /**
     * Enrolments per provider and day (China time) on the days of
     * {@code [fromDay, toDay)}; of the providers given, or all.
     */
    @Transactional(readOnly = true)
    public List<ProviderDay> enrolmentsPerDay(LocalDate fromDay, LocalDate toDay, Collection<Long> providerIds) {
        return store.enrolmentsPerDay(fromDay, toDay, providerIds);
    }

    /**
     * Completions per provider and day on the days of {@code [fromDay, toDay)}; of the
     * providers given, or all.
     */
    @Transactional(readOnly = true)
    public List<ProviderDay> completionsPerDay(LocalDate fromDay, LocalDate toDay, Collection<Long> providerIds) {
        return store.completionsPerDay(fromDay, toDay, providerIds);
    }

}
