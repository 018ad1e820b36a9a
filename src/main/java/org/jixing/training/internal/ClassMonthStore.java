package org.jixing.training.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.jixing.shared.scope.ScopeSql;
import org.jixing.training.TrainingClass;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the classes holding sessions in a period (supervision's inspection sample). */
@Repository
public class ClassMonthStore {

    private final JdbcClient jdbc;

    ClassMonthStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Approved or running classes whose region code starts with the prefix and which have
     * a session starting from {@code from} and before {@code until}, in the scope given,
     * ordered by id.
     */
    public List<TrainingClass> inSession(String regionPrefix, Instant from, Instant until, ScopeSql.Clause scope) {
        return jdbc
            .sql("select " + ClassStore.COLUMNS + " from training_class c where c.region_code like :prefix "
                    + "and c.status in ('APPROVED', 'RUNNING') and exists (select 1 from class_session s "
                    + "where s.class_id = c.id and s.starts_at >= :from and s.starts_at < :until) and " + scope.sql()
                    + " order by c.id")
            .param("prefix", regionPrefix + "%")
            .param("from", Timestamp.from(from))
            .param("until", Timestamp.from(until))
            .params(scope.params())
            .query(ClassStore::map)
            .list();
    }

}
