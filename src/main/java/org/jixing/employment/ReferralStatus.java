package org.jixing.employment;

import java.util.EnumSet;
import java.util.Set;

/** A referral's steps: recommended, interviewed, then hired or declined. */
public enum ReferralStatus {

    RECOMMENDED, INTERVIEWED, HIRED, DECLINED;

    /** The statuses a referral may move to from this one. */
    public Set<ReferralStatus> next() {
        return switch (this) {
            case RECOMMENDED -> EnumSet.of(INTERVIEWED, DECLINED);
            case INTERVIEWED -> EnumSet.of(HIRED, DECLINED);
            case HIRED, DECLINED -> EnumSet.noneOf(ReferralStatus.class);
        };
    }

    public boolean mayMoveTo(ReferralStatus to) {
        return to != null && next().contains(to);
    }

    public boolean isFinal() {
        return next().isEmpty();
    }

}
