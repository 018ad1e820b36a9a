package org.jixing.demo.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.jixing.demo.Planted;
import org.jixing.demo.PlantedPattern;
import org.jixing.demo.PlantingContext;
import org.jixing.provider.BodyKind;
import org.jixing.provider.FiledBody;
import org.jixing.provider.Permit;
import org.jixing.provider.Registry;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.subsidy.Claim;
import org.jixing.subsidy.ClaimFiling;
import org.jixing.subsidy.Payees;
import org.jixing.supervision.SubjectKind;
import org.jixing.training.AttendanceKind;
import org.jixing.training.AttendanceProperties;
import org.jixing.training.ClassApplication;
import org.jixing.training.ClassType;
import org.jixing.training.DeliveryMode;
import org.jixing.training.NewProgramme;
import org.jixing.training.PlannedSession;
import org.jixing.training.Programme;
import org.jixing.training.Programmes;
import org.jixing.training.Teachers;
import org.jixing.training.TrainingHistory;
import org.jixing.training.TrainingHistory.PastCheckIn;
import org.jixing.training.TrainingHistory.PastClass;
import org.jixing.training.TrainingHistory.PastTrainee;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * CLAIM_SOON: a new provider's class that completed a few minutes ago (its last session's
 * late-upload window has just closed), and its claim filed at once, as if prepared before
 * the class ended. Made through the training history and the claim service as the
 * province and the provider's staff would: every trainee attended both sessions at the
 * venue, the payee is in the provider's own name. CLAIM_SOON_AFTER_COMPLETION should find
 * the claim. The class is one hour at the start of the day before its last session and a
 * last session ending exactly when the completion must fall, of up to 30 minutes (fewer
 * just after midnight).
 */
@Component
@Order(130)
class ClaimSoonPattern implements PlantedPattern {

    static final int TRAINEES = 8;

    private static final BigDecimal LAT = new BigDecimal("36.651000");

    private static final BigDecimal LNG = new BigDecimal("117.120000");

    private final MoneyPlantingKit kit;

    private final Programmes programmes;

    private final Teachers teachers;

    private final Payees payees;

    private final TrainingHistory history;

    private final ClaimFiling filing;

    private final AttendanceProperties attendance;

    private final Clock clock;

    ClaimSoonPattern(MoneyPlantingKit kit, Programmes programmes, Teachers teachers, Payees payees,
            TrainingHistory history, ClaimFiling filing, AttendanceProperties attendance, Clock clock) {
        this.kit = kit;
        this.programmes = programmes;
        this.teachers = teachers;
        this.payees = payees;
        this.history = history;
        this.filing = filing;
        this.attendance = attendance;
        this.clock = clock;
    }

    @Override
    public String code() {
        return "CLAIM_SOON";
    }

    @Override
    public List<Planted> plant(PlantingContext c) {
        FiledBody provider = kit.body(c.admin(), Registry.PROVIDER, BodyKind.PRIVATE_INSTITUTION, c.cityCode(),
                "立达职业培训学校", new Permit("DATA_ANNOTATOR", "JUNIOR"), c.today(), c.random());
        CurrentUser staff = MoneyPlantingKit.staff(provider);
        long teacher = DemoProvince
            .as(staff, () -> teachers.register("孙老师", "TQ" + provider.id() + "-" + c.random().nextInt(1_000_000)))
            .id();
        DemoProvince.as(staff,
                () -> payees.savePayee(provider.name(),
                        String.format("6228%07d%08d", c.random().nextInt(10_000_000), c.random().nextInt(100_000_000)),
                        "中国农业银行济南分行"));
        Programme programme = DemoProvince.as(c.admin(),
                () -> programmes.create(new NewProgramme("PS-" + provider.id() + "-" + c.random().nextInt(1_000_000),
                        "数据标注员（初级）速成班", "Data annotator (junior), short course", "DATA_ANNOTATOR", "JUNIOR", 1,
                        DeliveryMode.IN_PERSON, "L01-1")));

        // The class completes when its last session's late-upload window closes: make
        // that
        // a few minutes ago.
        Instant now = clock.instant();
        Duration completesAfterEnd = Duration.between(now, attendance.lateUploadClosesAt(now));
        Instant completion = now.minus(Duration.ofMinutes(3 + c.random().nextInt(10)));
        LocalDateTime end = LocalDateTime.ofInstant(completion.minus(completesAfterEnd), DemoProvince.CHINA)
            .truncatedTo(ChronoUnit.MINUTES);
        if (end.toLocalTime().getHour() == 0 && end.toLocalTime().getMinute() == 0) {
            end = end.minusMinutes(1);
        }
        LocalDateTime midnight = end.toLocalDate().atStartOfDay();
        LocalDateTime lastStart = end.minusMinutes(30).isBefore(midnight) ? midnight : end.minusMinutes(30);
        LocalDateTime firstStart = end.toLocalDate().minusDays(1).atTime(9, 0);
        List<PlannedSession> sessions = List.of(new PlannedSession(firstStart, firstStart.plusHours(1), teacher, null),
                new PlannedSession(lastStart, end, teacher, null));
        List<PastTrainee> trainees = new ArrayList<>();
        // Honest arrivals: each trainee a minute or more apart with a face score of their
        // own, so only the claim's timing is odd (the class is not a ghost class).
        int n = 0;
        for (long person : kit.people(c.admin(), c.cityCode(), TRAINEES, c.random())) {
            List<PastCheckIn> events = new ArrayList<>();
            for (int s = 0; s < sessions.size(); s++) {
                PlannedSession session = sessions.get(s);
                LocalDateTime in = session.startsAt().minusMinutes(2 + 2L * n).minusSeconds(c.random().nextInt(60));
                BigDecimal face = BigDecimal.valueOf(9000 + c.random().nextInt(900), 4);
                events.add(new PastCheckIn(s + 1, AttendanceKind.CHECK_IN, in, LAT, LNG, face, "T-PS"));
                events.add(new PastCheckIn(s + 1, AttendanceKind.CHECK_OUT,
                        session.endsAt().plusMinutes(1).plusSeconds(c.random().nextInt(120)), LAT, LNG, face, "T-PS"));
            }
            n++;
            trainees.add(new PastTrainee(person, events, true));
        }
        ClassApplication application = new ClassApplication(provider.id(), programme.id(), ClassType.REGULAR, null,
                null, true, provider.address() + "二楼教室", LAT, LNG, firstStart.toLocalDate(), end.toLocalDate(), 30,
                sessions);
        long classId = DemoProvince
            .as(c.admin(), () -> history.record(new PastClass(provider.id(), application, trainees)))
            .classId();
        Claim claim = DemoProvince.as(staff, () -> filing.file(classId));
        return List.of(new Planted(code(), "CLAIM_SOON_AFTER_COMPLETION", SubjectKind.CLAIM, claim.id(),
                claim.claimNo() + " filed minutes after " + claim.classNo() + " completed"));
    }

}
