package org.jixing.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jixing.RunningAs.asAdmin;
import static org.jixing.RunningAs.asCity;
import static org.jixing.RunningAs.asEnterprise;
import static org.jixing.TestIdNumbers.adultIdNumber;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.http.Cookie;
import org.jixing.SignedIn;
import org.jixing.account.Accounts;
import org.jixing.account.NewAccount;
import org.jixing.enterprise.Enterprises;
import org.jixing.enterprise.NewEnterprise;
import org.jixing.person.NewPerson;
import org.jixing.person.People;
import org.jixing.shared.UnifiedSocialCreditCode;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeKind;
import org.jixing.training.AttendanceKind;
import org.jixing.training.ClassApplication;
import org.jixing.training.ClassType;
import org.jixing.training.PlannedSession;
import org.jixing.training.TrainingFixtures;
import org.jixing.training.TrainingHistory;
import org.jixing.training.TrainingHistory.PastCheckIn;
import org.jixing.training.TrainingHistory.PastClass;
import org.jixing.training.TrainingHistory.PastTrainee;

/**
 * Fixtures for employment: registered 济南 enterprises, their approved demands, and
 * completed past order classes naming them as employer.
 */
public interface EmploymentFixtures extends TrainingFixtures {

    /** The occupation the fixtures train and demand: few other tests use it. */
    String OCCUPATION = "FORKLIFT_DRIVER";

    /** A new registered enterprise of a city; its credit code. */
    default String enterprise(String name, String region) {
        String first17 = String.format("91%s%09d", region, ThreadLocalRandom.current().nextLong(1_000_000_000L));
        String code = first17 + UnifiedSocialCreditCode.checkCharacter(first17);
        String c = code;
        asAdmin(() -> bean(Enterprises.class).register(new NewEnterprise(c, name + SEQ.incrementAndGet(), region)));
        return code;
    }

    /** An account of the enterprise, signed in. */
    default Cookie enterpriseCookie(String creditCode) throws Exception {
        String username = "ent-" + creditCode.substring(8);
        bean(Accounts.class).create(new NewAccount(username, "企业", "enterprise-password-123", Role.ENTERPRISE,
                ScopeKind.ENTERPRISE, creditCode, JINAN));
        return SignedIn.as(mvc(), username, "enterprise-password-123");
    }

    default NewDemand demand(String creditCode, int headcount) {
        return new NewDemand(creditCode, OCCUPATION, "JUNIOR", headcount, JINAN, null, new BigDecimal("4500"),
                new BigDecimal("6000.50"), today().plusDays(30), "持叉车证，能倒班");
    }

    /** A demand the enterprise published and 济南 approved. */
    default JobDemand approvedDemand(String creditCode, int headcount) {
        JobDemands demands = bean(JobDemands.class);
        JobDemand d = asEnterprise(creditCode, () -> demands.publish(demand(creditCode, headcount)));
        return asCity(JINAN, () -> demands.decide(d.id(), d.version(), new DemandDecision.Approve()));
    }

    /** A completed past class of a new 济南 provider, and the people on its roster. */
    record PastOrderClass(Provider provider, long classId, List<Long> personIds, List<String> idNumbers) {
    }

    /**
     * A class of the given type that ended two days after {@code pastStart}, naming the
     * employer; trainees who attend all three sessions complete, the others do not.
     */
    default PastOrderClass pastClass(ClassType type, String employerCreditCode, List<Boolean> attends)
            throws Exception {
        LocalDate start = today().minusDays(40);
        long programme = programme(OCCUPATION, "JUNIOR", 24, "L07-1");
        Provider p = provider(jinan(), JINAN, OCCUPATION, "JUNIOR");
        People people = bean(People.class);
        List<NewPerson> rows = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < attends.size(); i++) {
            String id = adultIdNumber();
            ids.add(id);
            rows.add(new NewPerson(id, "学员" + "甲乙丙丁戊己庚辛".charAt(i % 8), "1390000" + String.format("%04d", i), JINAN));
        }
        People.BulkRegistration registered = asAdmin(() -> people.registerAll(rows));
        assertThat(registered.problems()).isEmpty();
        List<PastTrainee> past = new ArrayList<>();
        List<Long> personIds = new ArrayList<>();
        for (int i = 0; i < attends.size(); i++) {
            long person = registered.ids().get(ids.get(i));
            personIds.add(person);
            past.add(new PastTrainee(person, attends.get(i) ? attended(start, 1, 2, 3) : attended(start, 1), true));
        }
        List<PlannedSession> sessions = new ArrayList<>();
        for (int d = 0; d < 3; d++) {
            sessions.add(new PlannedSession(start.plusDays(d).atTime(8, 30), start.plusDays(d).atTime(16, 30),
                    p.teacher(), null));
        }
        boolean named = type.needsEmployer();
        ClassApplication a = new ClassApplication(null, programme, type, named ? "订单企业" : null,
                named ? employerCreditCode : null, true, "历下区培训楼 3 层", new BigDecimal("36.651"),
                new BigDecimal("117.12"), start, start.plusDays(2), 30, sessions);
        long classId = asAdmin(() -> bean(TrainingHistory.class).record(new PastClass(p.id(), a, past))).classId();
        return new PastOrderClass(p, classId, personIds, ids);
    }

    private static List<PastCheckIn> attended(LocalDate start, int... sessions) {
        List<PastCheckIn> events = new ArrayList<>();
        for (int s : sessions) {
            LocalDateTime in = start.plusDays(s - 1).atTime(8, 20);
            events.add(new PastCheckIn(s, AttendanceKind.CHECK_IN, in, new BigDecimal("36.651"),
                    new BigDecimal("117.12"), new BigDecimal("0.95"), "T-1"));
            events.add(new PastCheckIn(s, AttendanceKind.CHECK_OUT, in.plusHours(8).plusMinutes(20),
                    new BigDecimal("36.651"), new BigDecimal("117.12"), new BigDecimal("0.95"), "T-1"));
        }
        return events;
    }

}
