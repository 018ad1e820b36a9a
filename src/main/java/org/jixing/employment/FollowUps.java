package org.jixing.employment;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jixing.employment.internal.ContributionStore;
import org.jixing.employment.internal.FollowUpStore;
import org.jixing.person.People;
import org.jixing.training.CompletedEnrolment;
import org.jixing.training.Enrolments;
import org.jixing.training.TrainingCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The completions employment follows. Each completion announced by training is taken in
 * with the blind index of its person's ID number and its class, and its outcomes are
 * computed at once from the contribution months already held; completions recorded
 * without an event (history) are taken in by {@link #catchUp}, at start and before each
 * import.
 */
@Service
public class FollowUps {

    private static final Logger log = LoggerFactory.getLogger(FollowUps.class);

    private static final int PAGE = 1_000;

    private final FollowUpStore store;

    private final ContributionStore contributions;

    private final Enrolments enrolments;

    private final People people;

    private final FollowUpProperties properties;

    FollowUps(FollowUpStore store, ContributionStore contributions, Enrolments enrolments, People people,
            FollowUpProperties properties) {
        this.store = store;
        this.contributions = contributions;
        this.enrolments = enrolments;
        this.people = people;
        this.properties = properties;
    }

    @ApplicationModuleListener
    void on(TrainingCompleted completed) {
        follow(enrolments.completedEnrolments(List.of(completed.enrolmentId())));
    }

    /** Takes in these completions (those not yet followed); returns how many. */
    @Transactional
    public int follow(Collection<CompletedEnrolment> completions) {
        Set<Long> known = store.followed(completions.stream().map(CompletedEnrolment::enrolmentId).toList());
        List<CompletedEnrolment> fresh = completions.stream().filter(c -> !known.contains(c.enrolmentId())).toList();
        if (fresh.isEmpty()) {
            return 0;
        }
        store.persons(
                people.idNumberIndexes(fresh.stream().map(CompletedEnrolment::personId).collect(Collectors.toSet())));
        store.classes(fresh);
        int n = store.followUps(fresh, contributions.lastDone());
        store.recompute(fresh.stream().map(CompletedEnrolment::enrolmentId).toList(), properties.minimumBaseFen());
        return n;
    }

    /**
     * Takes in every completion above the highest followed, page by page; returns how
     * many.
     */
    public int catchUp() {
        int total = 0;
        long after = store.lastEnrolmentId();
        while (true) {
            List<CompletedEnrolment> page = enrolments.completedEnrolmentsAfter(after, PAGE);
            if (page.isEmpty()) {
                return total;
            }
            total += follow(page);
            after = page.get(page.size() - 1).enrolmentId();
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void catchUpAtStart() {
        try {
            int n = catchUp();
            if (n > 0) {
                log.info("employment follows {} completions recorded while it was not listening", n);
            }
        }
        catch (RuntimeException ex) {
            log.warn("the completions could not be caught up at start; the next import does it", ex);
        }
    }

}
