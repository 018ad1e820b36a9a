package org.jixing.subsidy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jixing.person.HeldGroup;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.Money;
import org.jixing.shared.ProvinceTime;
import org.jixing.training.ClassStatus;
import org.jixing.training.Enrolment;
import org.jixing.training.EnrolmentStatus;
import org.jixing.training.Enrolments.ClassCompletion;
import org.jixing.training.TrainingClass;

/**
 * How a claim for a class is priced, from the records alone: each completed subsidised
 * trainee with the rules in force on the class's first day, in roster order, the class's
 * cap taken first by those before; the ones left out with the reason; and what keeps the
 * claim from being filed at all. Large amounts and key action lines go to the province
 * too.
 */
final class ClaimPricing {

    private final SubsidyProperties settings;

    ClaimPricing(SubsidyProperties settings) {
        this.settings = settings;
    }

    /**
     * A priced trainee before saving: the quote, who it is for, and what the quote's
     * group rests on.
     */
    private record Priced(ClassCompletion trainee, RuleSet.Quote quote, GroupEvidence evidence) {
    }

    /**
     * Prices a claim for the class with {@code rules} (those in force on its first day,
     * if any), paying into {@code payee}; {@code standing} is another claim already
     * standing for the class, {@code already} what each person has on other standing
     * claims that year.
     */
    ClaimPreview price(ClaimableClass k, Optional<RuleSet> rules, Optional<Payee> payee, Optional<Claim> standing,
            Map<Long, Long> already) {
        TrainingClass c = k.trainingClass();
        List<Problem> problems = new ArrayList<>();
        if (c.status() != ClassStatus.COMPLETED && c.status() != ClassStatus.CLOSED) {
            problems.add(notCompleted(k));
        }
        if (!c.subsidised()) {
            problems.add(new Problem("classId", "subsidy.error.class.selfFunded"));
        }
        if (!k.providerActive()) {
            problems.add(new Problem(null, "subsidy.error.provider.notActive"));
        }
        if (payee.isEmpty()) {
            problems.add(new Problem(null, "subsidy.error.payee.missing"));
        }
        standing
            .ifPresent(claim -> problems.add(new Problem("classId", "subsidy.error.class.claimed", claim.claimNo())));
        if (rules.isEmpty()) {
            problems.add(new Problem(null, "subsidy.error.rules.none", c.startDate()));
            return new ClaimPreview(c, null, null, List.of(), List.of(), Money.ZERO, false, payee, problems);
        }
        RuleSet r = rules.get();
        String fund = r.lineFunds().get(c.lineCode());
        if (fund == null) {
            problems.add(new Problem(null, "subsidy.error.rules.noFund", c.lineCode()));
        }
        Map<Long, Long> sums = new HashMap<>(already);
        List<Priced> priced = new ArrayList<>();
        List<ClaimExclusion> excluded = new ArrayList<>();
        Money classLeft = r.classCap();
        for (ClassCompletion t : k.roster()) {
            Enrolment e = t.enrolment();
            if (e.status() == EnrolmentStatus.WITHDRAWN) {
                continue;
            }
            if (e.status() != EnrolmentStatus.COMPLETED) {
                excluded.add(exclusion(e, "subsidy.exclusion.notCompleted", e.completionReason()));
                continue;
            }
            if (!e.subsidised()) {
                excluded.add(exclusion(e, "subsidy.exclusion.selfFunded", e.ineligibleReasons()));
                continue;
            }
            Map<String, HeldGroup> held = k.groups().getOrDefault(e.personId(), Map.of());
            RuleSet.Quote q = r.quote(c.occupationCode(), c.levelCode(), held.keySet(),
                    Money.ofFen(sums.getOrDefault(e.personId(), 0L)), k.certified().contains(e.personId()));
            if (q.payable()) {
                q = q.cappedByClass(classLeft);
            }
            if (!q.payable()) {
                excluded.add(exclusion(e, q.refusal(), null));
                continue;
            }
            classLeft = classLeft.minus(q.amount());
            sums.merge(e.personId(), q.amount().fen(), Long::sum);
            priced.add(new Priced(t, q, q.groupCode() == null ? null : GroupEvidence.of(held.get(q.groupCode()))));
        }
        if (priced.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(null, "subsidy.error.claim.nobody"));
        }
        Money total = priced.stream().map(p -> p.quote().amount()).reduce(Money.ZERO, Money::plus);
        boolean province = total.compareTo(Money.ofFen(settings.provinceReviewAboveYuan() * 100)) > 0
                || settings.keyLines().contains(c.lineCode());
        List<ClaimLine> lines = priced.stream().map(p -> {
            Enrolment e = p.trainee().enrolment();
            RuleSet.Quote q = p.quote();
            return new ClaimLine(0, e.id(), e.personId(), e.name(), e.idNumberMasked(), q.tier(), q.standard(),
                    q.groupCode(), q.adjustPercent(), q.capKind(), q.capCut(), q.amount(), false, p.evidence());
        }).toList();
        return new ClaimPreview(c, r, fund, lines, excluded, total, province, payee, problems);
    }

    /**
     * Prices an employment claim for the class: one line per completed subsidised trainee
     * whose person the social-insurance records show employed ({@code employed}, their
     * enrolments) within the months of the employment component of {@code rules} (those
     * in force on the class's first day), at its amount cut by the person's yearly cap;
     * the others left out with why. {@code standing} is another employment claim standing
     * for the class. It never touches the class's completion claim.
     */
    ClaimPreview priceEmployment(ClaimableClass k, Optional<RuleSet> rules, Optional<Payee> payee,
            Optional<Claim> standing, Map<Long, Long> already, java.util.Set<Long> employed) {
        TrainingClass c = k.trainingClass();
        List<Problem> problems = new ArrayList<>();
        if (c.status() != ClassStatus.COMPLETED && c.status() != ClassStatus.CLOSED) {
            problems.add(notCompleted(k));
        }
        if (!c.subsidised()) {
            problems.add(new Problem("classId", "subsidy.error.class.selfFunded"));
        }
        if (!k.providerActive()) {
            problems.add(new Problem(null, "subsidy.error.provider.notActive"));
        }
        if (payee.isEmpty()) {
            problems.add(new Problem(null, "subsidy.error.payee.missing"));
        }
        standing.ifPresent(claim -> problems
            .add(new Problem("classId", "subsidy.error.class.claimedEmployment", claim.claimNo())));
        if (rules.isEmpty()) {
            problems.add(new Problem(null, "subsidy.error.rules.none", c.startDate()));
            return new ClaimPreview(c, null, null, List.of(), List.of(), Money.ZERO, false, payee, problems);
        }
        RuleSet r = rules.get();
        if (r.employment() == null) {
            problems.add(new Problem(null, "subsidy.error.rules.noEmploymentPay", r.version()));
            return new ClaimPreview(c, r, null, List.of(), List.of(), Money.ZERO, false, payee, problems);
        }
        String fund = r.lineFunds().get(c.lineCode());
        if (fund == null) {
            problems.add(new Problem(null, "subsidy.error.rules.noFund", c.lineCode()));
        }
        Map<Long, Long> sums = new HashMap<>(already);
        List<ClaimLine> lines = new ArrayList<>();
        List<ClaimExclusion> excluded = new ArrayList<>();
        for (ClassCompletion t : k.roster()) {
            Enrolment e = t.enrolment();
            if (e.status() == EnrolmentStatus.WITHDRAWN) {
                continue;
            }
            if (e.status() != EnrolmentStatus.COMPLETED) {
                excluded.add(exclusion(e, "subsidy.exclusion.notCompleted", e.completionReason()));
                continue;
            }
            if (!e.subsidised()) {
                excluded.add(exclusion(e, "subsidy.exclusion.selfFunded", e.ineligibleReasons()));
                continue;
            }
            if (!employed.contains(e.id())) {
                excluded
                    .add(exclusion(e, "subsidy.exclusion.notEmployed", String.valueOf(r.employment().withinMonths())));
                continue;
            }
            RuleSet.Quote q = r.quoteEmployment(c.occupationCode(), Money.ofFen(sums.getOrDefault(e.personId(), 0L)));
            if (!q.payable()) {
                excluded.add(exclusion(e, q.refusal(), null));
                continue;
            }
            sums.merge(e.personId(), q.amount().fen(), Long::sum);
            lines.add(new ClaimLine(0, e.id(), e.personId(), e.name(), e.idNumberMasked(), q.tier(), q.standard(), null,
                    0, q.capKind(), q.capCut(), q.amount(), false, null));
        }
        if (lines.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(null, "subsidy.error.claim.nobodyEmployed", r.employment().withinMonths()));
        }
        Money total = lines.stream().map(ClaimLine::amount).reduce(Money.ZERO, Money::plus);
        boolean province = total.compareTo(Money.ofFen(settings.provinceReviewAboveYuan() * 100)) > 0
                || settings.keyLines().contains(c.lineCode());
        return new ClaimPreview(c, r, fund, lines, excluded, total, province, payee, problems);
    }

    /**
     * Why a class that has not completed cannot be claimed for: while it may still run,
     * with the moment its calendar lets it complete (a claim can never come earlier).
     */
    private static Problem notCompleted(ClaimableClass k) {
        if (k.completesFrom() != null) {
            return new Problem("classId", "subsidy.error.class.notCompletedUntil", ProvinceTime.at(k.completesFrom()));
        }
        return new Problem("classId", "subsidy.error.class.notCompleted");
    }

    private static ClaimExclusion exclusion(Enrolment e, String key, String arg) {
        return new ClaimExclusion(e.id(), e.personId(), e.name(), e.idNumberMasked(), key, arg);
    }

}
