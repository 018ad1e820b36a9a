package org.jixing.demo.internal;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jixing.person.NewPerson;
import org.jixing.person.People;
import org.jixing.provider.BodyKind;
import org.jixing.provider.FiledBody;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.reference.Region;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.UnifiedSocialCreditCode;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.DataScope;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.RunAs;
import org.jixing.training.AttendanceKind;
import org.jixing.training.ClassApplication;
import org.jixing.training.ClassDecision;
import org.jixing.training.ClassOpenings;
import org.jixing.training.ClassType;
import org.jixing.training.Enrolling;
import org.jixing.training.Enrolment;
import org.jixing.training.EnrolmentRequest;
import org.jixing.training.PlannedSession;
import org.jixing.training.Programme;
import org.jixing.training.TrainingClass;
import org.jixing.training.TrainingHistory;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Builds the living part of the demo province through the modules' own services, as the
 * people who would do it, so every rule and audit entry applies: the programmes,
 * providers and evaluation body ({@link DemoProviders}), in every line an approved class
 * with synthetic trainees enrolled, and a completed class ready to claim; then the demo
 * accounts are pointed at the first of their kind ({@link DemoAccountScopes}).
 */
@Component
class DemoProvince {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** The occupation each line's demo programme teaches, and its sub-target. */
    static final String[][] PROGRAMMES = { { "L01", "AI_TRAINER", "L01-1" }, { "L02", "AGRI_TECHNICIAN", "L02-3" },
            { "L03", "CHINESE_COOK", "L03-3" }, { "L04", "ELDERLY_CARE_WORKER", "L04-1" },
            { "L05", "PROGRAMMER", "L05-1" }, { "L06", "SEWING_WORKER", "L06-1" }, { "L07", "WELDER", "L07-1" },
            { "L08", "PRESCHOOL_TEACHER_ASSISTANT", "L08-1" }, { "L09", "PLC_DESIGNER", "L09-1" },
            { "L10", "START_YOUR_BUSINESS", "L10-1" } };

    static final Map<String, String> GROUPS = Map.of("L02", "RURAL_MIGRANT", "L05", "STUDENT_GRADUATE", "L06",
            "REGISTERED_UNEMPLOYED");

    static final BodyKind[] KINDS = { BodyKind.PRIVATE_INSTITUTION, BodyKind.TECHNICAL_COLLEGE,
            BodyKind.VOCATIONAL_COLLEGE, BodyKind.ENTERPRISE, BodyKind.PUBLIC_TRAINING_BASE };

    private final ReferenceCatalogue reference;

    private final DemoProviders providerBodies;

    private final DemoAccountScopes demoAccounts;

    private final ClassOpenings classes;

    private final Enrolling enrolling;

    private final People people;

    private final TrainingHistory history;

    DemoProvince(ReferenceCatalogue reference, DemoProviders providerBodies, DemoAccountScopes demoAccounts,
            ClassOpenings classes, Enrolling enrolling, People people, TrainingHistory history) {
        this.reference = reference;
        this.providerBodies = providerBodies;
        this.demoAccounts = demoAccounts;
        this.classes = classes;
        this.enrolling = enrolling;
        this.people = people;
        this.history = history;
    }

    record Provider(FiledBody body, CurrentUser staff, long teacher) {
    }

    /** The demo's province administrator, who records what the province does. */
    CurrentUser admin() {
        return demoAccounts.admin();
    }

    void generate(LocalDate today, int traineesPerClass) {
        CurrentUser admin = admin();
        DemoProviders.Bodies bodies = providerBodies.create(today, admin);
        List<Programme> demoProgrammes = bodies.programmes();
        List<Provider> providers = bodies.providers();

        // A class in every line, spread over the cities, starting in the coming weeks.
        LocalDate monday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        SyntheticPeople trainees = new SyntheticPeople(DemoSeeder.SEED + 1, Long.MAX_VALUE);
        Long firstPerson = null;
        for (int i = 0; i < demoProgrammes.size(); i++) {
            Programme programme = demoProgrammes.get(i);
            Provider p = providers.get((i * 3) % providers.size());
            LocalDate start = monday.plusWeeks(i % 3);
            TrainingClass c = as(p.staff(), () -> classes.apply(new ClassApplication(null, programme.id(),
                    programme.lineCode().equals("L07") ? ClassType.ORDER : ClassType.REGULAR,
                    programme.lineCode().equals("L07") ? "山东示范重工有限公司" : null,
                    programme.lineCode().equals("L07")
                            ? "91370100MA3C00007" + UnifiedSocialCreditCode.checkCharacter("91370100MA3C00007") : null,
                    true, p.body().address(), new BigDecimal("36.651"), new BigDecimal("117.120"), start,
                    start.plusDays(11), 40, sessions(start, p.teacher()))));
            CurrentUser officer = officer(reference.region(c.regionCode()).orElseThrow());
            TrainingClass approved = as(officer,
                    () -> classes.decide(c.id(), ClassDecision.APPROVE, c.version(), null));
            for (int t = 0; t < traineesPerClass; t++) {
                SyntheticPeople.Person person = trainees.next();
                String group = GROUPS.get(programme.lineCode());
                try {
                    if (group != null) {
                        // Lines for particular groups get people of those groups.
                        as(p.staff(),
                                () -> people.addGroup(
                                        people
                                            .register(new NewPerson(person.idNumber(), person.name(), person.phone(),
                                                    approved.regionCode()))
                                            .id(),
                                        group,
                                        "示范数据：" + reference.traineeGroups()
                                            .stream()
                                            .filter(g -> g.code().equals(group))
                                            .findFirst()
                                            .orElseThrow()
                                            .nameZh() + "证明",
                                        today.minusYears(1), null));
                    }
                    Enrolment e = as(p.staff(), () -> enrolling.enrol(approved.id(),
                            new EnrolmentRequest(person.idNumber(), person.name(), person.phone(), true)));
                    if (firstPerson == null) {
                        firstPerson = e.personId();
                    }
                }
                catch (InvalidInputException ex) {
                    // A synthetic person under 16 or a rare duplicate: the rules said no,
                    // as
                    // they would for a real one.
                }
            }
        }

        long jinanProvider = providers.get(0).body().id();
        completedClassToClaim(today, admin, providers.get(0), demoProgrammes.get(3), trainees);
        demoAccounts.pointAtTheirFirst(admin, jinanProvider, bodies.evaluationBody().id(), firstPerson);
    }

    /**
     * A class of the demo provider that ended last week and is not claimed yet, so
     * whoever signs in as {@code provider} can file a claim and see its amounts
     * explained: twelve trainees, a veteran among them, and one who missed most sessions
     * (left out as not completed).
     */
    private void completedClassToClaim(LocalDate today, CurrentUser admin, Provider p, Programme programme,
            SyntheticPeople names) {
        LocalDate start = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(3);
        List<PlannedSession> sessions = sessions(start, p.teacher());
        List<NewPerson> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            SyntheticPeople.Person person = names.next();
            if (Integer.parseInt(person.idNumber().substring(6, 10)) > today.getYear() - 18) {
                i--;
                continue;
            }
            rows.add(new NewPerson(person.idNumber(), person.name(), person.phone(), "370100"));
        }
        try {
            as(admin, () -> {
                var registered = people.registerAll(rows);
                List<Long> ids = rows.stream().map(r -> registered.ids().get(r.idNumber())).toList();
                people.addGroups(List
                    .of(new People.NewMembership(ids.get(0), "VETERAN", "示范数据：退役证", start.minusYears(2), null)));
                List<TrainingHistory.PastTrainee> trainees = new ArrayList<>();
                for (int i = 0; i < ids.size(); i++) {
                    int attended = i == ids.size() - 1 ? 4 : sessions.size();
                    List<TrainingHistory.PastCheckIn> events = new ArrayList<>();
                    // Each trainee's own face, matched with a score of its own.
                    BigDecimal face = new BigDecimal("0.9" + (31 + 5 * i));
                    for (int s = 0; s < attended; s++) {
                        PlannedSession session = sessions.get(s);
                        events.add(new TrainingHistory.PastCheckIn(s + 1, AttendanceKind.CHECK_IN,
                                session.startsAt().minusMinutes(6 + i % 5), new BigDecimal("36.651"),
                                new BigDecimal("117.120"), face, "T-DEMO-1"));
                        events.add(new TrainingHistory.PastCheckIn(s + 1, AttendanceKind.CHECK_OUT,
                                session.endsAt().plusMinutes(3 + i % 4), new BigDecimal("36.651"),
                                new BigDecimal("117.120"), face, "T-DEMO-1"));
                    }
                    trainees.add(new TrainingHistory.PastTrainee(ids.get(i), events, true));
                }
                return history.record(new TrainingHistory.PastClass(p.body().id(),
                        new ClassApplication(null, programme.id(), ClassType.REGULAR, null, null, true,
                                p.body().address(), new BigDecimal("36.651"), new BigDecimal("117.120"), start,
                                start.plusDays(11), 40, sessions),
                        trainees));
            });
        }
        catch (InvalidInputException refused) {
            // The demo works without it; say why.
            LoggerFactory.getLogger(DemoProvince.class)
                .warn("The demo provider's completed class was not recorded: {}", refused.problems());
        }
    }

    /** Two three-hour sessions each weekday for two weeks: 60 hours. */
    static List<PlannedSession> sessions(LocalDate start, long teacher) {
        List<PlannedSession> s = new ArrayList<>();
        for (LocalDate d = start; d.isBefore(start.plusDays(12)); d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            s.add(new PlannedSession(d.atTime(9, 0), d.atTime(12, 0), teacher, null));
            s.add(new PlannedSession(d.atTime(14, 0), d.atTime(17, 0), teacher, null));
        }
        return s;
    }

    static CurrentUser officer(Region city) {
        String username = switch (city.code()) {
            case "370100" -> "jinan";
            case "370200" -> "qingdao";
            default -> "demo-" + city.code();
        };
        return user(0, username, Role.CITY_OFFICER, DataScope.region(city.code()));
    }

    static String creditCode(Region city, int k) {
        String first17 = "52" + city.code() + String.format("MJ%07d", k);
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    static CurrentUser user(long id, String username, Role role, DataScope scope) {
        return new CurrentUser(id, username, username, role, scope);
    }

    /** Runs as the given user, as if they had signed in. */
    static <T> T as(CurrentUser user, Supplier<T> work) {
        return RunAs.user(user, work);
    }

}
