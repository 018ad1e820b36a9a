package org.jixing.demo.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.jixing.person.NewPerson;
import org.jixing.person.People;
import org.jixing.provider.BodyKind;
import org.jixing.provider.FiledBody;
import org.jixing.provider.FilingApplication;
import org.jixing.provider.Filings;
import org.jixing.provider.Permit;
import org.jixing.provider.Registry;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.reference.Region;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.ResidentIdNumbers;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.DataScope;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeKind;
import org.springframework.stereotype.Component;

/**
 * What the planted patterns over money, certificates and people share: new filed bodies
 * (brought over as past filings, approved a year ago), their staff or evaluators, and new
 * trainees, all through the modules' services and drawn from the planting's seeded random
 * source.
 */
@Component
class MoneyPlantingKit {

    private final Filings filings;

    private final People people;

    private final ReferenceCatalogue reference;

    MoneyPlantingKit(Filings filings, People people, ReferenceCatalogue reference) {
        this.filings = filings;
        this.people = people;
        this.reference = reference;
    }

    /** A body filed a year before {@code today}, active, with one permit. */
    FiledBody body(CurrentUser admin, Registry registry, BodyKind kind, String cityCode, String name, Permit permit,
            LocalDate today, Random random) {
        Region city = reference.region(cityCode).orElseThrow();
        Instant applied = today.minusYears(1).minusDays(10).atTime(9, 0).atZone(DemoProvince.CHINA).toInstant();
        Instant approved = today.minusYears(1).minusDays(1).atTime(16, 0).atZone(DemoProvince.CHINA).toInstant();
        InvalidInputException last = null;
        for (int attempt = 0; attempt < 8; attempt++) {
            int k = 5_000_000 + random.nextInt(4_999_999);
            try {
                return DemoProvince.as(admin, () -> filings.recordPast(registry,
                        new FilingApplication(kind, city.nameZh() + name + k % 10_000, DemoProvince.creditCode(city, k),
                                city.code(), city.nameZh() + "新城路 " + k % 1000 + " 号", "赵" + GIVEN[k % GIVEN.length],
                                "钱" + GIVEN[(k / 7) % GIVEN.length], String.format("0531%08d", k), 60, false, null,
                                List.of(permit)),
                        (registry == Registry.PROVIDER ? "PZ" : "PJ") + city.code() + "-" + k, today.minusYears(1),
                        today.plusYears(3), applied, approved));
            }
            catch (InvalidInputException taken) {
                last = taken;
            }
        }
        throw last;
    }

    static final String[] GIVEN = { "明", "华", "强", "敏", "静", "磊", "涛", "霞", "军", "丽" };

    /** A provider's staff member, as the services see them. */
    static CurrentUser staff(FiledBody provider) {
        return DemoProvince.user(0, "planted-staff-" + provider.id(), Role.PROVIDER_STAFF,
                DataScope.of(ScopeKind.PROVIDER, String.valueOf(provider.id())));
    }

    /** An evaluation body's evaluator. */
    static CurrentUser evaluator(FiledBody body) {
        return DemoProvince.user(0, "planted-evaluator-" + body.id(), Role.EVALUATOR,
                DataScope.of(ScopeKind.EVALUATION_BODY, String.valueOf(body.id())));
    }

    /**
     * {@code count} people registered in a city, adults born 1975 to 1999, each with a
     * phone of their own (prefix 198, which the demo's trainees do not use); somebody the
     * registry already holds by that number keeps their record.
     */
    List<Long> people(CurrentUser admin, String cityCode, int count, Random random) {
        List<NewPerson> rows = new ArrayList<>();
        Set<String> numbers = new LinkedHashSet<>();
        int city = Integer.parseInt(cityCode.substring(2, 4));
        while (rows.size() < count) {
            LocalDate birth = LocalDate.of(1975, 1, 1).plusDays(random.nextInt(365 * 25));
            String first17 = String.format("3799%02d%s%03d", Math.max(1, Math.min(16, city)),
                    birth.format(DateTimeFormatter.BASIC_ISO_DATE), random.nextInt(1000));
            String id = first17 + ResidentIdNumbers.checkCharacter(first17);
            if (numbers.add(id)) {
                rows.add(new NewPerson(id,
                        SyntheticPeople.SURNAMES[random.nextInt(SyntheticPeople.SURNAMES.length)]
                                + SyntheticPeople.GIVEN[random.nextInt(SyntheticPeople.GIVEN.length)],
                        String.format("198%08d", random.nextInt(100_000_000)), cityCode));
            }
        }
        People.BulkRegistration r = DemoProvince.as(admin, () -> people.registerAll(rows));
        List<Long> ids = new ArrayList<>();
        for (String number : numbers) {
            Long id = r.ids().get(number);
            if (id != null && !ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

}
