package org.jixing.person;

/**
 * A trainee group a person held on a day, and what that rests on: the membership that
 * shows it best (an officer's record before a provider's declaration, then the earliest
 * recorded).
 */
public record HeldGroup(String groupCode, GroupBasis basis, long membershipId, MembershipChannel channel,
        String recordedBy) {

    static HeldGroup of(GroupMembership m) {
        return new HeldGroup(m.groupCode(), m.basis(), m.id(), m.channel(), m.recordedBy());
    }

    /** The better evidence of two for the same group. */
    HeldGroup or(HeldGroup other) {
        if (other == null) {
            return this;
        }
        if (basis != other.basis) {
            return basis == GroupBasis.REGISTRY ? this : other;
        }
        return membershipId <= other.membershipId ? this : other;
    }

}
