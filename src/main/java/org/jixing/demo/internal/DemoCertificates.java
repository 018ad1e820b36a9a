package org.jixing.demo.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.jixing.certification.Certificate;
import org.jixing.certification.CertificateRequest;
import org.jixing.certification.CertificateRoute;
import org.jixing.certification.Certificates;
import org.jixing.certification.CertificateRevocation;
import org.jixing.certification.CertificateIssuing;
import org.jixing.certification.RevocationReason;
import org.jixing.provider.BodyFilter;
import org.jixing.provider.FiledBody;
import org.jixing.provider.FilingStatus;
import org.jixing.provider.Filings;
import org.jixing.provider.Registry;
import org.jixing.reference.SkillLevel;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.RunAs;
import org.jixing.training.ClassOpenings;
import org.jixing.training.Enrolments;
import org.jixing.training.TrainingClass;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo province's certificates, recorded as imported from the previous system for a
 * sample of the trainees who completed past classes: the level of their class (the lower
 * rungs of the ladder first, a year apart), a few climbing on to 技师 and 高级技师, a handful
 * of 特级技师 and 首席技师, and two revoked for a fake evaluation.
 */
@Component
class DemoCertificates {

    private static final Logger log = LoggerFactory.getLogger(DemoCertificates.class);

    /**
     * At most this many certificates (each is signed and checked one by one: a few
     * seconds).
     */
    static final int MAX = 2000;

    private final Certificates certificates;

    private final CertificateRevocation revocation;

    private final CertificateIssuing issuing;

    private final Filings filings;

    private final ClassOpenings classes;

    private final Enrolments enrolments;

    DemoCertificates(Certificates certificates, CertificateRevocation revocation, CertificateIssuing issuing,
            Filings filings, ClassOpenings classes, Enrolments enrolments) {
        this.certificates = certificates;
        this.revocation = revocation;
        this.issuing = issuing;
        this.filings = filings;
        this.classes = classes;
        this.enrolments = enrolments;
    }

    int generate(LocalDate today, CurrentUser admin, List<DemoHistory.Made> made) {
        long started = System.nanoTime();
        int recorded = RunAs.user(admin, () -> run(today, made));
        log.info("Demo certificates in {} s: {} recorded", String.format("%.1f", (System.nanoTime() - started) / 1e9),
                recorded);
        return recorded;
    }

    private int run(LocalDate today, List<DemoHistory.Made> made) {
        List<FiledBody> bodies = filings
            .search(Registry.EVALUATION_BODY, new BodyFilter(FilingStatus.ACTIVE, null, null, null), 0, 50)
            .items();
        if (bodies.isEmpty()) {
            return 0;
        }
        SplittableRandom random = new SplittableRandom(DemoSeeder.SEED + 12);
        List<SkillLevel> levels = certificates.levels();
        List<Certificate> recorded = new ArrayList<>();
        int top = 0;
        for (DemoHistory.Made m : made) {
            if (recorded.size() >= MAX) {
                break;
            }
            if (m.completed() == 0 || !m.end().isBefore(today.minusDays(30)) || random.nextInt(3) != 0) {
                continue;
            }
            TrainingClass c = classes.get(m.classId());
            SkillLevel level = certificates.level(c.levelCode()).orElse(null);
            if (level == null) {
                continue;
            }
            FiledBody body = bodies.get(random.nextInt(bodies.size()));
            for (Enrolments.ClassCompletion done : enrolments.completions(m.classId())) {
                if (done.completedOn() == null || random.nextInt(10) >= 6) {
                    continue;
                }
                long person = done.enrolment().personId();
                LocalDate on = done.completedOn().plusDays(20 + random.nextInt(25));
                if (on.isAfter(today)) {
                    on = today;
                }
                // Now and then a holder climbs further: to 技师, 高级技师, and a handful
                // (at most five) to 特级技师 or 首席技师.
                int target = level.rank();
                int roll = random.nextInt(100);
                if (roll < 4) {
                    target = Math.max(target, rank(levels, "TECHNICIAN"));
                }
                else if (roll < 6) {
                    target = Math.max(target, rank(levels, "SENIOR_TECHNICIAN"));
                }
                else if (roll < 7 && top < 5) {
                    target = Math.max(target, rank(levels, top % 2 == 0 ? "PRINCIPAL_TECHNICIAN" : "CHIEF_TECHNICIAN"));
                    top++;
                }
                recorded.addAll(ladder(person, c.occupationCode(), levels, target, body, on));
            }
        }
        // Two certificates found to rest on a fake evaluation.
        recorded.stream()
            .filter(x -> x.levelCode().equals("JUNIOR"))
            .skip(7)
            .limit(2)
            .forEach(x -> revocation.revoke(x.number(), RevocationReason.FRAUDULENT_EVALUATION,
                    "抽查发现考评记录造假，证书撤销（演示数据）"));
        return recorded.size();
    }

    private static int rank(List<SkillLevel> levels, String code) {
        return levels.stream().filter(l -> l.code().equals(code)).findFirst().map(SkillLevel::rank).orElse(0);
    }

    /**
     * The rungs up to the target, the lower ones a year apart before the last; levels
     * below 初级工 (学徒工) only when the class was of that level.
     */
    private List<Certificate> ladder(long person, String occupation, List<SkillLevel> levels, int target,
            FiledBody body, LocalDate last) {
        List<Certificate> out = new ArrayList<>();
        List<SkillLevel> rungs = levels.stream()
            .filter(l -> l.rank() <= target
                    && (l.grade() != null || l.rank() == target || l.rank() > rank(levels, "SENIOR_TECHNICIAN")))
            .toList();
        for (int i = 0; i < rungs.size(); i++) {
            LocalDate on = last.minusYears(rungs.size() - 1 - i);
            try {
                out.add(issuing.recordPast(new CertificateRequest(person, occupation, rungs.get(i).code(), body.id(),
                        CertificateRoute.IMPORTED, null, null, on)));
            }
            catch (InvalidInputException already) {
                // held from an earlier class of the same occupation
            }
        }
        return out;
    }

}
