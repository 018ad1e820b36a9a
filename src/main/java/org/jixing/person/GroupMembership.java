package org.jixing.person;

import java.time.LocalDate;

import org.jixing.shared.scope.Role;

/**
 * A person's membership of a trainee group, with its evidence and validity, and its
 * source: who recorded it ({@code recordedBy}), in which role ({@code recorderRole}, null
 * for memberships recorded before roles were kept) and by which path.
 */
public record GroupMembership(long id, String groupCode, String evidence, LocalDate validFrom, LocalDate validUntil,
        String recordedBy, Role recorderRole, MembershipChannel channel) {

    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil));
    }

    /** Whether it rests on an officer's record or only on a provider's declaration. */
    public GroupBasis basis() {
        return GroupBasis.recordedAs(recorderRole);
    }

}
