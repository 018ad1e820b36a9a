package org.jixing.demo.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.jixing.person.MembershipChannel;
import org.jixing.person.NewPerson;
import org.jixing.person.People;
import org.jixing.provider.FiledBody;
import org.jixing.provider.FilingApplication;
import org.jixing.provider.Filings;
import org.jixing.provider.Permit;
import org.jixing.provider.Registry;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.reference.Region;
import org.jixing.shared.UnifiedSocialCreditCode;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.DataScope;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeKind;
import org.jixing.training.ClassApplication;
import org.jixing.training.ClassType;
import org.jixing.training.DeliveryMode;
import org.jixing.training.NewProgramme;
import org.jixing.training.PlannedSession;
import org.jixing.training.Programme;
import org.jixing.training.Programmes;
import org.jixing.training.Teachers;
import org.jixing.training.TrainingHistory;
import org.jixing.training.TrainingHistory.PastTrainee;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo province's past: more filed providers in every city and, from January 2025 to
 * last week, classes across the ten lines with synthetic trainees, their terminal
 * check-ins (a few from the wrong place or with a poor face match, then retried), missed
 * sessions, failed assessments, and people whose second or fourth training of a year is
 * not subsidised. Everything goes through the modules' services: filing and teachers as
 * the people who do them, the classes through {@link TrainingHistory}, which applies the
 * live rules and writes in bulk.
 */
@Component
class DemoHistory {

    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);

    /**
     * Programmes of the past classes: line, occupation, level, hours, sub-target, share
     * of classes in %.
     */
    static final List<PastProgramme> PROGRAMMES = List.of(
            new PastProgramme("L01", "DATA_ANNOTATOR", "JUNIOR", 24, "L01-1", 7),
            new PastProgramme("L01", "INDUSTRIAL_ROBOT_OPERATOR", "INTERMEDIATE", 40, "L01-3", 5),
            new PastProgramme("L02", "DRONE_PILOT", "JUNIOR", 24, "L02-1", 5),
            new PastProgramme("L02", "AGRI_MACHINE_OPERATOR", "JUNIOR", 24, "L02-3", 5),
            new PastProgramme("L02", "BRICKLAYER", "JUNIOR", 24, "L02-3", 4),
            new PastProgramme("L03", "COURIER", "JUNIOR", 24, "L03-1", 5),
            new PastProgramme("L03", "INTERNET_MARKETER", "INTERMEDIATE", 40, "L03-2", 6),
            new PastProgramme("L03", "CHINESE_PASTRY_COOK", "JUNIOR", 24, "L03-3", 5),
            new PastProgramme("L04", "HOUSEKEEPING_WORKER", "JUNIOR", 24, "L04-3", 7),
            new PastProgramme("L04", "HEALTH_CARER", "INTERMEDIATE", 40, "L04-2", 5),
            new PastProgramme("L05", "MEDIA_OPERATOR", "JUNIOR", 24, "L05-1", 5),
            new PastProgramme("L05", "BUSINESS_DATA_ANALYST", "INTERMEDIATE", 40, "L05-1", 3),
            new PastProgramme("L06", "CLEANER", "JUNIOR", 24, "L06-1", 5),
            new PastProgramme("L06", "SEWING_WORKER", "INTERMEDIATE", 40, "L06-2", 5),
            new PastProgramme("L07", "ELECTRICIAN", "INTERMEDIATE", 40, "L07-1", 8),
            new PastProgramme("L07", "FORKLIFT_DRIVER", "JUNIOR", 24, "L07-1", 6),
            new PastProgramme("L08", "PRESCHOOL_TEACHER_ASSISTANT", "INTERMEDIATE", 40, "L08-1", 6),
            new PastProgramme("L09", "PLC_DESIGNER", "INTERMEDIATE", 40, "L09-1", 4),
            new PastProgramme("L10", "ONLINE_BUSINESS_STARTUP", "JUNIOR", 24, "L10-1", 4));

    /** A programme of the past classes and its share of them. */
    record PastProgramme(String line, String occupation, String level, int hours, String subTarget, int sharePercent) {
    }

    /** Where the demo venues are: near each city's centre. */
    static final Map<String, double[]> CENTRES = Map.ofEntries(Map.entry("370100", new double[] { 36.651, 117.120 }),
            Map.entry("370200", new double[] { 36.067, 120.383 }),
            Map.entry("370300", new double[] { 36.813, 118.055 }),
            Map.entry("370400", new double[] { 34.810, 117.323 }),
            Map.entry("370500", new double[] { 37.434, 118.675 }),
            Map.entry("370600", new double[] { 37.464, 121.448 }),
            Map.entry("370700", new double[] { 36.707, 119.162 }),
            Map.entry("370800", new double[] { 35.415, 116.587 }),
            Map.entry("370900", new double[] { 36.200, 117.088 }),
            Map.entry("371000", new double[] { 37.513, 122.120 }),
            Map.entry("371100", new double[] { 35.417, 119.527 }),
            Map.entry("371300", new double[] { 35.104, 118.356 }),
            Map.entry("371400", new double[] { 37.436, 116.359 }),
            Map.entry("371500", new double[] { 36.457, 115.985 }),
            Map.entry("371600", new double[] { 37.382, 117.972 }),
            Map.entry("371700", new double[] { 35.233, 115.480 }));

    /** What the generator made, for the log and the tests. */
    record Summary(int providers, int classes, int people, int enrolments, int selfFunded, int refused, int completed,
            int checkIns, int rejectedCheckIns, List<Made> made) {
    }

    /**
     * A past class as recorded, with the staff of its provider, for the subsidy claims.
     */
    record Made(long classId, long providerId, String providerName, CurrentUser staff, LocalDate start, LocalDate end,
            int completed) {
    }

    private record HistoryProvider(FiledBody body, CurrentUser staff, long[] teachers, double lat, double lng) {
    }

    private final ReferenceCatalogue reference;

    private final Filings filings;

    private final Programmes programmes;

    private final Teachers teachers;

    private final People people;

    private final TrainingHistory history;

    DemoHistory(ReferenceCatalogue reference, Filings filings, Programmes programmes, Teachers teachers, People people,
            TrainingHistory history) {
        this.reference = reference;
        this.filings = filings;
        this.programmes = programmes;
        this.teachers = teachers;
        this.people = people;
        this.history = history;
    }

    /**
     * Generates {@code providersPerCity} more providers in each city, {@code classes}
     * past classes between 2025-01-06 and last week, and {@code people} synthetic
     * trainees to fill them.
     */
    Summary generate(LocalDate today, CurrentUser admin, int providersPerCity, int classCount, int peopleCount) {
        SplittableRandom random = new SplittableRandom(DemoSeeder.SEED + 7);
        List<Programme> catalogue = DemoProvince.as(admin, () -> {
            List<Programme> list = new ArrayList<>();
            for (PastProgramme p : PROGRAMMES) {
                var occupation = reference.occupation(p.occupation()).orElseThrow();
                boolean junior = "JUNIOR".equals(p.level());
                list.add(
                        programmes.create(new NewProgramme(
                                "P-" + p.subTarget() + "-"
                                        + (p.occupation().length() > 20 ? p.occupation().substring(0, 20)
                                                : p.occupation())
                                        + "-" + (junior ? "J" : "I"),
                                occupation.nameZh() + (junior ? "（初级）" : "（中级）") + "培训",
                                occupation.nameEn() + (junior ? " (junior)" : " (intermediate)"), p.occupation(),
                                p.level(), p.hours(), DeliveryMode.IN_PERSON, p.subTarget())));
            }
            return list;
        });
        List<Permit> permits = catalogue.stream().map(p -> new Permit(p.occupationCode(), p.levelCode())).toList();

        // Providers filed in mid-2024 (brought over as past filings, so the status
        // history says when they were approved), with two teachers each.
        Instant appliedAt = LocalDate.of(2024, 5, 20).atTime(9, 0).atZone(DemoProvince.CHINA).toInstant();
        Instant approvedAt = LocalDate.of(2024, 5, 31).atTime(16, 0).atZone(DemoProvince.CHINA).toInstant();
        List<Region> cities = reference.cities();
        Map<String, List<HistoryProvider>> byCity = new HashMap<>();
        SyntheticPeople names = new SyntheticPeople(DemoSeeder.SEED + 3, Long.MAX_VALUE);
        int n = 1000;
        for (Region city : cities) {
            double[] centre = CENTRES.getOrDefault(city.code(), new double[] { 36.651, 117.120 });
            for (int i = 0; i < providersPerCity; i++) {
                int k = ++n;
                FiledBody body = DemoProvince.as(admin, () -> filings.recordPast(Registry.PROVIDER,
                        new FilingApplication(DemoProvince.KINDS[k % DemoProvince.KINDS.length],
                                city.nameZh() + BRANDS[k % BRANDS.length] + NAMES[k % NAMES.length],
                                DemoProvince.creditCode(city, k), city.code(), city.nameZh() + "职教路 " + k + " 号",
                                names.next().name(), names.next().name(), String.format("0531%08d", 80000000 + k), 80,
                                k % 9 == 0, null, permits),
                        "PX" + city.code() + "-" + k, LocalDate.of(2024, 6, 1), LocalDate.of(2028, 5, 31), appliedAt,
                        approvedAt));
                CurrentUser staff = DemoProvince.user(0, "demo-staff-" + body.id(), Role.PROVIDER_STAFF,
                        DataScope.of(ScopeKind.PROVIDER, String.valueOf(body.id())));
                long[] teacherIds = DemoProvince.as(staff,
                        () -> new long[] { teachers.register(names.next().name(), "T" + city.code() + k + "A").id(),
                                teachers.register(names.next().name(), "T" + city.code() + k + "B").id() });
                byCity.computeIfAbsent(city.code(), c -> new ArrayList<>())
                    .add(new HistoryProvider(body, staff, teacherIds, centre[0] + (random.nextDouble() - 0.5) * 0.1,
                            centre[1] + (random.nextDouble() - 0.5) * 0.1));
            }
        }
        if (providersPerCity == 0 || classCount == 0) {
            return new Summary(cities.size() * providersPerCity, 0, 0, 0, 0, 0, 0, 0, 0, List.of());
        }

        // The trainees, registered in bulk, each in the city their number names.
        Map<String, List<Long>> pool = new HashMap<>();
        SyntheticPeople generator = new SyntheticPeople(DemoSeeder.SEED + 2, peopleCount);
        List<NewPerson> batch = new ArrayList<>();
        while (generator.hasNext()) {
            SyntheticPeople.Person p = generator.next();
            int city = Integer.parseInt(p.idNumber().substring(4, 6));
            batch.add(new NewPerson(p.idNumber(), p.name(), p.phone(), cities.get((city - 1) % cities.size()).code()));
            if (batch.size() == 5000 || !generator.hasNext()) {
                register(admin, batch, pool);
                batch.clear();
            }
        }

        // Classes from the first Monday of 2025 to last week, a provider's classes weeks
        // apart.
        LocalDate first = LocalDate.of(2025, 1, 6);
        LocalDate last = today.minusDays(7).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        long weeks = Math.max(1, ChronoUnit.WEEKS.between(first, last));
        List<HistoryProvider> all = cities.stream().flatMap(c -> byCity.get(c.code()).stream()).toList();
        int perProvider = (classCount + all.size() - 1) / all.size();
        double spacing = Math.max(1.0, (double) weeks * all.size() / classCount);
        int[] cursor = new int[1];
        Map<String, Integer> next = new HashMap<>();
        int classes = 0;
        int enrolments = 0;
        int selfFunded = 0;
        int refused = 0;
        int completed = 0;
        int checkIns = 0;
        int rejected = 0;
        Set<Long> grouped = new HashSet<>();
        List<Made> made = new ArrayList<>();
        // The days each person spends in class, to keep their classes apart.
        Map<Long, List<LocalDate[]>> attending = new HashMap<>();
        for (int round = 0; round < perProvider && classes < classCount; round++) {
            for (int pi = 0; pi < all.size() && classes < classCount; pi++) {
                HistoryProvider provider = all.get(pi);
                long offset = (long) (round * spacing + random.nextDouble() * spacing);
                LocalDate start = first.plusWeeks(Math.min(offset, weeks - 1));
                if (!start.plusDays(5).isBefore(today)) {
                    continue;
                }
                Programme programme = pick(catalogue, random);
                boolean order = programme.lineCode().equals("L07") && random.nextInt(3) == 0;
                List<PlannedSession> sessions = DemoAttendance.sessions(start, programme.hours(),
                        provider.teachers()[round % provider.teachers().length]);
                LocalDate end = sessions.get(sessions.size() - 1).startsAt().toLocalDate();
                List<Long> cityPool = pool.get(provider.body().regionCode());
                int size = 20 + random.nextInt(21);
                List<PastTrainee> trainees = new ArrayList<>();
                List<Long> chosen = new ArrayList<>();
                for (int t = 0; t < size && cityPool != null && !cityPool.isEmpty(); t++) {
                    int at = next.merge(provider.body().regionCode(), 1, Integer::sum) - 1;
                    // One in eight is somebody who trained before: a second training,
                    // sometimes a fourth in a year or the same qualification again. Never
                    // someone in a class at the same time (nobody sits in two rooms at
                    // once, and the history path would refuse them) or twice in a class:
                    // a few tries, then the seat stays empty.
                    Long person = at < cityPool.size() && random.nextInt(8) != 0 ? cityPool.get(at) : null;
                    for (int tries = 0; person == null && tries < 4; tries++) {
                        long candidate = cityPool.get(random.nextInt(Math.min(cityPool.size(), Math.max(1, at))));
                        if (!chosen.contains(candidate) && !busy(attending, candidate, start, end)) {
                            person = candidate;
                        }
                    }
                    if (person == null || chosen.contains(person)) {
                        continue;
                    }
                    chosen.add(person);
                    trainees.add(new PastTrainee(person,
                            DemoAttendance.checkIns(sessions, provider.lat(), provider.lng(), random, cursor),
                            random.nextInt(30) != 0));
                }
                groups(provider, programme, chosen, grouped, random);
                ClassApplication application = new ClassApplication(provider.body().id(), programme.id(),
                        order ? ClassType.ORDER : ClassType.REGULAR, order ? "山东示范制造有限公司" : null,
                        order ? employerCode() : null, random.nextInt(20) != 0, provider.body().address() + "实训楼",
                        DemoAttendance.coordinate(provider.lat()), DemoAttendance.coordinate(provider.lng()), start,
                        end, 40, sessions);
                TrainingHistory.Recorded r = DemoProvince.as(admin, () -> history
                    .record(new TrainingHistory.PastClass(provider.body().id(), application, trainees)));
                for (PastTrainee t : trainees) {
                    attending.computeIfAbsent(t.personId(), k -> new ArrayList<>()).add(new LocalDate[] { start, end });
                }
                classes++;
                made.add(new Made(r.classId(), provider.body().id(), provider.body().name(), provider.staff(), start,
                        end, r.completed()));
                enrolments += r.enrolled();
                selfFunded += r.selfFunded();
                refused += r.refused();
                completed += r.completed();
                checkIns += r.checkIns();
                rejected += r.rejectedCheckIns();
                if (classes % 500 == 0) {
                    log.info("Demo history: {} of {} past classes recorded", classes, classCount);
                }
            }
        }
        int peopleRegistered = pool.values().stream().mapToInt(List::size).sum();
        return new Summary(all.size(), classes, peopleRegistered, enrolments, selfFunded, refused, completed, checkIns,
                rejected, made);
    }

    /** Whether a person is in a class on any day from {@code start} to {@code end}. */
    static boolean busy(Map<Long, List<LocalDate[]>> attending, long person, LocalDate start, LocalDate end) {
        for (LocalDate[] days : attending.getOrDefault(person, List.of())) {
            if (!days[0].isAfter(end) && !start.isAfter(days[1])) {
                return true;
            }
        }
        return false;
    }

    private static final String[] BRANDS = { "明德", "华信", "鲁班", "齐鲁", "泰山", "海岱", "新程", "匠心", "博远", "恒信", "启航", "众诚",
            "开元", "弘毅", "卓越", "金桥", "育才" };

    private static final String[] NAMES = { "职业技能培训学校", "技工学校", "职业培训中心", "技能实训基地", "继续教育学院" };

    private void register(CurrentUser admin, List<NewPerson> batch, Map<String, List<Long>> pool) {
        People.BulkRegistration result = DemoProvince.as(admin, () -> people.registerAll(batch));
        for (NewPerson p : batch) {
            Long id = result.ids().get(p.idNumber());
            if (id != null) {
                pool.computeIfAbsent(p.regionCode(), c -> new ArrayList<>()).add(id);
            }
        }
    }

    /**
     * Lines for particular groups: most of their trainees hold the group, a few do not.
     * Most memberships come from the city's registry import; one in four rests only on
     * the provider's roster file, so claims show both kinds of evidence.
     */
    private void groups(HistoryProvider provider, Programme programme, List<Long> chosen, Set<Long> grouped,
            SplittableRandom random) {
        String group = DemoProvince.GROUPS.get(programme.lineCode());
        if (group == null) {
            return;
        }
        List<People.NewMembership> registry = new ArrayList<>();
        List<People.NewMembership> declared = new ArrayList<>();
        for (long person : chosen) {
            if (grouped.add(person) && random.nextInt(12) != 0) {
                if (person % 4 == 0) {
                    declared
                        .add(new People.NewMembership(person, group, "示范数据：培训机构花名册填报", LocalDate.of(2024, 1, 1), null));
                }
                else {
                    registry.add(new People.NewMembership(person, group, "示范数据：人社部门名单导入，证明材料已核验",
                            LocalDate.of(2024, 1, 1), null));
                }
            }
        }
        String city = provider.body().regionCode().substring(0, 4) + "00";
        DemoProvince.as(DemoProvince.officer(reference.region(city).orElseThrow()),
                () -> people.addGroups(registry, MembershipChannel.REGISTRY_IMPORT));
        DemoProvince.as(provider.staff(), () -> people.addGroups(declared, MembershipChannel.ROSTER_IMPORT));
    }

    private static Programme pick(List<Programme> catalogue, SplittableRandom random) {
        int roll = random.nextInt(100);
        int sum = 0;
        for (int i = 0; i < PROGRAMMES.size(); i++) {
            sum += PROGRAMMES.get(i).sharePercent();
            if (roll < sum) {
                return catalogue.get(i);
            }
        }
        return catalogue.get(catalogue.size() - 1);
    }

    private static String employerCode() {
        return "91370100MA3C00007" + UnifiedSocialCreditCode.checkCharacter("91370100MA3C00007");
    }

}
