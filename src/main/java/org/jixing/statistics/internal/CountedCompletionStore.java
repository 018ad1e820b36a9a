package org.jixing.statistics.internal;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The completions the figures have counted (progress_counted_completion), by enrolment: a
 * completion delivered again (an event publication resubmitted at start, by any node)
 * finds its row and is not counted twice.
 */
@Repository
public class CountedCompletionStore {

    private final JdbcClient jdbc;

    private final TransactionTemplate savepoint;

    CountedCompletionStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        // A row another delivery wrote a moment ago rolls back to its savepoint only.
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * Marks a completion counted unless it is already; true when this call marked it (so
     * exactly one delivery adds it to the figures).
     */
    public boolean count(long enrolmentId) {
        try {
            return Boolean.TRUE.equals(savepoint
                .execute(status -> jdbc.sql("insert into progress_counted_completion (enrolment_id) values (:e)")
                    .param("e", enrolmentId)
                    .update() == 1));
        }
        catch (DuplicateKeyException ex) {
            return false;
        }
    }

}
