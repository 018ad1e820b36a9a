package org.jixing.subsidy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jixing.person.HeldGroup;
import org.jixing.training.Enrolments.ClassCompletion;
import org.jixing.training.TrainingClass;

/**
 * What the other modules' records say about a class a claim would be for: its roster with
 * completions, the groups each trainee held on its first day (as the registry shows them
 * now, each with what it rests on), those holding its certificate earned since it began,
 * whether its provider is in good standing today, and, while it may still run, the moment
 * its calendar lets it complete (null otherwise).
 */
record ClaimableClass(TrainingClass trainingClass, List<ClassCompletion> roster,
        Map<Long, Map<String, HeldGroup>> groups, Set<Long> certified, boolean providerActive, Instant completesFrom) {

    List<Long> personIds() {
        return roster.stream().map(t -> t.enrolment().personId()).toList();
    }

}
