package org.jixing.employment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jixing.employment.internal.ContributionStore;
import org.jixing.employment.internal.FollowUpStore;
import org.jixing.person.IdNumberSeals;
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

    private final IdNumberSeals seals;

    private final FollowUpProperties properties;

    private final Clock clock;

    FollowUps(FollowUpStore store, ContributionStore contributions, Enrolments enrolments, IdNumberSeals seals,
            FollowUpProperties properties, Clock clock) {
        this.clock = clock;
        this.store = store;
        this.contributions = contributions;
        this.enrolments = enrolments;
        this.seals = seals;
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
                seals.idNumberIndexes(fresh.stream().map(CompletedEnrolment::personId).collect(Collectors.toSet())));
        store.classes(fresh);
        int n = store.followUps(fresh, contributions.lastDone());
        store.recompute(fresh.stream().map(CompletedEnrolment::enrolmentId).toList(), properties.minimumBaseFen());
        return n;
    }

    /**
     * How far back the catch-up looks: a completion's last follow-up month is a year
     * after its class, and contribution files may come a year late.
     */
    static final int CATCH_UP_MONTHS = 25;

    /**
     * Takes in every completion of the last {@link #CATCH_UP_MONTHS} months not yet
     * followed, page by page in the order of completion day and id; returns how many. Not
     * a watermark on the highest followed id: a completion recorded late (history, or an
     * event still on its way) may have a lower id than one already followed.
     */
    public int catchUp() {
        int total = 0;
        LocalDate day = LocalDate.now(clock).minusMonths(CATCH_UP_MONTHS);
        long after = 0;
        while (true) {
            List<CompletedEnrolment> page = enrolments.completedEnrolmentsAfter(day, after, PAGE);
            if (page.isEmpty()) {
                return total;
            }
            total += follow(page);
            CompletedEnrolment last = page.get(page.size() - 1);
            day = last.completedOn();
            after = last.enrolmentId();
        }
    }

    /**
     * At start, in the background: on a database with millions of completions not yet
     * followed (the first start after an upgrade) the catch-up takes minutes, and the
     * application must not wait for it. An import catches up first anyway.
     */
    @EventListener(ApplicationReadyEvent.class)
    void catchUpAtStart() {
        Thread t = new Thread(() -> {
            try {
                int n = catchUp();
                if (n > 0) {
                    log.info("employment follows {} completions recorded while it was not listening", n);
                }
            }
            catch (RuntimeException ex) {
                log.warn("the completions could not be caught up at start; the next import does it", ex);
            }
        }, "employment-catch-up");
        t.setDaemon(true);
        t.start();
    }

}
