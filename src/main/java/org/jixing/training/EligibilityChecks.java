package org.jixing.training;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jixing.person.People;
import org.jixing.person.Person;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.ResidentIdNumbers;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.throttle.Throttle;
import org.jixing.shared.throttle.ThrottlePolicy;
import org.jixing.training.internal.EligibilityFactStore;
import org.jixing.training.internal.EligibilityFactStore.Facts;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The enrolment rules applied to the records: a check a provider or officer runs before
 * enrolling (answering only what the caller may know), and the facts and rules single
 * enrolment, roster imports and recorded history enrol by.
 */
@Service
@EnableConfigurationProperties(EligibilityProperties.class)
public class EligibilityChecks {

    private final EligibilityFactStore store;

    private final ClassOpenings classes;

    private final People people;

    private final EligibilityRules rules;

    private final MessageSource messages;

    private final Clock clock;

    private final Throttle throttle;

    EligibilityChecks(EligibilityFactStore store, ClassOpenings classes, People people, EligibilityProperties rules,
            MessageSource messages, Clock clock, Throttle throttle) {
        this.store = store;
        this.classes = classes;
        this.people = people;
        this.rules = new EligibilityRules(rules);
        this.messages = messages;
        this.clock = clock;
        this.throttle = throttle;
    }

    /** Eligibility checks a user may run: a burst of 30, then one every 6 seconds. */
    static final ThrottlePolicy CHECKS = new ThrottlePolicy(30, Duration.ofSeconds(6));

    /**
     * Checks the rules for a person without enrolling, answering only what the caller may
     * know. The registry's record decides when the caller may see it (an officer whose
     * region holds the person, the province) or names the person correctly (ID number and
     * the name as registered, as a provider does who has the trainee in front of them);
     * otherwise the person is judged as a newcomer, whom enrolment would register: the
     * rules of the ID number and the class alone. So a provider cannot tell an
     * unregistered person from one registered under another name, and "not registered" is
     * told only to a caller whose scope spans the province. Another provider's class is
     * never named (see {@link #evaluate}). Each check takes a token from the caller's
     * bucket ({@link #CHECKS}).
     */
    @Transactional(readOnly = true)
    public Eligibility check(long classId, String idNumber, String name) {
        CurrentUser me = CurrentUser.require();
        TrainingClass c = classes.get(classId);
        throttle.require("eligibility-check", "eligibility-check:" + me.id(),
                throttle.policy("eligibility-check", CHECKS));
        people.checkIdNumber("idNumber", idNumber).ifPresent(p -> {
            throw new InvalidInputException(List.of(p));
        });
        Optional<Person> registered = people.findByIdNumber(idNumber);
        if (registered.isPresent() && me.scope().coversRegion(registered.get().regionCode())) {
            return rules(c, registered.get());
        }
        if (registered.isEmpty() && me.scope().isProvinceWide()) {
            throw InvalidInputException.of("idNumber", "training.error.enrol.unknownPerson");
        }
        String given = name == null ? "" : name.strip();
        if (given.isEmpty()) {
            throw InvalidInputException.of("name", "training.error.check.nameRequired");
        }
        if (registered.isPresent() && registered.get().name().strip().equals(given)) {
            return rules(c, registered.get());
        }
        return rules(c, newcomer(idNumber, given, c));
    }

    /** A person as enrolment would register them: no record, no history, no groups. */
    private Person newcomer(String idNumber, String name, TrainingClass c) {
        var parsed = ResidentIdNumbers.parse(idNumber, LocalDate.now(clock));
        return new Person(-1, parsed.masked(), name, parsed.male(), parsed.birthDate(), null, c.regionCode(), 0);
    }

    /** The rules for one person and class, over the facts of the records. */
    Eligibility rules(TrainingClass c, Person person) {
        Facts facts = facts(List.of(person.id()), c);
        Set<String> held = requiredGroups(c).isEmpty() ? Set.of() : people.groupsOn(person.id(), c.startDate());
        return evaluate(c, person, facts, held);
    }

    /** What the rules need to know of these people for a class, gathered at once. */
    Facts facts(Collection<Long> personIds, TrainingClass c) {
        return store.facts(personIds, c.id(), c.startDate().getYear(), c.occupationCode(), c.levelCode());
    }

    Set<String> requiredGroups(TrainingClass c) {
        return rules.requiredGroups(c);
    }

    /**
     * The rules themselves ({@link EligibilityRules}), over facts gathered beforehand:
     * one person at a time or a whole roster at once give the same answers.
     */
    Eligibility evaluate(TrainingClass c, Person person, Facts facts, Set<String> groupsHeld) {
        return rules.evaluate(c, person, facts, groupsHeld);
    }

    /** Reasons as stored with an enrolment: in Chinese, the language of the records. */
    String describe(List<Problem> problems) {
        return problems.stream()
            .map(p -> messages.getMessage(p.messageKey(), p.args(), p.messageKey(), Locale.SIMPLIFIED_CHINESE))
            .collect(Collectors.joining("；"));
    }

}
