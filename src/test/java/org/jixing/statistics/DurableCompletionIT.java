package org.jixing.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;

import org.jixing.IntegrationTest;
import org.jixing.training.TrainingCompleted;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A completion that committed is counted even when its listener did not run: the process
 * died between the commit and the listener, or the listener failed. Its publication stays
 * in the registry, incomplete, and the resubmission at start delivers it again; the
 * reconciliation is not what counts it here (nothing recounts in this test). And however
 * often a completion is delivered, it counts once, as several nodes resubmitting at once
 * would deliver it.
 */
class DurableCompletionIT extends IntegrationTest {

    /** An enrolment no record holds, in a year no other test counts. */
    static final long ENROLMENT = -9_001;

    static final int YEAR = 2019;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IncompleteEventPublications incomplete;

    @Autowired
    Progress progress;

    @AfterEach
    void refuseNothingAndRecount() {
        asOwner().sql("alter table progress_counted_completion drop constraint if exists refuse_once").update();
        jdbc.sql("delete from progress_counted_completion where enrolment_id = :e").param("e", ENROLMENT).update();
        // The completion has no record behind it: the recount takes it out again.
        progress.reconcile("test");
    }

    static TrainingCompleted completion() {
        return new TrainingCompleted(ENROLMENT, ENROLMENT, -1, 1, "L01", "L01-1", "370102", "WELDER", "JUNIOR", true,
                LocalDate.of(YEAR, 6, 1), Set.of());
    }

    long personTimes() {
        return jdbc.sql("select coalesce(sum(completions), 0) from progress_rollup where training_year = :y")
            .param("y", YEAR)
            .query(Long.class)
            .single();
    }

    long persons() {
        return jdbc
            .sql("select coalesce(sum(persons), 0) from progress_unique where training_year = :y and dimension = 'ALL'")
            .param("y", YEAR)
            .query(Long.class)
            .single();
    }

    long incompletePublications() {
        return jdbc
            .sql("select count(*) from event_publication where completion_date is null and event_type = :t "
                    + "and serialized_event like :e")
            .param("t", TrainingCompleted.class.getName())
            .param("e", "%\"enrolmentId\":" + ENROLMENT + ",%")
            .query(Long.class)
            .single();
    }

    void commit(TrainingCompleted e) {
        tx.executeWithoutResult(status -> events.publishEvent(e));
    }

    @Test
    void aCompletionWhoseListenerNeverFinishedIsCountedOnceAfterTheResubmissionAtStart() {
        long before = personTimes();
        long personsBefore = persons();
        // The listener fails after the completion committed, as if the process had died
        // there: nothing counted, the publication left incomplete.
        asOwner()
            .sql("alter table progress_counted_completion add constraint refuse_once check (enrolment_id <> "
                    + ENROLMENT + ")")
            .update();
        commit(completion());
        assertThat(personTimes()).isEqualTo(before);
        assertThat(incompletePublications()).isEqualTo(1);

        // The next start resubmits what is incomplete (the same call the start makes,
        // limited to this completion so that the test touches nothing else).
        asOwner().sql("alter table progress_counted_completion drop constraint refuse_once").update();
        incomplete.resubmitIncompletePublications(
                p -> p.getEvent() instanceof TrainingCompleted t && t.enrolmentId() == ENROLMENT);
        assertThat(personTimes()).isEqualTo(before + 1);
        assertThat(persons()).isEqualTo(personsBefore + 1);
        assertThat(incompletePublications()).isZero();

        // Delivered again (a second node resubmitting it, a second publication): counted
        // once.
        commit(completion());
        progress.on(completion());
        assertThat(personTimes()).isEqualTo(before + 1);
        assertThat(persons()).isEqualTo(personsBefore + 1);
        assertThat(incompletePublications()).isZero();
    }

    @Test
    void aCompletionTheReconciliationCountedWhileItsDeliveryWasOutstandingIsNotCountedAgain() {
        asOwner()
            .sql("alter table progress_counted_completion add constraint refuse_once check (enrolment_id <> "
                    + ENROLMENT + ")")
            .update();
        commit(completion());
        assertThat(incompletePublications()).isEqualTo(1);
        asOwner().sql("alter table progress_counted_completion drop constraint refuse_once").update();
        // The recount takes the figures from the records (which hold no such completion
        // here) and marks the outstanding delivery as counted by it.
        progress.reconcile("test");
        long recounted = personTimes();
        incomplete.resubmitIncompletePublications(
                p -> p.getEvent() instanceof TrainingCompleted t && t.enrolmentId() == ENROLMENT);
        assertThat(incompletePublications()).isZero();
        assertThat(personTimes()).isEqualTo(recounted);
    }

}
