package org.jixing.subsidy;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Where a version of the rules stands today: in force, waiting for its day, or replaced
 * by a later version (it still prices the classes that started while it was in force).
 */
public enum RuleStanding {

    IN_FORCE, FUTURE, PAST;

    public static RuleStanding of(RuleSet r, Optional<RuleSet> inForceToday, LocalDate today) {
        if (r.effectiveFrom().isAfter(today)) {
            return FUTURE;
        }
        return inForceToday.filter(f -> f.id() == r.id()).isPresent() ? IN_FORCE : PAST;
    }

}
