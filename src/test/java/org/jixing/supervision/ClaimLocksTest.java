package org.jixing.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jixing.subsidy.ClaimSupervision.Subject;
import org.jixing.supervision.internal.ConfirmationStore.Denial;
import org.jixing.training.AttendanceEvent;
import org.jixing.training.AttendanceKind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The pure parts of the locks and confirmations, without Spring. */
class ClaimLocksTest {

    static Alert alert(SubjectKind kind, long id, List<Hit.Target> targets) {
        return new Alert(1, "YJ1", "X", 1, kind, id, "x", Severity.HIGH, true, 90, "370102", null, null, null,
                AlertStatus.OPEN, Map.of(), 1, Instant.EPOCH, Instant.EPOCH, null, null, null, null, 0, targets);
    }

    @Nested
    class WhatHoldsAClaim {

        Subject claim = new Subject(10, 20, List.of(30L, 31L));

        @Test
        void anAlertAboutTheClaimItsClassOrALineHoldsIt() {
            assertThat(ClaimLocks.concerns(alert(SubjectKind.CLAIM, 10, List.of()), claim)).isTrue();
            assertThat(ClaimLocks.concerns(alert(SubjectKind.CLASS, 20, List.of()), claim)).isTrue();
            assertThat(ClaimLocks.concerns(alert(SubjectKind.ENROLMENT, 31, List.of()), claim)).isTrue();
        }

        @Test
        void anAlertTargetingOneOfThemHoldsIt() {
            assertThat(ClaimLocks
                .concerns(alert(SubjectKind.PERSON, 99, List.of(new Hit.Target(SubjectKind.ENROLMENT, 30))), claim))
                .isTrue();
            assertThat(ClaimLocks
                .concerns(alert(SubjectKind.PROVIDER, 5, List.of(new Hit.Target(SubjectKind.CLAIM, 10))), claim))
                .isTrue();
        }

        @Test
        void aTraineeNoLongerOnTheLinesOrAnotherClaimDoesNot() {
            assertThat(ClaimLocks.concerns(alert(SubjectKind.ENROLMENT, 32, List.of()), claim)).isFalse();
            assertThat(ClaimLocks.concerns(alert(SubjectKind.CLAIM, 11, List.of()), claim)).isFalse();
            // ids of different kinds do not mix: a person 30 is not the enrolment 30
            assertThat(ClaimLocks.concerns(alert(SubjectKind.PERSON, 30, List.of()), claim)).isFalse();
        }

        @Test
        void theCityOfTheAlertActs() {
            assertThat(ClaimLocks.city("370102")).isEqualTo("370100");
            assertThat(ClaimLocks.city("370000")).isEqualTo("370000");
        }

    }

    @Nested
    class Categories {

        @Test
        void theProviderIsToldOnlyTheKindOfCheck() {
            assertThat(HoldCategory.of("PAYEE_NAME_MISMATCH")).isEqualTo("payee");
            assertThat(HoldCategory.of("SHARED_BANK_ACCOUNT")).isEqualTo("payee");
            assertThat(HoldCategory.of("DECLARED_ONLY_ADJUSTMENTS")).isEqualTo("adjustment");
            assertThat(HoldCategory.of("TRAINEE_DENIED")).isEqualTo("attendance");
            assertThat(HoldCategory.of("ONE_PERSON_TWO_PLACES")).isEqualTo("attendance");
            assertThat(HoldCategory.of("AGE_OR_GROUP_MISMATCH")).isEqualTo("eligibility");
            assertThat(HoldCategory.of("CLAIM_SOON_AFTER_COMPLETION")).isEqualTo("claim");
            assertThat(HoldCategory.of("SOMETHING_NEW")).isEqualTo("other");
        }

    }

    @Nested
    class TheRiskPanelsAttendance {

        AttendanceEvent event(long id, Long enrolment, AttendanceKind kind, Instant at, boolean late) {
            return new AttendanceEvent(id, enrolment, kind, at, at, "T-1", null, late, true, null, "x", null);
        }

        @Test
        void countsCheckInsSharingASecondCorrectionsAndLateUploads() {
            Instant t = Instant.parse("2026-01-05T00:20:00.100Z");
            var f = ClaimLocks.AttendanceFigures.of(List.of(event(1, 1L, AttendanceKind.CHECK_IN, t, false),
                    event(2, 2L, AttendanceKind.CHECK_IN, t.plusMillis(500), false),
                    event(3, 3L, AttendanceKind.CHECK_IN, t.plusSeconds(5), true),
                    event(4, 4L, AttendanceKind.MARK_PRESENT, t.plusSeconds(9), false),
                    event(5, 1L, AttendanceKind.CHECK_OUT, t, false)));
            assertThat(f.sameSecond()).isEqualTo(2);
            assertThat(f.corrections()).isEqualTo(1);
            assertThat(f.lateUploads()).isEqualTo(1);
        }

        @Test
        void thePayeeMatchesTheRegisteredNameIgnoringSpaces() {
            assertThat(ClaimLocks.sameName("测试培训学校", " 测试培训 学校")).isTrue();
            assertThat(ClaimLocks.sameName("测试培训学校", "张三")).isFalse();
        }

    }

    @Nested
    class Denials {

        Denial denial(long id, long claim, long enrolment) {
            return new Denial(id, claim, "BT" + claim, 7, enrolment, 100 + enrolment, 3, "370102", "L06", null,
                    Instant.parse("2026-01-05T00:00:00Z"));
        }

        @Test
        void oneHitPerClaimOnTheClaimTargetingTheDenyingTrainees() {
            List<Hit> hits = TraineeDeniedRule.hits(List.of(denial(1, 10, 30), denial(2, 10, 31), denial(3, 11, 40)),
                    1);
            assertThat(hits).hasSize(2);
            Hit first = hits.get(0);
            assertThat(first.subjectKind()).isEqualTo(SubjectKind.CLAIM);
            assertThat(first.subjectId()).isEqualTo(10);
            assertThat(first.targets()).containsExactly(new Hit.Target(SubjectKind.ENROLMENT, 30),
                    new Hit.Target(SubjectKind.ENROLMENT, 31));
            assertThat(first.evidence()).containsEntry("denials", 2);
        }

        @Test
        void belowTheThresholdNoHit() {
            assertThat(TraineeDeniedRule.hits(List.of(denial(1, 10, 30)), 2)).isEmpty();
        }

    }

    @Test
    void codesAreKeptOnlyAsTheirHash() {
        assertThat(Confirmations.hash("ABC")).hasSize(64).isNotEqualTo("ABC").isEqualTo(Confirmations.hash("ABC"));
    }

}
