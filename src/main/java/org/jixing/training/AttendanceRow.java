package org.jixing.training;

import java.time.Instant;

/**
 * One trainee's line on a session's attendance sheet: the accepted check-in and check-out
 * (each marked when it was uploaded late), the provider's correction if any, and whether
 * the session counts as attended.
 */
public record AttendanceRow(long enrolmentId, String name, String idNumberMasked, Instant checkIn, boolean checkInLate,
        Instant checkOut, boolean checkOutLate, AttendanceKind correction, String correctionNote, boolean attended) {
}
