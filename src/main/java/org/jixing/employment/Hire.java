package org.jixing.employment;

import java.time.LocalDate;

/**
 * A trainee of an order class whom the enterprise hired, with the name and masked ID
 * number for display.
 */
public record Hire(long id, long classId, long enrolmentId, long personId, String name, String idNumberMasked,
        LocalDate hiredOn, String recordedBy) {
}
