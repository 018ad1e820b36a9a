package org.jixing.subsidy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jixing.shared.Money;

/**
 * One version of the subsidy rules, in force from {@code effectiveFrom} until the next
 * version's day. Never changed once saved: a claim keeps the version it was computed
 * with.
 *
 * @param standards the amount per person by level and demand tier, and whether it is paid
 * on completion or on a certificate
 * @param occupationTiers the demand tier of occupations in shortage; others take
 * {@code defaultTier}
 * @param groupAdjustments percent added to (or taken from) the standard for a trainee
 * group; the largest one a trainee holds applies
 * @param lineFunds which fund source pays for each action line
 * @param employment the employment component: the amount paid for a trainee the
 * social-insurance records show employed within N months after the month the class ended,
 * or null when this version pays nothing on employment
 */
public record RuleSet(long id, int version, LocalDate effectiveFrom, String note, Money personYearCap, Money classCap,
        Tier defaultTier, List<Standard> standards, Map<String, Tier> occupationTiers,
        Map<String, Integer> groupAdjustments, Map<String, String> lineFunds, String createdBy, Instant createdAt,
        EmploymentPay employment) {

    /** A version without an employment component. */
    public RuleSet(long id, int version, LocalDate effectiveFrom, String note, Money personYearCap, Money classCap,
            Tier defaultTier, List<Standard> standards, Map<String, Tier> occupationTiers,
            Map<String, Integer> groupAdjustments, Map<String, String> lineFunds, String createdBy, Instant createdAt) {
        this(id, version, effectiveFrom, note, personYearCap, classCap, defaultTier, standards, occupationTiers,
                groupAdjustments, lineFunds, createdBy, createdAt, null);
    }

    /**
     * The employment component: {@code amount} per trainee employed (a contribution
     * record) within {@code withinMonths} months after the month the class ended.
     */
    public record EmploymentPay(int withinMonths, Money amount) {
    }

    /** Demand tiers: A for occupations in the greatest shortage. */
    public enum Tier {

        A, B, C

    }

    /** When a standard is paid. */
    public enum PaysOn {

        COMPLETION, CERTIFICATE

    }

    public record Standard(String levelCode, Tier tier, Money amount, PaysOn paysOn) {
    }

    public Tier tierOf(String occupationCode) {
        return occupationTiers.getOrDefault(occupationCode, defaultTier);
    }

    public Optional<Standard> standard(String levelCode, Tier tier) {
        return standards.stream().filter(s -> s.levelCode().equals(levelCode) && s.tier() == tier).findFirst();
    }

    /** The largest adjustment among the groups held, or none. */
    public Optional<Map.Entry<String, Integer>> adjustmentFor(Collection<String> groupCodes) {
        return groupCodes.stream()
            .filter(groupAdjustments::containsKey)
            .map(g -> Map.entry(g, groupAdjustments.get(g)))
            .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
    }

    /**
     * What one trainee would be paid under these rules, before the class's cap: the
     * standard for the level in the occupation's tier, adjusted for the trainee's groups,
     * cut to what is left of the person's yearly cap after {@code alreadyThisYear}.
     * @param hasCertificate whether the trainee holds the certificate a standard paid on
     * certificate needs
     */
    public Quote quote(String occupationCode, String levelCode, Collection<String> groupCodes, Money alreadyThisYear,
            boolean hasCertificate) {
        Tier tier = tierOf(occupationCode);
        Optional<Standard> found = standard(levelCode, tier);
        if (found.isEmpty()) {
            return Quote.refused(this, tier, "subsidy.exclusion.noStandard");
        }
        Standard s = found.get();
        if (s.paysOn() == PaysOn.CERTIFICATE && !hasCertificate) {
            return Quote.refused(this, tier, "subsidy.exclusion.needsCertificate");
        }
        var adjustment = adjustmentFor(groupCodes);
        int percent = adjustment.map(Map.Entry::getValue).orElse(0);
        // Integer arithmetic in fen, rounded down: never pays a fraction of a fen more.
        long adjusted = Math.multiplyExact(s.amount().fen(), 100 + percent) / 100;
        long left = Math.max(0, personYearCap.fen() - alreadyThisYear.fen());
        long cut = Math.max(0, adjusted - left);
        Quote q = new Quote(version, tier, s.amount(), s.paysOn(), adjustment.map(Map.Entry::getKey).orElse(null),
                percent, cut > 0 ? CapKind.PERSON_YEAR : null, Money.ofFen(cut), Money.ofFen(adjusted - cut), null);
        return q.amount().fen() == 0 ? q.withRefusal("subsidy.exclusion.personCap") : q;
    }

    /**
     * What one trainee proven employed would be paid under the employment component: its
     * amount, cut to what is left of the person's yearly cap after
     * {@code alreadyThisYear} (which counts every standing line of the year, completion
     * and employment). No group adjustment and no class cap apply to it.
     */
    public Quote quoteEmployment(String occupationCode, Money alreadyThisYear) {
        Tier tier = tierOf(occupationCode);
        if (employment == null) {
            return Quote.refused(this, tier, "subsidy.exclusion.noEmploymentPay");
        }
        long amount = employment.amount().fen();
        long left = Math.max(0, personYearCap.fen() - alreadyThisYear.fen());
        long cut = Math.max(0, amount - left);
        Quote q = new Quote(version, tier, employment.amount(), null, null, 0, cut > 0 ? CapKind.PERSON_YEAR : null,
                Money.ofFen(cut), Money.ofFen(amount - cut), null);
        return q.amount().fen() == 0 ? q.withRefusal("subsidy.exclusion.personCap") : q;
    }

    /** Which cap cut an amount. */
    public enum CapKind {

        PERSON_YEAR, CLASS

    }

    /**
     * A computed amount and how it was reached. {@code refusal} is the message key of why
     * nothing is paid, or null.
     */
    public record Quote(int ruleVersion, Tier tier, Money standard, PaysOn paysOn, String groupCode, int adjustPercent,
            CapKind capKind, Money capCut, Money amount, String refusal) {

        static Quote refused(RuleSet rules, Tier tier, String key) {
            return new Quote(rules.version(), tier, Money.ZERO, null, null, 0, null, Money.ZERO, Money.ZERO, key);
        }

        Quote withRefusal(String key) {
            return new Quote(ruleVersion, tier, standard, paysOn, groupCode, adjustPercent, capKind, capCut, amount,
                    key);
        }

        /** The same quote cut further by the class's cap to at most {@code left}. */
        Quote cappedByClass(Money left) {
            if (amount.compareTo(left) <= 0) {
                return this;
            }
            Money cut = amount.minus(left);
            Quote q = new Quote(ruleVersion, tier, standard, paysOn, groupCode, adjustPercent, CapKind.CLASS,
                    capCut.plus(cut), left, null);
            return left.fen() == 0 ? q.withRefusal("subsidy.exclusion.classCap") : q;
        }

        public boolean payable() {
            return refusal == null;
        }

    }

}
