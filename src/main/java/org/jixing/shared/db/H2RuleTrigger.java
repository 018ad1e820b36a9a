package org.jixing.shared.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;

import org.h2.tools.TriggerAdapter;

/**
 * Base of the H2 triggers that keep the integrity rules PostgreSQL keeps with PL/pgSQL
 * triggers (docs/integrity.md). H2 runs a trigger in the writing session, so it sees the
 * transaction's own rows; it cannot defer a check to the commit, which is why some rules
 * are kept more narrowly on H2. A refusal is SQLSTATE 23513 (a CHECK violation on H2), so
 * Spring reports it as a DataIntegrityViolationException like the constraint it stands
 * for.
 */
public abstract class H2RuleTrigger extends TriggerAdapter {

    /** The SQLSTATE and error code H2 uses for a violated CHECK constraint. */
    static final int CHECK_VIOLATED = 23513;

    public static SQLException refuse(String rule, String message) {
        return new SQLException(rule + ": " + message, String.valueOf(CHECK_VIOLATED), CHECK_VIOLATED);
    }

    /**
     * The first column of the first row as a long, or {@code otherwise} without a row.
     */
    public static long queryLong(Connection connection, long otherwise, String sql, Object... params)
            throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : otherwise;
            }
        }
    }

    /** The first column of the first row as text, or null without a row. */
    public static String queryString(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Whether a column's value differs between the old and the new row (nulls equal). */
    public static boolean changed(ResultSet oldRow, ResultSet newRow, String... columns) throws SQLException {
        for (String c : columns) {
            if (!Objects.equals(oldRow.getObject(c), newRow.getObject(c))) {
                return true;
            }
        }
        return false;
    }

}
