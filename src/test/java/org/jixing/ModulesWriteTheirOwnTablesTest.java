package org.jixing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A module writes only the tables it created: another module's data changes through that
 * module's API or its events. The tables' owners come from the migrations (each module
 * has its own range of versions); the writes from the SQL in each module's sources
 * ({@code insert into}, {@code update}, {@code delete from}, {@code merge into}) and its
 * bulk writes.
 */
class ModulesWriteTheirOwnTablesTest {

    private static final Path SOURCES = Path.of("src/main/java/org/jixing");

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /**
     * The module owning the tables a migration creates, by the migration's major version.
     */
    private static final Map<String, String> OWNER_BY_VERSION = Map.ofEntries(Map.entry("1", "framework"),
            Map.entry("2", "reference"), Map.entry("3", "account"), Map.entry("4", "audit"), Map.entry("5", "provider"),
            Map.entry("6", "training"), Map.entry("7", "person"), Map.entry("9", "demo"), Map.entry("10", "statistics"),
            Map.entry("11", "subsidy"), Map.entry("12", "certification"), Map.entry("13", "enterprise"),
            Map.entry("16", "supervision"), Map.entry("17", "employment"));

    /** Migrations whose tables belong elsewhere than their version says. */
    private static final Map<String, String> OWNER_BY_MIGRATION = Map.of("V3_1__throttle_bucket.sql", "shared",
            "V16_1__inspector_role.sql", "account", "V15_0__counted_completion.sql", "statistics",
            "V16_2__training_supervision_reads.sql", "training", "V17_0__employment_officer_role.sql", "account",
            "V17_1__named_class_type.sql", "training", "V17_3__enrolment_completion_order.sql", "training",
            "V17_10__employment_claim.sql", "subsidy");

    private static final Pattern CREATE_TABLE = Pattern
        .compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");

    private static final Pattern SQL_WRITE = Pattern
        .compile("(?i)\\b(?:insert\\s+into|update|delete\\s+from|merge\\s+into)\\s+([a-z_][a-z0-9_]*)");

    private static final Pattern BULK_WRITE = Pattern.compile("\\bbulk\\w*\\.write\\(\\s*\"([a-z_][a-z0-9_]*)\"");

    @Test
    void eachModuleWritesOnlyItsOwnTables() throws IOException {
        Map<String, String> owners = tableOwners();
        List<String> offences = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(file -> {
                String module = SOURCES.relativize(file).getName(0).toString();
                for (String table : writtenTables(read(file))) {
                    String owner = owners.get(table);
                    if (owner != null && !owner.equals(module)) {
                        offences.add(SOURCES.relativize(file) + " (" + module + ") writes " + table + " of " + owner);
                    }
                }
            });
        }
        assertThat(offences).as("writes into another module's tables").isEmpty();
    }

    @Test
    void everyTableHasAnOwner() throws IOException {
        assertThat(tableOwners()).containsEntry("enrolment_completion_group", "statistics")
            .containsEntry("enrolment", "training")
            .containsEntry("subsidy_claim", "subsidy")
            .containsEntry("throttle_bucket", "shared");
    }

    @Test
    void theScanFindsEachKindOfWrite() {
        assertThat(writtenTables("""
                jdbc.sql("insert into enrolment_completion_group (enrolment_id) values (:e)");
                jdbc.sql("update  progress_rollup set n = n + 1");
                jdbc.sql("DELETE FROM person_group where person_id = :p");
                bulk.write("attendance_event", COLUMNS, rows);
                store.update(row); // not SQL
                """)).containsExactly("enrolment_completion_group", "progress_rollup", "person_group",
                "attendance_event");
    }

    static Set<String> writtenTables(String source) {
        Set<String> tables = new LinkedHashSet<>();
        for (Pattern pattern : List.of(SQL_WRITE, BULK_WRITE)) {
            Matcher m = pattern.matcher(source);
            while (m.find()) {
                tables.add(m.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return tables;
    }

    private static Map<String, String> tableOwners() throws IOException {
        Map<String, String> owners = new HashMap<>();
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("V\\d+_.*\\.sql")).toList()) {
                String name = file.getFileName().toString();
                String version = name.substring(1, name.indexOf('_'));
                Matcher m = CREATE_TABLE.matcher(read(file));
                while (m.find()) {
                    String owner = OWNER_BY_MIGRATION.getOrDefault(name, OWNER_BY_VERSION.get(version));
                    assertThat(owner).as("the module owning the tables of " + name + " (add it above)").isNotNull();
                    owners.put(m.group(1).toLowerCase(Locale.ROOT), owner);
                }
            }
        }
        return owners;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
