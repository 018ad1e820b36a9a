package org.jixing.supervision.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Numbers a row from its generated key in the same transaction: the insert leaves the
 * number empty, then it becomes the prefix and the id in eight digits (YJ00000042).
 */
final class RecordNumbers {

    private RecordNumbers() {
    }

    /** Runs the insert (which names no number) and numbers the new row; its id. */
    static long insert(JdbcClient jdbc, JdbcClient.StatementSpec insert, String table, String numberColumn,
            String prefix) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        insert.update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        jdbc.sql("update " + table + " set " + numberColumn + " = :no where id = :id")
            .param("no", prefix + String.format("%08d", id))
            .param("id", id)
            .update();
        return id;
    }

}
