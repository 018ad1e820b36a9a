package org.jixing.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jixing.RunningAs.asAdmin;
import static org.jixing.RunningAs.asStaff;
import static org.jixing.TestIdNumbers.adultIdNumber;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jixing.person.MembershipChannel;
import org.jixing.person.NewPerson;
import org.jixing.person.People;
import org.jixing.provider.Filings;
import org.jixing.provider.Registry;
import org.jixing.shared.Money;
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
 * Fixtures for subsidies: completed past classes of a fresh 济南 provider with trainees of
 * chosen groups, the rules in force, budgets.
 */
public interface SubsidyFixtures extends TrainingFixtures {

    /**
     * The employment component of the first rules version the fixtures publish: 500 yuan
     * for a trainee employed within six months after the class ended.
     */
    RuleSet.EmploymentPay EMPLOYMENT_PAY = new RuleSet.EmploymentPay(6, Money.ofYuan("500"));

    /** The first day of the past classes the fixtures record: forty days ago. */
    default LocalDate pastStart() {
        return today().minusDays(40);
    }

    /**
     * The rules in force on the past classes' first day; the first version is published
     * (from 2024) if the database has none.
     */
    default RuleSet rulesInForce() {
        SubsidyRules rules = bean(SubsidyRules.class);
        return asAdmin(() -> {
            if (rules.inForceOn(pastStart()).isEmpty()) {
                List<RuleSet.Standard> standards = new ArrayList<>();
                for (String level : List.of("JUNIOR", "INTERMEDIATE")) {
                    for (RuleSet.Tier t : RuleSet.Tier.values()) {
                        standards.add(new RuleSet.Standard(level, t,
                                Money.ofYuan(level.equals("JUNIOR") ? "1000" : "1600")
                                    .plus(Money.ofYuan(String.valueOf(200 * (2 - t.ordinal())))),
                                RuleSet.PaysOn.COMPLETION));
                    }
                }
                Map<String, String> funds = new HashMap<>();
                for (int i = 1; i <= 10; i++) {
                    funds.put(String.format("L%02d", i), "EMPLOYMENT_SUBSIDY");
                }
                rules.publish(new SubsidyRules.Draft(LocalDate.of(2024, 1, 1), "test rules", Money.ofYuan("8000"),
                        Money.ofYuan("500000"), RuleSet.Tier.C, standards, Map.of(),
                        Map.of("VETERAN", 10, "DISABLED", 20), funds, EMPLOYMENT_PAY));
            }
            return rules.inForceOn(pastStart()).orElseThrow();
        });
    }

    /**
     * A trainee of a past class: their group (or null), whether they attended, and
     * whether the group rests only on the provider's roster file (else the registry holds
     * it).
     */
    record Trainee(String group, boolean attends, boolean declared) {

        public Trainee(String group, boolean attends) {
            this(group, attends, false);
        }

    }

    /**
     * A completed past class of a new 济南 provider, with its payee entered; its trainees'
     * people and ID numbers in roster order.
     */
    record PastFixture(Provider provider, long classId, List<Long> personIds, List<String> idNumbers) {
    }

    default PastFixture completedClass(String occupation, String level, String subTarget, List<Trainee> trainees)
            throws Exception {
        People people = bean(People.class);
        LocalDate pastStart = pastStart();
        long programme = programme(occupation, level, 24, subTarget);
        Provider p = provider(jinan(), JINAN, occupation, level);
        List<NewPerson> rows = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < trainees.size(); i++) {
            String id = adultIdNumber();
            ids.add(id);
            rows.add(
                    new NewPerson(id, "学员" + "甲乙丙丁戊己庚辛壬癸".charAt(i % 10), "1390000" + String.format("%04d", i), JINAN));
        }
        People.BulkRegistration registered = asAdmin(() -> people.registerAll(rows));
        assertThat(registered.problems()).isEmpty();
        List<People.NewMembership> groups = new ArrayList<>();
        List<People.NewMembership> declared = new ArrayList<>();
        List<PastTrainee> past = new ArrayList<>();
        List<Long> personIds = new ArrayList<>();
        for (int i = 0; i < trainees.size(); i++) {
            long person = registered.ids().get(ids.get(i));
            personIds.add(person);
            if (trainees.get(i).group() != null) {
                (trainees.get(i).declared() ? declared : groups).add(
                        new People.NewMembership(person, trainees.get(i).group(), "证明", pastStart.minusYears(1), null));
            }
            past.add(new PastTrainee(person, trainees.get(i).attends() ? attended(1, 2, 3) : attended(1), true));
        }
        if (!groups.isEmpty()) {
            asAdmin(() -> people.addGroups(groups));
        }
        if (!declared.isEmpty()) {
            asStaff(p.id(), () -> people.addGroups(declared, MembershipChannel.ROSTER_IMPORT));
        }
        List<PlannedSession> sessions = new ArrayList<>();
        for (int d = 0; d < 3; d++) {
            sessions.add(new PlannedSession(pastStart.plusDays(d).atTime(8, 30), pastStart.plusDays(d).atTime(16, 30),
                    p.teacher(), null));
        }
        ClassApplication a = new ClassApplication(null, programme, ClassType.REGULAR, null, null, true, "历下区培训楼 3 层",
                new BigDecimal("36.651"), new BigDecimal("117.12"), pastStart, pastStart.plusDays(2), 30, sessions);
        long classId = asAdmin(() -> bean(TrainingHistory.class).record(new PastClass(p.id(), a, past))).classId();
        payee(p);
        return new PastFixture(p, classId, personIds, ids);
    }

    /**
     * An honest payee: the provider's own account, in its registered name (a payee in
     * another name, or an account another provider uses too, is what the supervision
     * rules look for).
     */
    default void payee(Provider p) {
        String name = asAdmin(() -> bean(Filings.class).get(Registry.PROVIDER, p.id())).name();
        asStaff(p.id(), () -> bean(Payees.class).savePayee(name, String.format("62220202%011d", p.id()), "工商银行济南分行"));
    }

    private List<PastCheckIn> attended(int... sessions) {
        List<PastCheckIn> events = new ArrayList<>();
        for (int s : sessions) {
            LocalDateTime in = pastStart().plusDays(s - 1).atTime(8, 20);
            events.add(new PastCheckIn(s, AttendanceKind.CHECK_IN, in, new BigDecimal("36.651"),
                    new BigDecimal("117.12"), new BigDecimal("0.95"), "T-1"));
            events.add(new PastCheckIn(s, AttendanceKind.CHECK_OUT, in.plusHours(8).plusMinutes(20),
                    new BigDecimal("36.651"), new BigDecimal("117.12"), new BigDecimal("0.95"), "T-1"));
        }
        return events;
    }

    /**
     * Gives 济南 enough money from the fund source the rules name for a line, this year.
     */
    default void fund(RuleSet r, String line, String yuan) {
        asAdmin(() -> bean(FundLedger.class).allocate(JINAN, r.lineFunds().get(line), pastStart().getYear(),
                Money.ofYuan(yuan), "test"));
    }

}
