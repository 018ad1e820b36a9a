package org.jixing.subsidy;

import org.jixing.person.GroupBasis;
import org.jixing.person.HeldGroup;
import org.jixing.person.MembershipChannel;

/**
 * What a claim line's trainee-group adjustment rested on when it was priced: the
 * registry's record (an officer recorded the membership) or only the provider's
 * declaration (its roster file), the path the membership came by, who recorded it, and
 * which membership it was. Kept with the line: a claim keeps what it was priced with.
 */
public record GroupEvidence(GroupBasis basis, MembershipChannel channel, String recordedBy, long membershipId) {

    static GroupEvidence of(HeldGroup held) {
        return held == null ? null
                : new GroupEvidence(held.basis(), held.channel(), held.recordedBy(), held.membershipId());
    }

    public boolean declaredOnly() {
        return basis == GroupBasis.DECLARED;
    }

}
