package org.jixing.demo.internal;

import static org.jixing.demo.internal.DemoProvince.KINDS;
import static org.jixing.demo.internal.DemoProvince.PROGRAMMES;
import static org.jixing.demo.internal.DemoProvince.as;
import static org.jixing.demo.internal.DemoProvince.creditCode;
import static org.jixing.demo.internal.DemoProvince.officer;
import static org.jixing.demo.internal.DemoProvince.user;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jixing.demo.internal.DemoProvince.Provider;
import org.jixing.provider.BodyKind;
import org.jixing.provider.FiledBody;
import org.jixing.provider.FilingApplication;
import org.jixing.provider.FilingDecision;
import org.jixing.provider.Filings;
import org.jixing.provider.Permit;
import org.jixing.provider.Registry;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.reference.Region;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.DataScope;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeKind;
import org.jixing.training.DeliveryMode;
import org.jixing.training.NewProgramme;
import org.jixing.training.Programme;
import org.jixing.training.Programmes;
import org.jixing.training.Teachers;
import org.springframework.stereotype.Component;

/**
 * The demo's bodies: a programme for every action line, two filed providers in each of
 * the 16 cities with a teacher each, and an evaluation body in 济南, each filed and
 * approved by the city officer as the filing rules require.
 */
@Component
class DemoProviders {

    /**
     * The programmes, the providers with their staff and teacher, the evaluation body.
     */
    record Bodies(List<Programme> programmes, List<Provider> providers, FiledBody evaluationBody) {
    }

    private final ReferenceCatalogue reference;

    private final Programmes programmes;

    private final Filings filings;

    private final Teachers teachers;

    DemoProviders(ReferenceCatalogue reference, Programmes programmes, Filings filings, Teachers teachers) {
        this.reference = reference;
        this.programmes = programmes;
        this.filings = filings;
        this.teachers = teachers;
    }

    Bodies create(LocalDate today, CurrentUser admin) {
        List<Programme> demoProgrammes = as(admin, () -> {
            List<Programme> list = new ArrayList<>();
            for (String[] p : PROGRAMMES) {
                var occupation = reference.occupation(p[1]).orElseThrow();
                list.add(programmes.create(new NewProgramme("DEMO-" + p[0], occupation.nameZh() + "（初级）培训",
                        occupation.nameEn() + " (junior)", p[1], "JUNIOR", 24, DeliveryMode.IN_PERSON, p[2])));
            }
            return list;
        });
        List<Permit> permits = demoProgrammes.stream().map(p -> new Permit(p.occupationCode(), "JUNIOR")).toList();

        List<Provider> providers = new ArrayList<>();
        SyntheticPeople names = new SyntheticPeople(DemoSeeder.SEED, Long.MAX_VALUE);
        int n = 0;
        for (Region city : reference.cities()) {
            CurrentUser officer = officer(city);
            for (int i = 0; i < 2; i++) {
                n++;
                int k = n;
                FiledBody body = as(officer, () -> {
                    FiledBody applied = filings.apply(Registry.PROVIDER, new FilingApplication(KINDS[k % KINDS.length],
                            city.nameZh() + (k % 2 == 1 ? "技能培训学校" : "职业技能培训中心"), creditCode(city, k), city.code(),
                            city.nameZh() + "示范路 " + k + " 号", names.next().name(), names.next().name(),
                            "0531" + String.format("%08d", 80000000 + k), 60, k % 5 == 0, null, permits));
                    return filings.decide(Registry.PROVIDER, applied.id(), new FilingDecision.Approve(applied.version(),
                            "PX" + city.code() + "-" + k, today.minusYears(1), today.plusYears(2)));
                });
                CurrentUser staff = user(0, "demo-staff-" + body.id(), Role.PROVIDER_STAFF,
                        DataScope.of(ScopeKind.PROVIDER, String.valueOf(body.id())));
                SyntheticPeople.Person person = names.next();
                long teacher = as(staff,
                        () -> teachers.register(person.name(), "T" + city.code() + k, person.idNumber()).id());
                providers.add(new Provider(body, staff, teacher));
            }
        }
        Region jinan = reference.region("370100").orElseThrow();
        FiledBody evaluationBody = as(officer(jinan), () -> {
            FiledBody applied = filings.apply(Registry.EVALUATION_BODY,
                    new FilingApplication(BodyKind.SOCIAL_EVALUATION_ORGANISATION, "济南职业技能等级认定中心",
                            creditCode(jinan, 99), "370100", "济南市历下区示范路 99 号", "王评", "李评", "053188880099", 200, false,
                            false, permits));
            return filings.decide(Registry.EVALUATION_BODY, applied.id(), new FilingDecision.Approve(applied.version(),
                    "PJ370100-1", today.minusYears(1), today.plusYears(3)));
        });
        return new Bodies(demoProgrammes, providers, evaluationBody);
    }

}
