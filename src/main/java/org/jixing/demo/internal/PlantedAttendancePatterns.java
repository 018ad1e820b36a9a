package org.jixing.demo.internal;

import static org.jixing.demo.internal.DemoProvince.as;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.jixing.demo.Planted;
import org.jixing.demo.PlantedPattern;
import org.jixing.demo.PlantingContext;
import org.jixing.person.NewPerson;
import org.jixing.person.People;
import org.jixing.shared.InvalidInputException;
import org.jixing.subsidy.ClaimFiling;
import org.jixing.subsidy.Payees;
import org.jixing.subsidy.SubsidyRules;
import org.jixing.supervision.SubjectKind;
import org.jixing.training.AttendanceKind;
import org.jixing.training.ClassApplication;
import org.jixing.training.ClassType;
import org.jixing.training.Enrolment;
import org.jixing.training.PlannedSession;
import org.jixing.training.Programme;
import org.jixing.training.TrainingClass;
import org.jixing.training.TrainingHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The attendance patterns the planted-fraud generator knows: a ghost class, one phone
 * checking in forty people, one person at two venues too far apart, an enrolment surge.
 */
@Configuration(proxyBeanMethods = false)
class PlantedAttendancePatterns {

    private static final Logger log = LoggerFactory.getLogger(PlantedAttendancePatterns.class);

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    static final double JINAN_LAT = 36.651;

    static final double JINAN_LNG = 117.12;

    static final double QINGDAO_LAT = 36.067;

    static final double QINGDAO_LNG = 120.383;

    /**
     * PHONE_MANY: forty trainees of a class checked in from one phone, one every fifteen
     * seconds, each through their own account.
     */
    @Bean
    PlantedPattern plantedPhoneMany(PlantingKit kit) {
        return new Pattern("PHONE_MANY", ctx -> {
            PlantingKit.Provider p = kit.provider(ctx, "手机代签培训学校");
            Programme programme = kit.programme(ctx, 1);
            Instant now = kit.clock().instant();
            LocalDate today = now.atZone(CHINA).toLocalDate();
            TrainingClass c = kit.openClass(p, programme, today, today, JINAN_LAT, JINAN_LNG, "历下区示范路 8 号", 60,
                    List.of(new PlannedSession(today.atTime(0, 0), today.atTime(23, 59), p.teacher(), null)));
            List<Enrolment> trainees = kit.enrol(p, c.id(), new SyntheticPeople(ctx.random().nextLong(), 1000), 40,
                    today);
            long session = kit.firstSession(c.id(), p.staff());
            String phone = "PHONE-" + Long.toHexString(ctx.random().nextLong());
            Instant first = now.minusSeconds(15L * trainees.size() + 30);
            if (first.atZone(CHINA).toLocalDate().isBefore(today)) {
                first = today.atStartOfDay(CHINA).toInstant();
            }
            int accepted = 0;
            for (int i = 0; i < trainees.size(); i++) {
                Enrolment e = trainees.get(i);
                accepted += kit.phoneCheckIn(e.personId(), e.token(), session, first.plusSeconds(15L * i), phone,
                        JINAN_LAT, JINAN_LNG, PlantingKit.face(ctx.random())) ? 1 : 0;
            }
            return List.of(new Planted("PHONE_MANY", "DEVICE_MANY_TRAINEES", SubjectKind.CLASS, c.id(),
                    "班级 " + c.classNo() + "：同一部手机 " + phone + " 为 " + accepted + " 名学员签到"));
        });
    }

    /**
     * TWO_VENUES: one person enrolled in a class in 济南 in the morning and one in 青岛 from
     * the afternoon, checked in at both six minutes apart (about 290 km).
     */
    @Bean
    PlantedPattern plantedTwoVenues(PlantingKit kit) {
        return new Pattern("TWO_VENUES", ctx -> {
            Instant now = kit.clock().instant();
            LocalDateTime local = now.atZone(CHINA).toLocalDateTime();
            LocalDate today = local.toLocalDate();
            LocalDateTime split = local.minusMinutes(10).truncatedTo(ChronoUnit.MINUTES);
            if (split.toLocalTime().isBefore(LocalTime.of(1, 0)) || split.toLocalTime().isAfter(LocalTime.of(22, 50))
                    || !split.toLocalDate().equals(today)) {
                log.warn("TWO_VENUES plants between 01:10 and 23:00 China time; not planted at {}", local);
                return List.of();
            }
            PlantingKit.Provider a = kit.provider(ctx, "济南异地签到培训学校");
            PlantingKit.Provider b = kit.provider(ctx, "青岛异地签到培训学校");
            Programme programme = kit.programme(ctx, 1);
            TrainingClass morning = kit.openClass(a, programme, today, today, JINAN_LAT, JINAN_LNG, "历下区示范路 9 号", 40,
                    List.of(new PlannedSession(today.atTime(0, 0), split, a.teacher(), null)));
            TrainingClass afternoon = kit.openClass(b, programme, today, today, QINGDAO_LAT, QINGDAO_LNG, "市南区示范路 9 号",
                    40, List.of(new PlannedSession(split, today.atTime(23, 59), b.teacher(), null)));
            SyntheticPeople names = new SyntheticPeople(ctx.random().nextLong(), 1000);
            SyntheticPeople.Person person = PlantingKit.adult(names, today);
            Enrolment one = kit.enrolPerson(a, morning.id(), person);
            Enrolment two = kit.enrolPerson(b, afternoon.id(), person);
            String phone = "PHONE-" + Long.toHexString(ctx.random().nextLong());
            Instant in = split.minusMinutes(3).atZone(CHINA).toInstant();
            kit.phoneCheckIn(one.personId(), one.token(), kit.firstSession(morning.id(), a.staff()), in, phone,
                    JINAN_LAT, JINAN_LNG, PlantingKit.face(ctx.random()));
            kit.phoneCheckIn(two.personId(), two.token(), kit.firstSession(afternoon.id(), b.staff()),
                    in.plusSeconds(360), phone, QINGDAO_LAT, QINGDAO_LNG, PlantingKit.face(ctx.random()));
            return List.of(new Planted("TWO_VENUES", "TWO_PLACES", SubjectKind.PERSON, one.personId(),
                    one.idNumberMasked() + "：六分钟内先后在济南 " + morning.classNo() + " 和青岛 " + afternoon.classNo() + " 签到"));
        });
    }

    /**
     * ENROLMENT_SURGE: a provider enrols sixty people in one day into a class a week
     * ahead.
     */
    @Bean
    PlantedPattern plantedEnrolmentSurge(PlantingKit kit) {
        return new Pattern("ENROLMENT_SURGE", ctx -> {
            PlantingKit.Provider p = kit.provider(ctx, "突击招生培训学校");
            Programme programme = kit.programme(ctx, 3);
            LocalDate today = kit.clock().instant().atZone(CHINA).toLocalDate();
            LocalDate start = today.plusDays(7);
            TrainingClass c = kit.openClass(p, programme, start, start, JINAN_LAT, JINAN_LNG, "历下区示范路 10 号", 80,
                    List.of(new PlannedSession(start.atTime(9, 0), start.atTime(12, 0), p.teacher(), null)));
            List<Enrolment> enrolled = kit.enrol(p, c.id(), new SyntheticPeople(ctx.random().nextLong(), 1000), 60,
                    today);
            return List.of(new Planted("ENROLMENT_SURGE", "ENROLMENT_SURGE", SubjectKind.PROVIDER, p.body().id(),
                    p.body().name() + "：一天内招收 " + enrolled.size() + " 人"));
        });
    }

    /**
     * GHOST_CLASS: a provider brings over a past class whose twelve trainees were all
     * checked in within six seconds of each other, with the same face score, from one
     * phone, at every one of its five sessions, everybody completing; then files its
     * claim. The class comes through the earlier system's records
     * ({@link TrainingHistory}, judged by the same rules but for devices and arrival), as
     * a class that ran is the only way to complete without waiting for its calendar.
     */
    @Bean
    PlantedPattern plantedGhostClass(PlantingKit kit, TrainingHistory history, People people, ClaimFiling filing,
            Payees payees, SubsidyRules rules) {
        return new Pattern("GHOST_CLASS", ctx -> {
            PlantingKit.Provider p = kit.provider(ctx, "空壳班培训学校");
            Programme programme = kit.programme(ctx, 15);
            LocalDate today = kit.clock().instant().atZone(CHINA).toLocalDate();
            LocalDate start = today.minusDays(9);
            List<PlannedSession> sessions = new ArrayList<>();
            for (int d = 0; d < 5; d++) {
                sessions.add(new PlannedSession(start.plusDays(d).atTime(9, 0), start.plusDays(d).atTime(12, 0),
                        p.teacher(), null));
            }
            SyntheticPeople names = new SyntheticPeople(ctx.random().nextLong(), 1000);
            List<NewPerson> rows = new ArrayList<>();
            while (rows.size() < 12) {
                SyntheticPeople.Person person = names.next();
                if (person.birthDate().isBefore(today.minusYears(18))
                        && person.birthDate().isAfter(today.minusYears(58))) {
                    rows.add(new NewPerson(person.idNumber(), person.name(), person.phone(), ctx.cityCode()));
                }
            }
            String phone = "PHONE-" + Long.toHexString(ctx.random().nextLong());
            BigDecimal face = new BigDecimal("0.9731");
            TrainingHistory.Recorded recorded = as(ctx.admin(), () -> {
                var registered = people.registerAll(rows);
                List<TrainingHistory.PastTrainee> trainees = new ArrayList<>();
                for (int i = 0; i < rows.size(); i++) {
                    List<TrainingHistory.PastCheckIn> events = new ArrayList<>();
                    for (int s = 0; s < sessions.size(); s++) {
                        LocalDateTime in = sessions.get(s).startsAt().minusMinutes(5).plusNanos(500_000_000L * i);
                        events.add(new TrainingHistory.PastCheckIn(s + 1, AttendanceKind.CHECK_IN, in,
                                PlantingKit.coordinate(JINAN_LAT), PlantingKit.coordinate(JINAN_LNG), face, phone));
                        events.add(new TrainingHistory.PastCheckIn(s + 1, AttendanceKind.CHECK_OUT,
                                sessions.get(s).endsAt().plusMinutes(1), PlantingKit.coordinate(JINAN_LAT),
                                PlantingKit.coordinate(JINAN_LNG), face, phone));
                    }
                    trainees.add(new TrainingHistory.PastTrainee(registered.ids().get(rows.get(i).idNumber()), events,
                            true));
                }
                return history.record(new TrainingHistory.PastClass(p.body().id(),
                        new ClassApplication(null, programme.id(), ClassType.REGULAR, null, null, true, "历下区示范路 11 号",
                                PlantingKit.coordinate(JINAN_LAT), PlantingKit.coordinate(JINAN_LNG), start,
                                start.plusDays(4), 40, sessions),
                        trainees));
            });
            String claim = "";
            try {
                as(ctx.admin(), () -> {
                    if (rules.versions().isEmpty()) {
                        rules.publish(DemoSubsidies.draft());
                    }
                    return null;
                });
                as(p.staff(), () -> payees.savePayee(p.body().name(),
                        "62220216" + String.format("%011d", 37_000_000_000L + p.body().id()), "中国工商银行济南分行"));
                claim = "，申请 " + as(p.staff(), () -> filing.file(recorded.classId())).claimNo();
            }
            catch (InvalidInputException | org.springframework.security.access.AccessDeniedException notFiled) {
                log.warn("GHOST_CLASS: the claim was not filed: {}", notFiled.getMessage());
            }
            String what = "班级 " + recorded.classNo() + "：12 名学员每次 6 秒内同一手机签到、人脸分数相同、全勤结业" + claim;
            List<Planted> out = new ArrayList<>();
            for (String rule : List.of("CLASS_WITHIN_SECONDS", "IDENTICAL_FACE_SCORES", "PERFECT_ATTENDANCE")) {
                out.add(new Planted("GHOST_CLASS", rule, SubjectKind.CLASS, recorded.classId(), what));
            }
            return out;
        });
    }

    /** A pattern from its code and what it plants. */
    record Pattern(String code,
            java.util.function.Function<PlantingContext, List<Planted>> planter) implements PlantedPattern {

        @Override
        public List<Planted> plant(PlantingContext context) {
            return planter.apply(context);
        }

    }

}
