package org.jixing.statistics.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jixing.shared.bulk.BulkWriter;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The trainee groups counted for each completion (enrolment_completion_group): the groups
 * its trainee held on the class's first day, as far as the registry has shown them so
 * far. The figures by trainee group add up these rows; the class list finds the classes
 * behind a group's figure by them.
 */
@Repository
public class CompletionGroupStore {

    private static final List<String> COLUMNS = List.of("enrolment_id", "group_code");

    private final JdbcClient jdbc;

    private final BulkWriter bulk;

    private final TransactionTemplate savepoint;

    CompletionGroupStore(JdbcClient jdbc, BulkWriter bulk, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.bulk = bulk;
        // A row another listener wrote a moment ago rolls back to its savepoint only.
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * Counts a group for a completion unless it is counted already; true when this call
     * counted it (so exactly one caller adds it to the figures).
     */
    public boolean count(long enrolmentId, String groupCode) {
        try {
            return Boolean.TRUE.equals(savepoint.execute(status -> jdbc
                .sql("insert into enrolment_completion_group (enrolment_id, group_code) values (:e, :g)")
                .param("e", enrolmentId)
                .param("g", groupCode)
                .update() == 1));
        }
        catch (DuplicateKeyException ex) {
            return false;
        }
    }

    /** Stops counting a group for a completion; true when this call removed it. */
    public boolean uncount(long enrolmentId, String groupCode) {
        return jdbc.sql("delete from enrolment_completion_group where enrolment_id = :e and group_code = :g")
            .param("e", enrolmentId)
            .param("g", groupCode)
            .update() == 1;
    }

    /** The groups counted for each of these completions, in chunks of a thousand. */
    public Map<Long, Set<String>> counted(Collection<Long> enrolmentIds) {
        Map<Long, Set<String>> out = new HashMap<>();
        List<Long> all = List.copyOf(enrolmentIds);
        for (int from = 0; from < all.size(); from += 1000) {
            jdbc.sql("select enrolment_id, group_code from enrolment_completion_group where enrolment_id = any(:e)")
                .param("e", all.subList(from, Math.min(all.size(), from + 1000)).toArray(Long[]::new))
                .query((rs, n) -> out.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2)))
                .list();
        }
        return out;
    }

    /** How many groups are counted in all. */
    public long rows() {
        return jdbc.sql("select count(*) from enrolment_completion_group").query(Long.class).single();
    }

    /** Forgets every counted group, before they are written again from a recount. */
    public void clear() {
        jdbc.sql("delete from enrolment_completion_group").update();
    }

    /** A trainee group counted for a completed enrolment. */
    public record CountedGroup(long enrolmentId, String groupCode) {
    }

    /** Writes counted groups. */
    public void write(List<CountedGroup> rows) {
        bulk.write("enrolment_completion_group", COLUMNS,
                rows.stream().map(r -> new Object[] { r.enrolmentId(), r.groupCode() }).toList());
    }

}
