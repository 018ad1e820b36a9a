package org.jixing.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jixing.person.Person;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.training.internal.EligibilityFactStore.Facts;
import org.jixing.training.internal.EligibilityFactStore.OtherClass;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The enrolment rules, without Spring: whether a person may join a class at all (the
 * class open, old enough, not on it already, no overlapping class, a free place) and
 * whether with a subsidy (a subsidised class, fewer than three subsidised trainings in
 * the year, not the same qualification again, in a group the action line asks for).
 */
final class EligibilityRules {

    private final EligibilityProperties rules;

    EligibilityRules(EligibilityProperties rules) {
        this.rules = rules;
    }

    /**
     * The trainee groups a class's action line asks of a subsidised trainee; empty: none.
     */
    Set<String> requiredGroups(TrainingClass c) {
        return rules.lineGroups().getOrDefault(c.lineCode(), Set.of());
    }

    /**
     * The rules themselves, over facts gathered beforehand: one person at a time or a
     * whole roster at once give the same answers.
     */
    Eligibility evaluate(TrainingClass c, Person person, Facts facts, Set<String> groupsHeld) {
        List<Problem> blocking = new ArrayList<>();
        List<Problem> subsidy = new ArrayList<>();
        long id = person.id();
        if (c.status() != ClassStatus.APPROVED && c.status() != ClassStatus.RUNNING) {
            blocking.add(new Problem(null, "training.error.enrol.closed",
                    new DefaultMessageSourceResolvable("training.status." + c.status().name())));
        }
        if (person.ageOn(c.startDate()) < rules.minimumAge()) {
            blocking.add(new Problem("idNumber", "training.error.enrol.age", rules.minimumAge()));
        }
        if (facts.inClass().contains(id)) {
            blocking.add(new Problem("idNumber", "training.error.enrol.already"));
        }
        if (facts.overlapping().containsKey(id)) {
            blocking.add(otherClass("training.error.enrol.overlap", c, facts.overlapping().get(id)));
        }
        if (!facts.inClass().contains(id) && facts.rosterSize().get() >= c.capacity()) {
            blocking.add(new Problem(null, "training.error.enrol.full", c.capacity()));
        }
        if (!c.subsidised()) {
            subsidy.add(new Problem(null, "training.error.enrol.classNotSubsidised"));
            return new Eligibility(blocking, subsidy);
        }
        int year = c.startDate().getYear();
        if (facts.usedSlots().getOrDefault(id, Set.of()).size() >= 3) {
            subsidy.add(new Problem("idNumber", "training.error.enrol.yearlyLimit", String.valueOf(year)));
        }
        if (facts.sameQualification().containsKey(id)) {
            subsidy.add(otherClass("training.error.enrol.sameQualification", c, facts.sameQualification().get(id)));
        }
        Set<String> required = requiredGroups(c);
        if (!required.isEmpty() && groupsHeld.stream().noneMatch(required::contains)) {
            subsidy.add(new Problem("idNumber", "training.error.enrol.group",
                    new DefaultMessageSourceResolvable("training.lineGroups." + c.lineCode())));
        }
        return new Eligibility(blocking, subsidy);
    }

    /**
     * A rule that points at another class names it only when that class is the same
     * provider's, or lies in the region of the officer asking: the answer (and the
     * reasons stored with an enrolment) never tells a provider which other provider, city
     * or class a person attends.
     */
    private static Problem otherClass(String key, TrainingClass c, OtherClass other) {
        boolean visible = other.providerId() == c.providerId() || other.regionCode() != null
                && CurrentUser.current().map(u -> u.scope().coversRegion(other.regionCode())).orElse(false);
        return visible ? new Problem("idNumber", key, other.classNo())
                : new Problem("idNumber", key + ".otherProvider");
    }

}
