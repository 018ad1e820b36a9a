package org.jixing.supervision.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jixing.certification.CertificationRiskFacts.DailyCertificates;
import org.jixing.certification.CertificationRiskFacts.PassRate;
import org.jixing.person.Person;
import org.jixing.person.SharedPhones.PhoneHolder;
import org.jixing.subsidy.ClaimRiskFacts.FiledClaim;
import org.jixing.subsidy.ClaimRiskFacts.OpenClaim;
import org.jixing.subsidy.ClaimRiskFacts.PayeeEntry;
import org.jixing.supervision.Alerts;
import org.jixing.supervision.Hit;
import org.jixing.supervision.SubjectKind;
import org.jixing.training.SupervisedTraining.SubsidisedEnrolment;
import org.junit.jupiter.api.Test;

/** The money, certificate and person rules as functions, at their thresholds. */
class MoneyRulesTest {

    private static final Instant FILED = Instant.parse("2026-11-02T02:00:00Z");

    private static FiledClaim claim(int lines, int atHighest, int highest, int declared, String payee,
            String provider) {
        return new FiledClaim(7, "BT1", 70, "C1", 5, provider, "370102", "L06", "SUBMITTED", lines, 100_00, payee,
                "6222000011112222", FILED, declared, declared, 1000, 1000, highest, atHighest);
    }

    @Test
    void payeeNameMismatchFiresOnAnotherNameButNotOnSpacingOrBrackets() {
        List<Hit> hits = PayeeNameMismatchRule.hits(List.of(claim(3, 0, 0, 0, "张三", "济南示范培训学校")),
                Map.of(5L, "济南示范培训学校"));
        assertThat(hits).singleElement().satisfies(h -> {
            assertThat(h.subjectKind()).isEqualTo(SubjectKind.CLAIM);
            assertThat(h.targets()).containsExactly(new Hit.Target(SubjectKind.CLAIM, 7));
            assertThat(h.evidence()).containsEntry("payeeName", "张三")
                .containsEntry("providerName", "济南示范培训学校")
                .containsEntry("payeeAccount", "****2222");
        });
        assertThat(PayeeNameMismatchRule.hits(List.of(claim(3, 0, 0, 0, "济南示范 （培训）学校", "x")), Map.of(5L, "济南示范(培训)学校")))
            .isEmpty();
        // Without the registry's name the claim's copy is compared.
        assertThat(PayeeNameMismatchRule.hits(List.of(claim(3, 0, 0, 0, "A 校", "A校")), Map.of())).isEmpty();
    }

    @Test
    void allHighestAdjustmentNeedsEveryLineAtTheHighestAndEnoughTrainees() {
        assertThat(AllHighestAdjustmentRule.hits(List.of(claim(10, 10, 20, 0, "x", "x")), 10)).hasSize(1);
        assertThat(AllHighestAdjustmentRule.hits(List.of(claim(9, 9, 20, 0, "x", "x")), 10)).isEmpty();
        assertThat(AllHighestAdjustmentRule.hits(List.of(claim(10, 9, 20, 0, "x", "x")), 10)).isEmpty();
        assertThat(AllHighestAdjustmentRule.hits(List.of(claim(10, 10, 0, 0, "x", "x")), 10)).isEmpty();
    }

    @Test
    void declaredOnlyAdjustmentsNeedTheCountAndTheShare() {
        assertThat(DeclaredOnlyAdjustmentsRule.hits(List.of(claim(6, 0, 20, 3, "x", "x")), 3, 50)).singleElement()
            .satisfies(h -> assertThat(h.evidence()).containsEntry("declaredLines", 3)
                .containsEntry("declaredSharePercent", 50.0));
        assertThat(DeclaredOnlyAdjustmentsRule.hits(List.of(claim(7, 0, 20, 3, "x", "x")), 3, 50)).isEmpty();
        assertThat(DeclaredOnlyAdjustmentsRule.hits(List.of(claim(4, 0, 20, 2, "x", "x")), 3, 50)).isEmpty();
    }

    @Test
    void claimSoonAfterCompletionFiresWithinTheMinutesOnly() {
        FiledClaim c = claim(3, 0, 0, 0, "x", "x");
        assertThat(ClaimSoonAfterCompletionRule.hits(List.of(c), Map.of(70L, FILED.minusSeconds(30 * 60)), 30))
            .singleElement()
            .satisfies(h -> assertThat(h.evidence()).containsEntry("minutesBetween", 30L));
        assertThat(ClaimSoonAfterCompletionRule.hits(List.of(c), Map.of(70L, FILED.minusSeconds(30 * 60 + 1)), 30))
            .isEmpty();
        assertThat(ClaimSoonAfterCompletionRule.hits(List.of(c), Map.of(), 30)).isEmpty();
        assertThat(ClaimSoonAfterCompletionRule.hits(List.of(c), Map.of(70L, FILED.plusSeconds(60)), 30)).isEmpty();
    }

    @Test
    void sharedBankAccountHitsEveryProviderAndHoldsItsOpenClaims() {
        PayeeEntry a = new PayeeEntry(1, "甲校", "6222000011119999", "工行", FILED);
        PayeeEntry b = new PayeeEntry(2, "乙校", "6222000011119999", "工行", FILED);
        List<Hit> hits = SharedBankAccountRule.hits(Map.of("6222000011119999", List.of(a, b)), Map.of(),
                Map.of(2L, List.of(new OpenClaim(90, "BT9", 2))));
        assertThat(hits).extracting(Hit::subjectId).containsExactly(1L, 2L);
        assertThat(hits.get(1).targets()).contains(new Hit.Target(SubjectKind.CLAIM, 90));
        assertThat(hits.get(0).evidence()).containsEntry("providerCount", 2).containsEntry("payeeAccount", "****9999");
        assertThat(SharedBankAccountRule.hits(Map.of("6222000011119999", List.of(a)), Map.of(), Map.of())).isEmpty();
    }

    @Test
    void sharedPhoneNeedsTheMinimumOfPeopleAndCapsItsLists() {
        List<PhoneHolder> three = List.of(holder(1), holder(2), holder(3));
        assertThat(SharedPhoneRule.hits(Map.of("k", three), 3)).singleElement()
            .satisfies(h -> assertThat(h.subjectId()).isEqualTo(1));
        assertThat(SharedPhoneRule.hits(Map.of("k", three.subList(0, 2)), 3)).isEmpty();
        List<PhoneHolder> many = new ArrayList<>();
        for (int i = 0; i < Alerts.EVIDENCE_LIST_LIMIT + 5; i++) {
            many.add(holder(i + 1));
        }
        Hit h = SharedPhoneRule.hits(Map.of("k", many), 3).get(0);
        assertThat((List<?>) h.evidence().get("people")).hasSize(Alerts.EVIDENCE_LIST_LIMIT);
        assertThat(h.evidence()).containsEntry("peopleCount", Alerts.EVIDENCE_LIST_LIMIT + 5);
    }

    private static PhoneHolder holder(long id) {
        return new PhoneHolder(id, "学员", "3701**********001X", "139****0000", "370102");
    }

    private static PassRate rate(long body, int candidates, int passed) {
        return new PassRate(body, "机构" + body, "370100", "ELECTRICIAN", "JUNIOR", candidates, passed, FILED);
    }

    private static final PassRateOutlierRule.Params PASS = new PassRateOutlierRule.Params(20, 20, 25, 30);

    @Test
    void passRateOutlierComparesWithPeersOrFlagsEveryonePassing() {
        PassRate peer = rate(2, 100, 70);
        // 95% against 70%: 25 points above.
        PassRate high = rate(1, 20, 19);
        assertThat(PassRateOutlierRule.hits(List.of(high, peer), List.of(high), PASS, r -> List.of())).hasSize(1);
        PassRate lower = rate(1, 20, 18);
        assertThat(PassRateOutlierRule.hits(List.of(lower, peer), List.of(lower), PASS, r -> List.of())).isEmpty();
        // Too few of its own.
        PassRate few = rate(1, 19, 19);
        assertThat(PassRateOutlierRule.hits(List.of(few, peer), List.of(few), PASS, r -> List.of())).isEmpty();
        // No peers: everyone passing 30 is flagged, 29 not.
        assertThat(PassRateOutlierRule.hits(List.of(rate(1, 30, 30)), List.of(rate(1, 30, 30)), PASS, r -> List.of()))
            .singleElement()
            .satisfies(h -> assertThat(h.subjectKind()).isEqualTo(SubjectKind.EVALUATION_BODY));
        assertThat(PassRateOutlierRule.hits(List.of(rate(1, 29, 29)), List.of(rate(1, 29, 29)), PASS, r -> List.of()))
            .isEmpty();
    }

    private static DailyCertificates day(LocalDate d, int n) {
        return new DailyCertificates(3, "认定中心", "370100", d, n);
    }

    @Test
    void certificateSurgeIsAgainstTheBodysOwnUsualRate() {
        LocalDate today = LocalDate.of(2026, 11, 2);
        List<DailyCertificates> usual = new ArrayList<>();
        for (int i = 1; i <= 90; i++) {
            usual.add(day(today.minusDays(i), 2));
        }
        List<DailyCertificates> surge = new ArrayList<>(usual);
        surge.add(day(today, 30));
        // Usual 2 a day, factor 5: 10 would do, but the minimum is 30.
        assertThat(CertificateSurgeRule.hits(surge, today, today, 90, 5, 30)).singleElement()
            .satisfies(h -> assertThat(h.evidence()).containsEntry("issued", 30).containsEntry("usualPerDay", 2.0));
        List<DailyCertificates> small = new ArrayList<>(usual);
        small.add(day(today, 29));
        assertThat(CertificateSurgeRule.hits(small, today, today, 90, 5, 30)).isEmpty();
        // A body that usually issues 10 a day is not surging at 30.
        List<DailyCertificates> busy = new ArrayList<>();
        for (int i = 1; i <= 90; i++) {
            busy.add(day(today.minusDays(i), 10));
        }
        busy.add(day(today, 30));
        assertThat(CertificateSurgeRule.hits(busy, today, today, 90, 5, 30)).isEmpty();
    }

    @Test
    void certificatesSoonAfterAccreditationCountsTheDaysAfterApproval() {
        LocalDate approved = LocalDate.of(2026, 9, 1);
        List<DailyCertificates> issued = List.of(day(approved.plusDays(10), 150), day(approved.plusDays(60), 50),
                day(approved.plusDays(61), 500));
        assertThat(CertificatesSoonAfterAccreditationRule.hits(Map.of(3L, approved), Map.of(3L, issued), 60, 200))
            .singleElement()
            .satisfies(h -> assertThat(h.evidence()).containsEntry("certificates", 200));
        assertThat(CertificatesSoonAfterAccreditationRule.hits(Map.of(3L, approved), Map.of(3L, issued), 59, 200))
            .isEmpty();
    }

    @Test
    void ageOrGroupMismatchReadsTheLineAndTheAge() {
        LocalDate start = LocalDate.of(2026, 10, 1);
        Map<String, Set<String>> lines = Map.of("L06", Set.of("VETERAN", "DISABLED"), "L05",
                Set.of("STUDENT_GRADUATE"));
        SubsidisedEnrolment onL06 = new SubsidisedEnrolment(11, 1, 70, "C1", 5, "370102", "L06", start, "ENROLLED");
        SubsidisedEnrolment onL05 = new SubsidisedEnrolment(12, 2, 71, "C2", 5, "370102", "L05", start, "ENROLLED");
        Map<Long, Person> persons = Map.of(1L, person(1, start.minusYears(40)), 2L, person(2, start.minusYears(36)));
        // The veteran fits L06; the 36-year-old "student" does not fit L05 at 35.
        List<Hit> hits = AgeOrGroupMismatchRule.hits(List.of(onL06, onL05), persons,
                Map.of("1|" + start, Set.of("VETERAN"), "2|" + start, Set.of("STUDENT_GRADUATE")), lines, 16, 65, 35);
        assertThat(hits).singleElement().satisfies(h -> {
            assertThat(h.subjectKind()).isEqualTo(SubjectKind.ENROLMENT);
            assertThat(h.subjectId()).isEqualTo(12);
            assertThat(h.evidence().get("reasons")).isEqualTo(List.of("STUDENT_TOO_OLD"));
        });
        assertThat(AgeOrGroupMismatchRule.hits(List.of(onL05), persons,
                Map.of("2|" + start, Set.of("STUDENT_GRADUATE")), lines, 16, 65, 36))
            .isEmpty();
        // No group of the line on the first day; and too old at 66 over 65.
        Map<Long, Person> old = Map.of(1L, person(1, start.minusYears(66)));
        assertThat(AgeOrGroupMismatchRule.hits(List.of(onL06), old, Map.of(), lines, 16, 65, 35)).singleElement()
            .satisfies(h -> assertThat(h.evidence().get("reasons")).isEqualTo(List.of("OVER_AGE", "NO_GROUP_OF_LINE")));
        assertThat(AgeOrGroupMismatchRule.hits(List.of(onL06), old, Map.of("1|" + start, Set.of("DISABLED")), lines, 16,
                66, 35))
            .isEmpty();
    }

    private static Person person(long id, LocalDate born) {
        return new Person(id, "3701**********001X", "学员", true, born, "139****0000", "370102", 0);
    }

    private static org.jixing.subsidy.ClaimRiskFacts.DailyClaims claims(LocalDate d, int n) {
        return new org.jixing.subsidy.ClaimRiskFacts.DailyClaims(9, "培训学校", "370100", d, n);
    }

    @Test
    void claimSurgeNeedsAHistoryAndTheFactor() {
        LocalDate today = LocalDate.of(2026, 11, 2);
        List<org.jixing.subsidy.ClaimRiskFacts.DailyClaims> days = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            days.add(claims(today.minusDays(10 * i), 1));
        }
        List<org.jixing.subsidy.ClaimRiskFacts.DailyClaims> surge = new ArrayList<>(days);
        surge.add(claims(today, 5));
        assertThat(ClaimSurgeRule.hits(surge, today, today, 90, 5, 5, 3)).singleElement()
            .satisfies(h -> assertThat(h.subjectKind()).isEqualTo(SubjectKind.PROVIDER));
        // Four claims are below the minimum; a fourth earlier day is history the rule
        // asks for.
        List<org.jixing.subsidy.ClaimRiskFacts.DailyClaims> small = new ArrayList<>(days);
        small.add(claims(today, 4));
        assertThat(ClaimSurgeRule.hits(small, today, today, 90, 5, 5, 3)).isEmpty();
        assertThat(ClaimSurgeRule.hits(surge, today, today, 90, 5, 5, 4)).isEmpty();
        // A provider filing its first claims all on one day has no history to surge
        // against.
        assertThat(ClaimSurgeRule.hits(List.of(claims(today, 40)), today, today, 90, 5, 5, 3)).isEmpty();
    }

}
