package org.jixing.person;

import java.time.LocalDate;

/** A person's membership of a trainee group, with its evidence and validity. */
public record GroupMembership(long id, String groupCode, String evidence, LocalDate validFrom, LocalDate validUntil,
        String recordedBy) {

    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil));
    }

}
