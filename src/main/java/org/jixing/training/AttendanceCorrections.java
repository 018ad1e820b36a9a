package org.jixing.training;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.ProvinceTime;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.ScopeGuard;
import org.jixing.training.internal.AttendanceStore;
import org.jixing.training.internal.EnrolmentStore;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Corrections of an attendance sheet: the provider marks a trainee present or absent for
 * a session that has ended, with a reason; the mark outweighs the check-ins, and is
 * audited.
 */
@Service
public class AttendanceCorrections {

    private final AttendanceStore store;

    private final ClassOpenings openings;

    private final EnrolmentStore enrolments;

    private final AuditTrail audit;

    private final Clock clock;

    AttendanceCorrections(AttendanceStore store, ClassOpenings openings, EnrolmentStore enrolments, AuditTrail audit,
            Clock clock) {
        this.store = store;
        this.openings = openings;
        this.enrolments = enrolments;
        this.audit = audit;
        this.clock = clock;
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
        ClassSession session = openings.session(classId, sessionId);
        EnrolmentStore.Row enrolment = ScopeGuard.under(enrolments.find(enrolmentId), e -> e.classId() == classId,
                "enrolment", enrolmentId);
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
                    ProvinceTime.at(at));
        });
        AttendanceKind kind = present ? AttendanceKind.MARK_PRESENT : AttendanceKind.MARK_ABSENT;
        long id = store.insert(new AttendanceStore.NewEvent("correction-" + UUID.randomUUID(), session.id(), tc.id(),
                enrolment.id(), tc.providerId(), tc.regionCode(), tc.lineCode(), kind, now, now, null, null, null, null,
                true, null, me.username(), reason.strip()));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("session", session.seq());
        after.put("enrolment", enrolment.id());
        after.put("mark", kind.name());
        after.put("reason", reason.strip());
        audit.record(AuditEvent.of("attendance.correct", "attendance_event", id, null, after));
    }

}
