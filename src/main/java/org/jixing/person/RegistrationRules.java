package org.jixing.person;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.ResidentIdNumbers;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.Role;

/**
 * What a registration and a group membership must satisfy before the registry records
 * them, decided without the database: a valid resident ID number, a name, a mainland
 * mobile number, a city or county the registrar's scope covers (provider staff register
 * in the region of the class they enrol in); a known group with its evidence and a
 * validity that does not end before it starts.
 */
final class RegistrationRules {

    static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    static final Pattern NAME = Pattern.compile("[\\p{IsHan}\\p{L}·.\\- ]{1,60}");

    private RegistrationRules() {
    }

    /** What is wrong with an ID number as typed, on a day (a birth date after it is). */
    static Optional<Problem> idNumberProblem(String field, String raw, LocalDate today) {
        return ResidentIdNumbers.check(raw, today)
            .map(p -> new Problem(field, "person.error.idNumber." + p.name().toLowerCase(Locale.ROOT)));
    }

    /**
     * What is wrong with a registration by a registrar; {@code registrable} says whether
     * a region code is a city or county people are registered in.
     */
    static List<Problem> problems(NewPerson p, CurrentUser registrar, LocalDate today, Predicate<String> registrable) {
        List<Problem> problems = new ArrayList<>();
        idNumberProblem("idNumber", p.idNumber(), today).ifPresent(problems::add);
        if (p.name() == null || !NAME.matcher(p.name().strip()).matches()) {
            problems.add(new Problem("name", "person.error.name"));
        }
        String phone = p.phone() == null || p.phone().isBlank() ? null : p.phone().strip();
        if (phone == null) {
            problems.add(new Problem("phone", "person.error.required"));
        }
        else if (!MOBILE.matcher(phone).matches()) {
            problems.add(new Problem("phone", "person.error.phone"));
        }
        if (p.regionCode() == null || !registrable.test(p.regionCode())) {
            problems.add(new Problem("regionCode", "person.error.region"));
        }
        else if (registrar.role() != Role.PROVIDER_STAFF && !registrar.scope().coversRegion(p.regionCode())) {
            problems.add(new Problem("regionCode", "person.error.region.outOfScope"));
        }
        return problems;
    }

    /**
     * What is wrong with a group membership; {@code knownGroup} says whether a group code
     * is one.
     */
    static List<Problem> membershipProblems(String groupCode, String evidence, LocalDate validFrom,
            LocalDate validUntil, Predicate<String> knownGroup) {
        List<Problem> problems = new ArrayList<>();
        if (groupCode == null || !knownGroup.test(groupCode)) {
            problems.add(new Problem("groupCode", "person.error.group"));
        }
        if (evidence == null || evidence.isBlank() || evidence.strip().length() > 300) {
            problems.add(new Problem("evidence", "person.error.evidence"));
        }
        if (validFrom == null) {
            problems.add(new Problem("validFrom", "person.error.required"));
        }
        else if (validUntil != null && validUntil.isBefore(validFrom)) {
            problems.add(new Problem("validUntil", "person.error.validUntil"));
        }
        return problems;
    }

}
