package org.jixing.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jixing.RunningAs.asAdmin;
import static org.jixing.RunningAs.asCity;
import static org.jixing.RunningAs.asStaff;
import static org.jixing.RunningAs.asTrainee;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.jixing.IntegrationTest;
import org.jixing.SignedIn;
import org.jixing.account.Accounts;
import org.jixing.account.NewAccount;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeKind;
import org.jixing.subsidy.Claim;
import org.jixing.subsidy.ClaimAction;
import org.jixing.subsidy.ClaimDecision;
import org.jixing.subsidy.ClaimFiling;
import org.jixing.subsidy.ClaimHolds;
import org.jixing.subsidy.ClaimReviews;
import org.jixing.subsidy.ClaimStatus;
import org.jixing.subsidy.Claims;
import org.jixing.subsidy.PaymentFixtures;
import org.jixing.subsidy.RuleSet;
import org.jixing.supervision.RuleDefinition.Trigger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Data locks (数据锁) and the trainees' confirmations: a blocking alert on a claim, its
 * class or a trainee on its lines holds the claim (no approval, no payment order) until
 * an inspector decides it; the provider sees only the hold's category; a trainee's denial
 * through their one-time code locks the claim.
 */
class ClaimLocksIT extends IntegrationTest implements PaymentFixtures {

    @Autowired
    Alerts alerts;

    @Autowired
    RiskRules rules;

    @Autowired
    RiskScans scans;

    @Autowired
    Confirmations confirmations;

    @Autowired
    ClaimFiling filing;

    @Autowired
    ClaimReviews reviews;

    @Autowired
    Claims claims;

    @Autowired
    ClaimHolds holds;

    @Autowired
    JdbcClient jdbc;

    record Filed(PastFixture fixture, Claim claim) {
    }

    private Filed filed(List<Trainee> trainees) throws Exception {
        RuleSet r = rulesInForce();
        PastFixture f = completedClass("CLEANER", "JUNIOR", "L06-1", trainees);
        fund(r, "L06", "20000");
        Claim c = asStaff(f.provider().id(), () -> filing.file(f.classId()));
        return new Filed(f, c);
    }

    /** A blocking alert (the TRAINEE_DENIED rule's) raised on a record by the engine. */
    private Alert lock(SubjectKind kind, long id) {
        RuleVersion v = asAdmin(() -> rules.get(TraineeDeniedRule.CODE).inForce());
        assertThat(v.blocking()).isTrue();
        alerts.raise(v, new Hit(kind, id, "test " + id, JINAN, "L06", null, null, 90,
                Map.of("test", UUID.randomUUID().toString()), List.of()));
        return alerts.holding(Map.of(kind, List.of(id)))
            .stream()
            .filter(a -> a.subjectKind() == kind && a.subjectId() == id)
            .findFirst()
            .orElseThrow();
    }

    private Claim approve(Claim c) {
        Claim now = asAdmin(() -> claims.get(c.id()));
        return asCity("jinan", JINAN,
                () -> reviews.decide(c.id(), new ClaimDecision(now.version(), ClaimDecision.Action.APPROVE, null)));
    }

    private void refusedAsHeld(Claim c, Alert a) {
        assertThatThrownBy(() -> approve(c)).isInstanceOfSatisfying(InvalidInputException.class, ex -> {
            assertThat(ex.problems().get(0).messageKey()).isEqualTo("subsidy.error.review.held");
            assertThat(ex.problems().get(0).args()[0].toString()).contains(a.alertNo());
        });
        assertThat(asAdmin(() -> claims.get(c.id())).status()).isEqualTo(ClaimStatus.SUBMITTED);
    }

    @Test
    void anOpenBlockingAlertOnATraineeOfTheClaimRefusesApprovalUntilItIsDismissedWithAReason() throws Exception {
        Filed f = filed(twoTrainees());
        long enrolment = asAdmin(() -> claims.lines(f.claim().id())).get(0).enrolmentId();
        Alert a = lock(SubjectKind.ENROLMENT, enrolment);

        refusedAsHeld(f.claim(), a);
        // The reviewer may still return or reject it, and the page shows no approve
        // button.
        assertThat(asCity("jinan", JINAN, () -> claims.actions(asAdmin(() -> claims.get(f.claim().id())))))
            .contains(ClaimAction.REVIEW, ClaimAction.RETURN)
            .doesNotContain(ClaimAction.APPROVE);
        String page = mvc.perform(get("/subsidies/claims/" + f.claim().id()).cookie(jinan()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(page).contains("id=\"holds\"", a.alertNo(), "/supervision/alerts/" + a.id(), "id=\"risk\"")
            .doesNotContain("id=\"approve\"");

        // A decision without a reason changes nothing.
        assertThatThrownBy(
                () -> asAdmin(() -> alerts.decide(a.id(), new AlertDecision(AlertStatus.DISMISSED, a.version(), " "))))
            .isInstanceOf(InvalidInputException.class);
        refusedAsHeld(f.claim(), a);

        asAdmin(() -> alerts.decide(a.id(), new AlertDecision(AlertStatus.DISMISSED, a.version(), "电话回访学员确认参训")));
        assertThat(approve(f.claim()).status()).isEqualTo(ClaimStatus.APPROVED);
    }

    @Test
    void anAlertOnATraineeLeftOutOfTheClaimDoesNotHoldIt() throws Exception {
        Filed f = filed(List.of(new Trainee("VETERAN", true), new Trainee("REGISTERED_UNEMPLOYED", false)));
        var left = asAdmin(() -> claims.exclusions(f.claim().id()));
        assertThat(left).hasSize(1);
        lock(SubjectKind.ENROLMENT, left.get(0).enrolmentId());
        assertThat(asAdmin(() -> holds.of(f.claim().id()))).isEmpty();
        assertThat(approve(f.claim()).status()).isEqualTo(ClaimStatus.APPROVED);
    }

    @Test
    void aPaymentOrderSkipsAHeldClaimAndSaysSoAndRefusesWhenOnlyHeldClaimsArePayable() throws Exception {
        Claim held = approvedClaim();
        Claim free = approvedClaim();
        Alert a = lock(SubjectKind.CLASS, held.classId());

        JsonNode opened = body(postJson("/api/v1/subsidies/payment-orders", jinan(),
                "{\"regionCode\":\"%s\",\"fundSourceCode\":\"%s\"}".formatted(JINAN, held.fundSourceCode()))
            .andExpect(status().isCreated()));
        assertThat(opened.get("skipped").toString()).contains(held.claimNo(), a.alertNo());
        assertThat(opened.get("lines").toString()).contains("\"claimId\":" + free.id())
            .doesNotContain("\"claimId\":" + held.id() + ",");
        assertThat(asAdmin(() -> claims.get(held.id())).status()).isEqualTo(ClaimStatus.APPROVED);
        assertThat(asAdmin(() -> claims.get(free.id())).status()).isEqualTo(ClaimStatus.IN_PAYMENT);

        long orders = jdbc.sql("select count(*) from payment_order").query(Long.class).single();
        String refused = postJson("/api/v1/subsidies/payment-orders", jinan(),
                "{\"regionCode\":\"%s\",\"fundSourceCode\":\"%s\"}".formatted(JINAN, held.fundSourceCode()))
            .andExpect(status().isUnprocessableEntity())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(refused).contains(held.claimNo());
        assertThat(jdbc.sql("select count(*) from payment_order").query(Long.class).single()).isEqualTo(orders);
    }

    @Test
    void theProviderSeesOnlyTheHoldsCategoryAndTheReviewerTheAlert() throws Exception {
        Filed f = filed(twoTrainees());
        Alert a = lock(SubjectKind.CLAIM, f.claim().id());
        Cookie staff = f.fixture().provider().staff();

        String forStaff = mvc.perform(get("/api/v1/subsidies/claims/" + f.claim().id()).cookie(staff))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        JsonNode staffView = json.readTree(forStaff).get("holds");
        assertThat(staffView.get("held").asBoolean()).isTrue();
        assertThat(staffView.get("categories").toString()).isEqualTo("[\"attendance\"]");
        assertThat(staffView.get("holds").size()).isZero();
        assertThat(json.readTree(forStaff).get("risk").isNull()).isTrue();
        assertThat(forStaff).doesNotContain(a.alertNo(), TraineeDeniedRule.CODE);
        String staffPage = mvc.perform(get("/subsidies/claims/" + f.claim().id()).cookie(staff))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(staffPage).contains("id=\"hold-provider\"").doesNotContain(a.alertNo(), "id=\"risk\"");

        JsonNode officer = body(mvc.perform(get("/api/v1/subsidies/claims/" + f.claim().id()).cookie(jinan()))
            .andExpect(status().isOk()));
        assertThat(officer.get("holds").get("holds").get(0).get("alertNo").asString()).isEqualTo(a.alertNo());
        assertThat(officer.get("holds").get("holds").get(0).get("actRegionCode").asString()).isEqualTo(JINAN);
        assertThat(officer.get("risk").get("unanswered").asInt()).isEqualTo(2);
        assertThat(officer.get("risk").get("alerts").toString()).contains(a.alertNo());
        String english = mvc.perform(get("/subsidies/claims/" + f.claim().id()).param("lang", "en").cookie(jinan()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(english).contains("Payment on hold (data lock)", "Inspectors of", "Risk panel",
                "0 confirmed, 0 denied, 2 not answered");
    }

    @Test
    void aTraineesDenialThroughTheCodeLocksTheClaimAndTheCodeWorksOnce() throws Exception {
        Filed f = filed(twoTrainees());
        long person = f.fixture().personIds().get(0);
        List<Confirmation> mine = asTrainee(person, () -> confirmations.mine());
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).claimId()).isEqualTo(f.claim().id());
        assertThat(mine.get(0).status()).isEqualTo(Confirmation.Status.PENDING);
        String code = confirmations.reissue(mine.get(0).id());

        String page = mvc.perform(get("/confirm/" + code))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(page).contains("id=\"question\"", mine.get(0).classNo());
        assertThat(mvc.perform(get("/confirm/" + code).param("lang", "en"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString()).contains("Did you attend class " + mine.get(0).classNo());

        Instant from = clock.instant().minus(Duration.ofMinutes(1));
        JsonNode answered = body(mvc
            .perform(post("/api/v1/supervision/confirmations/" + code).contentType(MediaType.APPLICATION_JSON)
                .content("{\"attended\":false,\"remark\":\"我没有参加这个班\"}"))
            .andExpect(status().isOk()));
        assertThat(answered.get("status").asString()).isEqualTo("DENIED");
        assertThat(answered.toString()).doesNotContain(code);
        // The engine's own run on the denial may be raising it at the same moment: the
        // loser merges into the winner's alert.
        scans.run(Trigger.CONFIRMATION, ScanWindow.between(from, clock.instant().plusSeconds(60)));

        List<org.jixing.subsidy.ClaimSupervision.Hold> h = asAdmin(() -> holds.of(f.claim().id()));
        assertThat(h).extracting(org.jixing.subsidy.ClaimSupervision.Hold::ruleCode)
            .containsExactly(TraineeDeniedRule.CODE);
        Alert denial = asAdmin(() -> alerts.get(h.get(0).alertId()));
        assertThat(denial.subjectKind()).isEqualTo(SubjectKind.CLAIM);
        assertThat(denial.targets()).contains(new Hit.Target(SubjectKind.ENROLMENT, mine.get(0).enrolmentId()));
        refusedAsHeld(f.claim(), denial);

        // The same code a second time is refused, through the API and the page.
        mvc.perform(post("/api/v1/supervision/confirmations/" + code).contentType(MediaType.APPLICATION_JSON)
            .content("{\"attended\":true}")).andExpect(status().isUnprocessableEntity());
        assertThat(mvc.perform(post("/confirm/" + code).with(csrf()).param("attended", "true"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString()).contains("id=\"problems\"").doesNotContain("id=\"answered\"");
        assertThat(asTrainee(person, () -> confirmations.mine()).get(0).status()).isEqualTo(Confirmation.Status.DENIED);
        var share = confirmations.share(f.claim().id());
        assertThat(share).isEqualTo(new Confirmations.Share(0, 1, 1));
    }

    @Test
    void aSignedInTraineeAnswersTheirOwnAndCannotAnswerAnothers() throws Exception {
        Filed f = filed(twoTrainees());
        long alice = f.fixture().personIds().get(0);
        long bob = f.fixture().personIds().get(1);
        Cookie bobPhone = traineeSignedIn(bob);
        long alicesId = asTrainee(alice, () -> confirmations.mine()).get(0).id();
        long bobsId = asTrainee(bob, () -> confirmations.mine()).get(0).id();

        postJson("/api/v1/me/confirmations/" + alicesId, bobPhone, "{\"attended\":false}")
            .andExpect(status().isNotFound());
        assertThat(asTrainee(alice, () -> confirmations.mine()).get(0).status()).isEqualTo(Confirmation.Status.PENDING);

        JsonNode list = body(mvc.perform(get("/api/v1/me/confirmations").cookie(bobPhone)).andExpect(status().isOk()));
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).get("id").asLong()).isEqualTo(bobsId);
        assertThat(list.toString()).doesNotContain("code");
        postJson("/api/v1/me/confirmations/" + bobsId, bobPhone, "{\"attended\":true}").andExpect(status().isOk());
        postJson("/api/v1/me/confirmations/" + bobsId, bobPhone, "{\"attended\":false}")
            .andExpect(status().isUnprocessableEntity());
        assertThat(mvc.perform(get("/me/confirmations").cookie(bobPhone))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString()).contains("confirmation-" + bobsId);
        assertThat(confirmations.share(f.claim().id())).isEqualTo(new Confirmations.Share(1, 0, 1));
        // Officers and the provider have no business with a trainee's confirmations.
        mvc.perform(get("/api/v1/me/confirmations").cookie(jinan())).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/me/confirmations").cookie(f.fixture().provider().staff()))
            .andExpect(status().isForbidden());
    }

    private Cookie traineeSignedIn(long person) throws Exception {
        String username = "trainee-c-" + person;
        asAdmin(() -> bean(Accounts.class).create(new NewAccount(username, "学员", "trainee-password-123", Role.TRAINEE,
                ScopeKind.PERSON, String.valueOf(person), JINAN)));
        return SignedIn.as(mvc, username, "trainee-password-123");
    }

}
