package org.jixing.subsidy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jixing.person.HeldGroup;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.reference.TraineeGroup;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.Money;
import org.jixing.shared.ProvinceTime;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.subsidy.internal.StandingStore;
import org.jixing.subsidy.internal.RuleStore;
import org.jixing.training.ClassStatus;
import org.jixing.training.EligibilityProperties;
import org.jixing.training.Enrolment;
import org.jixing.training.EnrolmentStatus;
import org.jixing.training.Enrolments.ClassCompletion;
import org.jixing.training.TrainingClass;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a trainee of a class would be paid and why, saving nothing: a trainee of the
 * roster, priced as a claim for the class would price them (the trainees before them on
 * the roster use up the class's cap first), or a hypothetical trainee added after the
 * roster. The version in force on the class's first day applies unless another version is
 * chosen to compare. A class's own standing claim does not count against its trainees'
 * yearly cap here: the simulation answers what a claim for the class would pay.
 */
@Service
public class Simulator {

    private final RuleStore rules;

    private final StandingStore standing;

    private final ClaimableClasses classes;

    private final EligibilityProperties eligibility;

    private final ReferenceCatalogue reference;

    Simulator(RuleStore rules, StandingStore standing, ClaimableClasses classes, EligibilityProperties eligibility,
            ReferenceCatalogue reference) {
        this.rules = rules;
        this.standing = standing;
        this.classes = classes;
        this.eligibility = eligibility;
        this.reference = reference;
    }

    /**
     * Who is simulated: a trainee of the roster ({@code enrolmentId}), or, when it is
     * null, a hypothetical trainee holding {@code groupCodes} who already received
     * {@code alreadyThisYear} this year.
     */
    public record Trainee(Long enrolmentId, Set<String> groupCodes, Money alreadyThisYear) {

        public static Trainee onRoster(long enrolmentId) {
            return new Trainee(enrolmentId, Set.of(), Money.ZERO);
        }

        public static Trainee hypothetical(Set<String> groupCodes, Money alreadyThisYear) {
            return new Trainee(null, groupCodes == null ? Set.of() : Set.copyOf(groupCodes),
                    alreadyThisYear == null ? Money.ZERO : alreadyThisYear);
        }

        public boolean isHypothetical() {
            return enrolmentId == null;
        }

    }

    /**
     * The answer. {@code rules} is the version used (null when none is in force);
     * {@code inForce} the one in force on the class's first day. {@code standard} is null
     * when the rules have none for the level in the tier; {@code quoted} is true when the
     * standard was applied (and the adjustment and caps with it). {@code adjusted} is the
     * standard after the group adjustment; {@code personCapCut} and {@code classCapCut}
     * what each cap took off. {@code groupEvidence} says what the adjusting group of a
     * roster trainee rests on (the registry's record or the provider's declaration; null
     * for a hypothetical trainee or no group). {@code refusalKey} (with
     * {@code refusalArgs}) says why nothing would be paid; {@code notes} say what else a
     * claim would meet.
     */
    public record Simulation(TrainingClass trainingClass, RuleSet rules, RuleSet inForce, Long enrolmentId, String name,
            String idNumberMasked, Set<String> groupCodes, String fundSourceCode, RuleSet.Tier tier, boolean tierListed,
            RuleSet.Standard standard, boolean quoted, String groupCode, int adjustPercent, Money adjusted,
            Money alreadyThisYear, Money personYearLeft, Money personCapCut, Money classTakenBefore, Money classCapCut,
            Money amount, String refusalKey, List<Object> refusalArgs, List<Problem> notes,
            GroupEvidence groupEvidence) {

        public boolean payable() {
            return refusalKey == null;
        }

        public boolean underInForceVersion() {
            return rules != null && inForce != null && rules.id() == inForce.id();
        }

    }

    /** Progress of the walk down the roster, as a claim prices it. */
    private static final class Walk {

        Money classLeft;

        final Map<Long, Long> already;

        /** Those of the roster holding the class's certificate, earned since it began. */
        final Set<Long> certified;

        Walk(Money classCap, Map<Long, Long> already, Set<Long> certified) {
            this.classLeft = classCap;
            this.already = already;
            this.certified = certified;
        }

    }

    @Transactional(readOnly = true)
    public Simulation simulate(long classId, Trainee who, Long ruleSetId) {
        CurrentUser me = CurrentUser.require();
        if (!SubsidyPermission.SIMULATE.allows(me)) {
            throw new AccessDeniedException("the simulator is for administrators, city officers and providers");
        }
        ClaimableClass k = classes.get(classId);
        TrainingClass c = k.trainingClass();
        Optional<RuleSet> inForce = rules.inForceOn(c.startDate());
        RuleSet r = ruleSetId == null ? inForce.orElse(null) : rules.find(ruleSetId)
            .orElseThrow(() -> InvalidInputException.of("versionId", "subsidyRules.error.unknownVersion"));
        List<ClassCompletion> roster = k.roster();
        // The groups each trainee held on the class's first day, as the registry shows
        // them now, with what each rests on.
        Map<Long, Map<String, HeldGroup>> held = k.groups();
        ClassCompletion target = null;
        if (who.isHypothetical()) {
            check(who);
        }
        else {
            target = roster.stream()
                .filter(t -> t.enrolment().id() == who.enrolmentId())
                .findFirst()
                .orElseThrow(() -> InvalidInputException.of("enrolmentId", "subsidyRules.error.notOnRoster"));
        }
        boolean classDone = c.status() == ClassStatus.COMPLETED || c.status() == ClassStatus.CLOSED;
        List<Problem> notes = new ArrayList<>();
        if (!classDone) {
            // While the class may still run, when its calendar lets it complete.
            Instant from = k.completesFrom();
            notes.add(from == null ? new Problem("classId", "subsidyRules.sim.note.notCompleted")
                    : new Problem("classId", "subsidyRules.sim.note.notCompletedUntil", ProvinceTime.at(from)));
        }
        Optional<Claim> standingClaim = standing.standingClaimOfClass(c.id());
        standingClaim.ifPresent(claim -> notes
            .add(new Problem("classId", "subsidyRules.sim.note.claimed", claim.claimNo(), claim.ruleVersion())));
        Map<String, HeldGroup> targetGroups = target == null ? Map.of()
                : held.getOrDefault(target.enrolment().personId(), Map.of());
        Set<String> groups = target == null ? who.groupCodes() : targetGroups.keySet();
        Enrolment e = target == null ? null : target.enrolment();
        Base base = new Base(c, r, inForce.orElse(null), e, groups, targetGroups, notes);
        if (r == null) {
            return base.refused(null, Money.ZERO, "subsidy.error.rules.none", c.startDate().toString());
        }
        if (!c.subsidised()) {
            return base.refused(r.lineFunds().get(c.lineCode()), Money.ZERO, "subsidy.error.class.selfFunded");
        }
        String fund = r.lineFunds().get(c.lineCode());
        if (fund == null) {
            notes.add(new Problem(null, "subsidy.error.rules.noFund", c.lineCode()));
        }
        Walk walk = new Walk(r.classCap(), new HashMap<>(standing.standingByPerson(k.personIds(),
                c.startDate().getYear(), standingClaim.map(Claim::id).orElse(0L))), k.certified());
        for (ClassCompletion t : roster) {
            if (t == target) {
                return priceRosterTrainee(base, fund, t, walk, classDone);
            }
            Enrolment other = t.enrolment();
            if (!counts(other, classDone)) {
                continue;
            }
            RuleSet.Quote q = r.quote(c.occupationCode(), c.levelCode(),
                    held.getOrDefault(other.personId(), Map.of()).keySet(),
                    Money.ofFen(walk.already.getOrDefault(other.personId(), 0L)),
                    walk.certified.contains(other.personId()));
            if (q.payable()) {
                q = q.cappedByClass(walk.classLeft);
            }
            if (q.payable()) {
                walk.classLeft = walk.classLeft.minus(q.amount());
                walk.already.merge(other.personId(), q.amount().fen(), Long::sum);
            }
        }
        Set<String> required = eligibility.lineGroups().getOrDefault(c.lineCode(), Set.of());
        if (!required.isEmpty() && who.groupCodes().stream().noneMatch(required::contains)) {
            return base.refused(fund, who.alreadyThisYear(), "subsidyRules.sim.exclusion.lineGroup",
                    new DefaultMessageSourceResolvable(new String[] { "training.lineGroups." + c.lineCode() },
                            String.join(", ", required)));
        }
        // A hypothetical trainee holds no certificate.
        return base.priced(fund, who.alreadyThisYear(), walk.classLeft, false);
    }

    /** Whether a trainee of the roster would be priced: completed and subsidised. */
    private static boolean counts(Enrolment e, boolean classDone) {
        // Before the class completes, those still enrolled are priced as if they will.
        boolean completing = e.status() == EnrolmentStatus.COMPLETED
                || (!classDone && e.status() == EnrolmentStatus.ENROLLED);
        return completing && e.subsidised();
    }

    private Simulation priceRosterTrainee(Base base, String fund, ClassCompletion t, Walk walk, boolean classDone) {
        Enrolment e = t.enrolment();
        Money already = Money.ofFen(walk.already.getOrDefault(e.personId(), 0L));
        if (e.status() == EnrolmentStatus.WITHDRAWN) {
            return base.refused(fund, already, "subsidyRules.sim.exclusion.withdrawn");
        }
        if (e.status() == EnrolmentStatus.NOT_COMPLETED || (e.status() == EnrolmentStatus.ENROLLED && classDone)) {
            return base.refused(fund, already, "subsidy.exclusion.notCompleted",
                    e.completionReason() == null ? "" : e.completionReason());
        }
        if (!e.subsidised()) {
            return base.refused(fund, already, "subsidy.exclusion.selfFunded",
                    e.ineligibleReasons() == null ? "" : e.ineligibleReasons());
        }
        return base.priced(fund, already, walk.classLeft, walk.certified.contains(e.personId()));
    }

    private void check(Trainee who) {
        List<Problem> problems = new ArrayList<>();
        Set<String> known = reference.traineeGroups().stream().map(TraineeGroup::code).collect(Collectors.toSet());
        who.groupCodes()
            .stream()
            .filter(g -> !known.contains(g))
            .sorted()
            .forEach(g -> problems.add(new Problem("groups", "subsidy.error.rules.group", g)));
        if (who.alreadyThisYear().isNegative()) {
            problems.add(new Problem("already", "subsidy.error.amount"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** What every answer about one trainee shares. */
    private record Base(TrainingClass c, RuleSet r, RuleSet inForce, Enrolment e, Set<String> groups,
            Map<String, HeldGroup> held, List<Problem> notes) {

        Simulation refused(String fund, Money already, String key, Object... args) {
            RuleSet.Tier tier = r == null ? null : r.tierOf(c.occupationCode());
            return new Simulation(c, r, inForce, e == null ? null : e.id(), e == null ? null : e.name(),
                    e == null ? null : e.idNumberMasked(), groups, fund, tier,
                    r != null && r.occupationTiers().containsKey(c.occupationCode()),
                    r == null ? null : r.standard(c.levelCode(), tier).orElse(null), false, null, 0, Money.ZERO,
                    already, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, key, List.of(args),
                    List.copyOf(notes), null);
        }

        /**
         * Prices the trainee with the same steps as a claim: the quote, cut to what the
         * person has left this year, then to what the class has left.
         */
        Simulation priced(String fund, Money already, Money classLeft, boolean certified) {
            RuleSet.Quote q = r.quote(c.occupationCode(), c.levelCode(), groups, already, certified);
            RuleSet.Tier tier = q.tier();
            RuleSet.Standard standard = r.standard(c.levelCode(), tier).orElse(null);
            boolean listed = r.occupationTiers().containsKey(c.occupationCode());
            Money personLeft = Money.ofFen(Math.max(0, r.personYearCap().fen() - already.fen()));
            Money classTaken = r.classCap().minus(classLeft);
            if (q.paysOn() == null) {
                // No standard for the level in the tier, or it waits for a certificate.
                return new Simulation(c, r, inForce, e == null ? null : e.id(), e == null ? null : e.name(),
                        e == null ? null : e.idNumberMasked(), groups, fund, tier, listed, standard, false, null, 0,
                        Money.ZERO, already, personLeft, Money.ZERO, classTaken, Money.ZERO, Money.ZERO, q.refusal(),
                        List.of(), List.copyOf(notes), null);
            }
            Money adjusted = q.amount().plus(q.capCut());
            Money personCut = q.capCut();
            RuleSet.Quote capped = q.payable() ? q.cappedByClass(classLeft) : q;
            Money classCut = capped.capCut().minus(personCut);
            return new Simulation(c, r, inForce, e == null ? null : e.id(), e == null ? null : e.name(),
                    e == null ? null : e.idNumberMasked(), groups, fund, tier, listed, standard, true, q.groupCode(),
                    q.adjustPercent(), adjusted, already, personLeft, personCut, classTaken, classCut, capped.amount(),
                    capped.refusal(), List.of(), List.copyOf(notes),
                    q.groupCode() == null ? null : GroupEvidence.of(held.get(q.groupCode())));
        }

    }

}
