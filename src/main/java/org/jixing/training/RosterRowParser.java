package org.jixing.training;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

import org.jixing.person.Person;
import org.jixing.reference.TraineeGroup;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.ResidentIdNumbers;
import org.jixing.shared.tabular.TableRow;

/**
 * Reads the rows of one import file as the people they name: the cells a row must have
 * (no formulas), an ID number the registry accepts and that no earlier row of the file
 * gave, and the trainee groups by code or by name. What the registry and the rules say of
 * the people is for the chunk that takes them.
 */
final class RosterRowParser {

    /** A row read without problems: the person it names, and who that is when known. */
    record Candidate(TableRow row, String idNumber, String name, String phone, Set<String> groups, Person known) {

        Candidate as(Person person, Set<String> groups) {
            return new Candidate(row, idNumber, name, phone, groups, person);
        }

    }

    /** A row read: the candidate, or the problems that keep it out. */
    record Parsed(Candidate candidate, List<Problem> problems) {

        boolean valid() {
            return problems.isEmpty();
        }

    }

    private static final Pattern GROUP_SEPARATORS = Pattern.compile("[、,，;；/|\\s]+");

    private final RosterColumns columns;

    private final BiFunction<String, String, Optional<Problem>> idNumberCheck;

    /** Each ID number seen in the file with the row it was first seen on. */
    private final Map<String, Integer> seen = new HashMap<>();

    private final Map<String, String> groupsByName = new HashMap<>();

    /**
     * @param idNumberCheck the registry's check of an ID number (field, number) → problem
     */
    RosterRowParser(RosterColumns columns, List<TraineeGroup> groups,
            BiFunction<String, String, Optional<Problem>> idNumberCheck) {
        this.columns = columns;
        this.idNumberCheck = idNumberCheck;
        for (TraineeGroup g : groups) {
            this.groupsByName.put(g.code().toLowerCase(Locale.ROOT), g.code());
            this.groupsByName.put(g.nameZh(), g.code());
            this.groupsByName.put(g.nameEn().toLowerCase(Locale.ROOT), g.code());
        }
    }

    /** Notes the ID number of a row an earlier run already took, for the duplicates. */
    void skip(TableRow row) {
        seen.putIfAbsent(ResidentIdNumbers.normalize(row.cell(columns.idNumber())), row.number());
    }

    Parsed parse(TableRow row) {
        List<Problem> found = new ArrayList<>();
        String id = cell(row, columns.idNumber(), "idNumber", found);
        String name = cell(row, columns.name(), "name", found);
        String phone = cell(row, columns.phone(), "phone", found);
        String groupText = columns.groups() < 0 ? "" : cell(row, columns.groups(), "groups", found);
        String normal = ResidentIdNumbers.normalize(id);
        if (!found.stream().anyMatch(p -> "idNumber".equals(p.field()))) {
            if (normal.matches("\\d(\\.\\d+)?E\\+?\\d+")) {
                found.add(new Problem("idNumber", "training.import.error.idAsNumber"));
            }
            else {
                idNumberCheck.apply("idNumber", normal).ifPresent(found::add);
            }
        }
        if (found.isEmpty()) {
            Integer first = seen.putIfAbsent(normal, row.number());
            if (first != null && first != row.number()) {
                found.add(new Problem("idNumber", "training.import.error.duplicate", first));
            }
        }
        Set<String> groups = new LinkedHashSet<>();
        if (!groupText.isBlank()) {
            for (String token : GROUP_SEPARATORS.split(groupText)) {
                if (token.isBlank()) {
                    continue;
                }
                String code = groupsByName.get(token.toLowerCase(Locale.ROOT));
                if (code == null) {
                    code = groupsByName.get(token);
                }
                if (code == null) {
                    found.add(new Problem("groups", "training.import.error.group", token));
                }
                else {
                    groups.add(code);
                }
            }
        }
        if (!found.isEmpty()) {
            return new Parsed(null, found);
        }
        return new Parsed(new Candidate(row, normal, name, phone, groups, null), List.of());
    }

    /** A cell's text; one that holds or starts a formula is refused with the reason. */
    private static String cell(TableRow row, int column, String field, List<Problem> problems) {
        String text = row.cell(column);
        if (row.isFormula(column)) {
            problems.add(new Problem(field, "training.import.error.formula"));
            return "";
        }
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            problems.add(new Problem(field, "training.import.error.formulaText", text.substring(0, 1)));
            return "";
        }
        if (text.isEmpty() && !"groups".equals(field)) {
            problems.add(new Problem(field, "training.import.error.required"));
        }
        return text;
    }

}
