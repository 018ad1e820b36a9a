package org.jixing.training;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.jixing.training.internal.SupervisionFactStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attendance as the supervision engine reads it: accepted check-ins of a period (of given
 * people or classes), the uses of registered terminals, and providers' corrections with
 * the events they correct. Unscoped, like {@code ScopeSql.UNSCOPED}: for the supervision
 * engine, which runs as a province-wide reader and scopes its alerts itself; no page or
 * endpoint may call it. Set-based: a few queries per call whatever the number of records.
 */
@Service
public class AttendanceFacts {

    /**
     * An accepted check-in with what the rules weigh: who (person, enrolment), where
     * (class, session, its venue; the registered terminal and its venue, if one sent it;
     * the position sent), when (the time named and the time received), from what device,
     * with what face-match score.
     */
    public record CheckInFact(long eventId, long personId, long enrolmentId, long classId, String classNo,
            long sessionId, long providerId, String providerName, String regionCode, String lineCode,
            Instant occurredAt, Instant receivedAt, BigDecimal latitude, BigDecimal longitude, String deviceId,
            DeviceKind deviceKind, Long terminalId, BigDecimal terminalLat, BigDecimal terminalLng,
            BigDecimal faceScore, BigDecimal venueLat, BigDecimal venueLng, String venueAddress) {
    }

    /**
     * An event a registered terminal sent, accepted or not, with the terminal's venue and
     * the venue of the session's class.
     */
    public record TerminalUse(long eventId, long terminalId, String terminalName, String deviceId,
            long terminalProviderId, String terminalRegionCode, BigDecimal terminalLat, BigDecimal terminalLng,
            long sessionId, long classId, String classNo, long classProviderId, BigDecimal venueLat,
            BigDecimal venueLng, Instant occurredAt, boolean accepted, String reason) {
    }

    /**
     * A provider's accepted attendance events of a period in one class: all of them, and
     * the hand-made corrections among them (marked present, marked absent).
     */
    public record CorrectionCount(long providerId, String providerName, String regionCode, long classId, String classNo,
            long events, long markedPresent, long markedAbsent) {

        public long corrections() {
            return markedPresent + markedAbsent;
        }

    }

    private final SupervisionFactStore store;

    AttendanceFacts(SupervisionFactStore store) {
        this.store = store;
    }

    /**
     * Accepted check-ins named in {@code [from, to)}: everybody's, or only of the people
     * given, or only of the classes given (each empty collection does not narrow), oldest
     * first.
     */
    @Transactional(readOnly = true)
    public List<CheckInFact> checkIns(Instant from, Instant to, Collection<Long> personIds, Collection<Long> classIds) {
        return store.checkIns(from, to, personIds, classIds);
    }

    /**
     * Events sent by registered terminals in {@code [from, to)}, accepted or refused,
     * optionally of the classes given.
     */
    @Transactional(readOnly = true)
    public List<TerminalUse> terminalUses(Instant from, Instant to, Collection<Long> classIds) {
        return store.terminalUses(from, to, classIds);
    }

    /**
     * Providers' accepted events in {@code [from, to)} by class, with their corrections,
     * optionally of the providers or classes given.
     */
    @Transactional(readOnly = true)
    public List<CorrectionCount> corrections(Instant from, Instant to, Collection<Long> providerIds,
            Collection<Long> classIds) {
        return store.corrections(from, to, providerIds, classIds);
    }

}
