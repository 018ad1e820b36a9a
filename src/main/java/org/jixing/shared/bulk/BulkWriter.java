package org.jixing.shared.bulk;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.stereotype.Component;

/**
 * The one way modules write many rows at once: PostgreSQL's {@code COPY ... FROM STDIN}
 * on PostgreSQL, JDBC batches of prepared inserts elsewhere (H2). Rows go into the
 * caller's transaction, so a failure anywhere leaves nothing written. Generated columns
 * (identities, defaults) are left to the database; callers that need the new ids read
 * them back by a natural key.
 */
@Component
public class BulkWriter {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private static final int BATCH = 1_000;

    private static final int COPY_BUFFER = 1 << 16;

    private static final int ANALYZE_AFTER = 10_000;

    private final DataSource dataSource;

    /** Rows written into each table since this writer last analysed it. */
    private final Map<String, Growth> sinceAnalyze = new ConcurrentHashMap<>();

    /** A table's growth since its last statistics, and how much calls for new ones. */
    private static final class Growth {

        private long rows;

        private long threshold = ANALYZE_AFTER;

        /** Counts rows written; true when the table is due for statistics. */
        synchronized boolean add(long written) {
            rows += written;
            if (rows < threshold) {
                return false;
            }
            rows = 0;
            return true;
        }

        synchronized void analysed(long tableRows) {
            threshold = Math.max(ANALYZE_AFTER, tableRows / 4);
        }

    }

    private final SQLErrorCodeSQLExceptionTranslator translator;

    public BulkWriter(DataSource dataSource) {
        this.dataSource = dataSource;
        this.translator = new SQLErrorCodeSQLExceptionTranslator(dataSource);
    }

    /**
     * Writes the rows, each an array of values in the order of {@code columns}, and
     * returns how many were written. Values may be null, strings, numbers, booleans,
     * {@link LocalDate}, {@link LocalDateTime}, {@link Instant} or
     * {@link OffsetDateTime}.
     */
    public long write(String table, List<String> columns, Iterable<Object[]> rows) {
        check(table);
        columns.forEach(BulkWriter::check);
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            if (connection.isWrapperFor(PGConnection.class)) {
                long written = copy(connection.unwrap(PGConnection.class), table, columns, rows);
                // A table that grew by a quarter (and at least 10,000 rows) since its
                // last
                // statistics gets fresh ones, whether in one write or over several (an
                // import's chunks); otherwise the planner keeps treating it as small and
                // scans it for key lookups.
                Growth growth = sinceAnalyze.computeIfAbsent(table, t -> new Growth());
                if (growth.add(written)) {
                    try (var analyze = connection.createStatement()) {
                        // Through the owner's function: the application's role owns no
                        // table, and only an owner may analyse one (V4_2).
                        analyze.execute("select jixing_analyze('" + table + "')");
                        try (var rs = analyze.executeQuery(
                                "select reltuples::bigint from pg_class where oid = to_regclass('" + table + "')")) {
                            growth.analysed(rs.next() ? rs.getLong(1) : 0);
                        }
                    }
                }
                return written;
            }
            return batch(connection, table, columns, rows);
        }
        catch (SQLException ex) {
            var translated = translator.translate("bulk write into " + table, null, ex);
            throw translated != null ? translated : new UncategorizedSQLException("bulk write into " + table, null, ex);
        }
        finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static long copy(PGConnection connection, String table, List<String> columns, Iterable<Object[]> rows)
            throws SQLException {
        String sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN WITH (FORMAT csv)";
        CopyIn in = connection.getCopyAPI().copyIn(sql);
        long written = 0;
        try {
            StringBuilder line = new StringBuilder(COPY_BUFFER + 1024);
            for (Object[] row : rows) {
                if (row.length != columns.size()) {
                    throw new IllegalArgumentException(
                            table + ": a row has " + row.length + " values for " + columns.size() + " columns");
                }
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) {
                        line.append(',');
                    }
                    csv(line, row[i]);
                }
                line.append('\n');
                written++;
                if (line.length() >= COPY_BUFFER) {
                    flush(in, line);
                }
            }
            flush(in, line);
            in.endCopy();
            return written;
        }
        finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private static void flush(CopyIn in, StringBuilder line) throws SQLException {
        if (line.length() > 0) {
            byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(bytes, 0, bytes.length);
            line.setLength(0);
        }
    }

    /**
     * One value in PostgreSQL's CSV format: an unquoted empty field is NULL, so every
     * string is quoted and its quotes doubled.
     */
    static void csv(StringBuilder out, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof String s) {
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"') {
                    out.append('"');
                }
                out.append(c);
            }
            out.append('"');
        }
        else if (value instanceof Boolean b) {
            out.append(b ? 't' : 'f');
        }
        else if (value instanceof BigDecimal d) {
            out.append(d.toPlainString());
        }
        else if (value instanceof Number || value instanceof LocalDate || value instanceof LocalDateTime
                || value instanceof Instant || value instanceof OffsetDateTime) {
            out.append(value);
        }
        else {
            throw new IllegalArgumentException("cannot bulk-write a " + value.getClass().getName());
        }
    }

    private static long batch(Connection connection, String table, List<String> columns, Iterable<Object[]> rows)
            throws SQLException {
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        long written = 0;
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            int pending = 0;
            for (Object[] row : rows) {
                if (row.length != columns.size()) {
                    throw new IllegalArgumentException(
                            table + ": a row has " + row.length + " values for " + columns.size() + " columns");
                }
                for (int i = 0; i < row.length; i++) {
                    insert.setObject(i + 1, jdbc(row[i]));
                }
                insert.addBatch();
                written++;
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
        return written;
    }

    private static Object jdbc(Object value) {
        if (value instanceof Instant i) {
            return Timestamp.from(i);
        }
        return value;
    }

    private static void check(String identifier) {
        if (!IDENTIFIER.matcher(identifier).matches()) {
            throw new IllegalArgumentException("not a plain SQL identifier: " + identifier);
        }
    }

}
