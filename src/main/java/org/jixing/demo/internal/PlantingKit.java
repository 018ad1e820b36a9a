package org.jixing.demo.internal;

import static org.jixing.demo.internal.DemoProvince.as;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.jixing.demo.PlantingContext;
import org.jixing.provider.BodyKind;
import org.jixing.provider.FiledBody;
import org.jixing.provider.FilingApplication;
import org.jixing.provider.FilingDecision;
import org.jixing.provider.Filings;
import org.jixing.provider.Permit;
import org.jixing.provider.Registry;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.DataScope;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeKind;
import org.jixing.training.CheckIn;
import org.jixing.training.CheckIns;
import org.jixing.training.ClassApplication;
import org.jixing.training.ClassDecision;
import org.jixing.training.ClassOpenings;
import org.jixing.training.ClassType;
import org.jixing.training.DeliveryMode;
import org.jixing.training.Enrolling;
import org.jixing.training.Enrolment;
import org.jixing.training.EnrolmentRequest;
import org.jixing.training.NewProgramme;
import org.jixing.training.PlannedSession;
import org.jixing.training.Programme;
import org.jixing.training.Programmes;
import org.jixing.training.Teachers;
import org.jixing.training.TrainingClass;
import org.springframework.stereotype.Component;

/**
 * What the planted patterns do as the people who would do it: a filed provider with its
 * staff and a teacher, a programme, a class opened and approved, people enrolled, phones
 * checking in. Every step goes through the module's service and its rules.
 */
@Component
class PlantingKit {

    static final String OCCUPATION = "ELDERLY_CARE_WORKER";

    private final Filings filings;

    private final Teachers teachers;

    private final Programmes programmes;

    private final ClassOpenings classes;

    private final Enrolling enrolling;

    private final CheckIns checkIns;

    private final ReferenceCatalogue reference;

    private final Clock clock;

    PlantingKit(Filings filings, Teachers teachers, Programmes programmes, ClassOpenings classes, Enrolling enrolling,
            CheckIns checkIns, ReferenceCatalogue reference, Clock clock) {
        this.filings = filings;
        this.teachers = teachers;
        this.programmes = programmes;
        this.classes = classes;
        this.enrolling = enrolling;
        this.checkIns = checkIns;
        this.reference = reference;
        this.clock = clock;
    }

    /** A filed provider with its staff member and a teacher. */
    record Provider(FiledBody body, CurrentUser staff, long teacher) {
    }

    Clock clock() {
        return clock;
    }

    Provider provider(PlantingContext ctx, String name) {
        String city = ctx.cityCode();
        int k = 1_000_000 + ctx.random().nextInt(8_999_999);
        CurrentUser officer = DemoProvince.officer(reference.region(city).orElseThrow());
        FiledBody body = as(officer, () -> {
            FiledBody applied = filings.apply(Registry.PROVIDER,
                    new FilingApplication(BodyKind.PRIVATE_INSTITUTION, name + k, creditCode(city, k), city,
                            "示范路 " + k + " 号", "张" + k % 100, "李" + k % 100, "0531" + (80000000 + k % 10000000), 200,
                            false, null, List.of(new Permit(OCCUPATION, "JUNIOR"))));
            return filings.decide(Registry.PROVIDER, applied.id(), new FilingDecision.Approve(applied.version(),
                    "PX" + city + "-" + k, ctx.today().minusYears(1), ctx.today().plusYears(2)));
        });
        CurrentUser staff = DemoProvince.user(0, "plant-staff-" + body.id(), Role.PROVIDER_STAFF,
                DataScope.of(ScopeKind.PROVIDER, String.valueOf(body.id())));
        long teacher = as(staff, () -> teachers.register("示范教师" + k % 1000, "TP" + body.id() + "-" + k).id());
        return new Provider(body, staff, teacher);
    }

    private static String creditCode(String city, int k) {
        String first17 = "52" + city + String.format("PF%07d", k % 10_000_000);
        return first17 + org.jixing.shared.UnifiedSocialCreditCode.checkCharacter(first17);
    }

    /** A junior elderly-care programme of so many hours (line L04). */
    Programme programme(PlantingContext ctx, int hours) {
        return as(ctx.admin(),
                () -> programmes.create(new NewProgramme("PLANT-" + ctx.random().nextInt(1_000_000_000), "养老护理员（初级）培训",
                        "Elderly care worker (junior)", OCCUPATION, "JUNIOR", hours, DeliveryMode.IN_PERSON, "L04-1")));
    }

    /** Opens and approves a subsidised class at a place. */
    TrainingClass openClass(Provider p, Programme programme, LocalDate start, LocalDate end, double lat, double lng,
            String address, int capacity, List<PlannedSession> sessions) {
        TrainingClass c = as(p.staff(),
                () -> classes.apply(new ClassApplication(null, programme.id(), ClassType.REGULAR, null, null, true,
                        address, coordinate(lat), coordinate(lng), start, end, capacity, sessions)));
        CurrentUser officer = DemoProvince
            .officer(reference.region(c.regionCode().substring(0, 4) + "00").orElseThrow());
        return as(officer, () -> classes.decide(c.id(), ClassDecision.APPROVE, c.version(), null));
    }

    /**
     * Enrols up to {@code count} adults from the names given, as the provider's staff; a
     * person the rules refuse is skipped, as it would be.
     */
    List<Enrolment> enrol(Provider p, long classId, SyntheticPeople names, int count, LocalDate today) {
        List<Enrolment> out = new ArrayList<>();
        for (int tries = 0; out.size() < count && tries < count * 3; tries++) {
            SyntheticPeople.Person person = names.next();
            if (person.birthDate().isAfter(today.minusYears(18)) || person.birthDate().isBefore(today.minusYears(58))) {
                continue;
            }
            try {
                out.add(as(p.staff(), () -> enrolling.enrol(classId,
                        new EnrolmentRequest(person.idNumber(), person.name(), person.phone(), true))));
            }
            catch (InvalidInputException refused) {
                // Ineligible as a real person could be: the next one.
            }
        }
        return out;
    }

    /** The next adult of working age among the names. */
    static SyntheticPeople.Person adult(SyntheticPeople names, LocalDate today) {
        while (true) {
            SyntheticPeople.Person person = names.next();
            if (person.birthDate().isBefore(today.minusYears(18)) && person.birthDate().isAfter(today.minusYears(58))) {
                return person;
            }
        }
    }

    /** Enrols one person known by ID number. */
    Enrolment enrolPerson(Provider p, long classId, SyntheticPeople.Person person) {
        return as(p.staff(), () -> enrolling.enrol(classId,
                new EnrolmentRequest(person.idNumber(), person.name(), person.phone(), true)));
    }

    /** A check-in from the trainee's own account, on a phone. */
    boolean phoneCheckIn(long personId, String token, long sessionId, java.time.Instant at, String device, double lat,
            double lng, BigDecimal face) {
        CurrentUser trainee = DemoProvince.user(0, "plant-trainee-" + personId, Role.TRAINEE,
                DataScope.of(ScopeKind.PERSON, String.valueOf(personId)));
        return as(trainee,
                () -> checkIns
                    .checkIn(new CheckIn("plant-" + java.util.UUID.randomUUID(), sessionId, null, token, null, at,
                            device, coordinate(lat), coordinate(lng), face))
                    .accepted());
    }

    long firstSession(long classId, CurrentUser staff) {
        return as(staff, () -> classes.sessions(classId).get(0).id());
    }

    static BigDecimal coordinate(double v) {
        return BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_UP);
    }

    /** A face score as phones report it, to four places. */
    static BigDecimal face(Random random) {
        return BigDecimal.valueOf(8600 + random.nextInt(1300), 4);
    }

}
