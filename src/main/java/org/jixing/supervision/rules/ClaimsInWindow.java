package org.jixing.supervision.rules;

import java.util.List;
import java.util.Set;

import org.jixing.subsidy.ClaimRiskFacts;
import org.jixing.subsidy.ClaimRiskFacts.FiledClaim;
import org.jixing.supervision.Hit;
import org.jixing.supervision.ScanWindow;
import org.jixing.supervision.SubjectKind;

/** The claims a window covers, for the rules whose subject is a claim. */
final class ClaimsInWindow {

    private ClaimsInWindow() {
    }

    /**
     * The claims named by an event's window (whenever filed); else those filed in the
     * window, of its providers if it names some; nothing for a window narrowed to other
     * records only.
     */
    static List<FiledClaim> of(ClaimRiskFacts facts, ScanWindow w) {
        if (!w.claimIds().isEmpty()) {
            return facts.filed(w.from(), w.to(), w.claimIds(), Set.of());
        }
        if (w.focused() && w.providerIds().isEmpty()) {
            return List.of();
        }
        return facts.filed(w.from(), w.to(), Set.of(), w.providerIds());
    }

    /** A hit about a claim, holding the claim itself. */
    static Hit hit(FiledClaim c, int score, java.util.Map<String, Object> evidence) {
        return new Hit(SubjectKind.CLAIM, c.id(), c.claimNo(), c.regionCode(), c.lineCode(), c.providerId(), null,
                score, evidence, List.of(new Hit.Target(SubjectKind.CLAIM, c.id())));
    }

}
