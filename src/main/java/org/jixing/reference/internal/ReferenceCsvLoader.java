package org.jixing.reference.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Loads the reference CSV files into their tables. A file's header names the table's
 * columns; values are converted to the column's SQL type and an empty cell is NULL. Files
 * load in dependency order.
 */
final class ReferenceCsvLoader {

    /** File name to table, in the order that satisfies the foreign keys. */
    static final List<String[]> FILES = List.of(new String[] { "plan.csv", "plan" },
            new String[] { "departments.csv", "department" }, new String[] { "regions.csv", "region" },
            new String[] { "action-lines.csv", "action_line" },
            new String[] { "action-line-departments.csv", "action_line_department" },
            new String[] { "sub-targets.csv", "sub_target" }, new String[] { "skill-levels.csv", "skill_level" },
            new String[] { "trainee-groups.csv", "trainee_group" }, new String[] { "occupations.csv", "occupation" });

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .setIgnoreSurroundingSpaces(true)
        .get();

    private ReferenceCsvLoader() {
    }

    static void loadAll(Connection connection, ResourceLoader resources, String location)
            throws SQLException, IOException {
        String base = location.endsWith("/") ? location : location + "/";
        for (String[] file : FILES) {
            Resource resource = resources.getResource(base + file[0]);
            if (!resource.exists()) {
                throw new IllegalStateException("reference file missing: " + base + file[0]);
            }
            try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
                load(connection, file[1], file[0], reader);
            }
        }
    }

    static int load(Connection connection, String table, String fileName, Reader reader)
            throws SQLException, IOException {
        try (CSVParser parser = FORMAT.parse(reader)) {
            List<String> columns = parser.getHeaderNames()
                .stream()
                .map(h -> h.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT))
                .toList();
            int[] types = columnTypes(connection, table, columns);
            String sql = "insert into " + table + " (" + String.join(", ", columns) + ") values ("
                    + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
            int count = 0;
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                for (CSVRecord record : parser) {
                    if (record.size() != columns.size()) {
                        throw new IllegalStateException(fileName + " line " + parser.getCurrentLineNumber()
                                + ": expected " + columns.size() + " fields, found " + record.size());
                    }
                    for (int i = 0; i < columns.size(); i++) {
                        bind(insert, i + 1, types[i], record.get(i), fileName, record.getRecordNumber(),
                                columns.get(i));
                    }
                    insert.addBatch();
                    count++;
                }
                insert.executeBatch();
            }
            return count;
        }
    }

    private static int[] columnTypes(Connection connection, String table, List<String> columns) throws SQLException {
        // Column names come from our own CSV headers; they are checked against the
        // table's metadata.
        List<String> known = new ArrayList<>();
        int[] types = new int[columns.size()];
        try (Statement st = connection.createStatement();
                var rs = st.executeQuery("select * from " + table + " where 1 = 0")) {
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                known.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
            }
            for (int i = 0; i < columns.size(); i++) {
                int index = known.indexOf(columns.get(i));
                if (index < 0) {
                    throw new IllegalStateException("table " + table + " has no column " + columns.get(i));
                }
                types[i] = meta.getColumnType(index + 1);
            }
        }
        return types;
    }

    private static void bind(PreparedStatement insert, int index, int type, String raw, String file, long row,
            String column) throws SQLException {
        if (raw == null || raw.isEmpty()) {
            insert.setNull(index, type);
            return;
        }
        try {
            switch (type) {
                case Types.INTEGER, Types.SMALLINT -> insert.setInt(index, Integer.parseInt(raw));
                case Types.BIGINT -> insert.setLong(index, Long.parseLong(raw));
                case Types.BOOLEAN, Types.BIT -> insert.setBoolean(index, parseBoolean(raw));
                default -> insert.setString(index, raw);
            }
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalStateException(file + " record " + row + ", column " + column + ": " + ex.getMessage(),
                    ex);
        }
    }

    private static boolean parseBoolean(String raw) {
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "是" -> true;
            case "false", "no", "0", "否" -> false;
            default -> throw new IllegalArgumentException("not a boolean: " + raw);
        };
    }

}
