package org.jixing.subsidy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jixing.certification.Certificates;
import org.jixing.person.HeldGroup;
import org.jixing.person.People;
import org.jixing.provider.FiledBody;
import org.jixing.provider.Filings;
import org.jixing.provider.Registry;
import org.jixing.training.ClassOpenings;
import org.jixing.training.ClassStatus;
import org.jixing.training.Enrolments;
import org.jixing.training.Enrolments.ClassCompletion;
import org.jixing.training.TrainingClass;
import org.springframework.stereotype.Component;

/**
 * Gathers what training, the registry, certification and the provider filings know about
 * a class a claim would be for, so that pricing it needs no other module.
 */
@Component
class ClaimableClasses {

    private final ClassOpenings classes;

    private final Enrolments enrolments;

    private final People people;

    private final Certificates certificates;

    private final Filings filings;

    private final Clock clock;

    ClaimableClasses(ClassOpenings classes, Enrolments enrolments, People people, Certificates certificates,
            Filings filings, Clock clock) {
        this.classes = classes;
        this.enrolments = enrolments;
        this.people = people;
        this.certificates = certificates;
        this.filings = filings;
        this.clock = clock;
    }

    ClaimableClass get(long classId) {
        TrainingClass c = classes.get(classId);
        List<ClassCompletion> roster = enrolments.completions(c.id());
        List<Long> personIds = roster.stream().map(t -> t.enrolment().personId()).toList();
        // The groups each trainee held on the class's first day, as the registry shows
        // them now (a membership recorded later with an earlier validity included), each
        // with what it rests on: the registry's record or the provider's declaration.
        Map<Long, Map<String, HeldGroup>> groups = people.groupsHeldOn(personIds, c.startDate());
        // A standard paid on a certificate pays those who hold one of the class's
        // occupation and level, earned since the class began.
        Set<Long> certified = certificates.holders(personIds, c.occupationCode(), c.levelCode(), c.startDate());
        Optional<FiledBody> provider = filings.find(Registry.PROVIDER, c.providerId());
        boolean active = provider.isPresent() && provider.get().inGoodStanding(today());
        Instant completesFrom = null;
        if (c.status() == ClassStatus.SUBMITTED || c.status() == ClassStatus.APPROVED
                || c.status() == ClassStatus.RUNNING) {
            completesFrom = classes.calendar(c.id()).completesFrom();
        }
        return new ClaimableClass(c, roster, groups, certified, active, completesFrom);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(SubsidyRules.CHINA));
    }

}
