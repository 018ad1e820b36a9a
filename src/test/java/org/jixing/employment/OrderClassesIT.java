package org.jixing.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jixing.RunningAs.asAdmin;
import static org.jixing.RunningAs.asCity;
import static org.jixing.RunningAs.asEmploymentOfficer;
import static org.jixing.RunningAs.asEnterprise;
import static org.jixing.RunningAs.asStaff;
import static org.jixing.RunningAs.asTrainee;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;
import org.hamcrest.Matchers;
import org.jixing.IntegrationTest;
import org.jixing.certification.CertificateFixtures;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.scope.RecordNotFoundException;
import org.jixing.training.ClassType;
import org.jixing.training.CompletedTraining;
import org.jixing.training.Enrolments;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Order classes from demand to hire: a provider links its order class to the employer's
 * approved demand (another enterprise's is refused with the reason), the enterprise
 * commits to hire and, after completion, records whom it hired (someone not among those
 * who completed is refused, the same person twice changes nothing); the fulfilment shows
 * per class, provider and enterprise. Then employment services: a trainee who completed
 * and was not hired gets a matching demand, is referred, interviewed and hired, and sees
 * their own referrals only.
 */
class OrderClassesIT extends IntegrationTest implements EmploymentFixtures, CertificateFixtures {

    @Autowired
    OrderClassCommitments orderClasses;

    @Autowired
    EmploymentServices services;

    @Autowired
    JobDemands demands;

    @Test
    void fromDemandToHireAndTheFulfilment() throws Exception {
        String ent = enterprise("订单班企业", JINAN);
        String other = enterprise("别的企业", JINAN);
        JobDemand mine = approvedDemand(ent, 10);
        JobDemand theirs = approvedDemand(other, 4);
        PastOrderClass c = pastClass(ClassType.ORDER, ent, List.of(true, true, false));
        long providerId = c.provider().id();
        List<CompletedTraining> done = bean(Enrolments.class).completedTrainingsOfClass(c.classId());
        assertThat(done).hasSize(2);

        // Another enterprise's demand is refused with the reason; nothing is linked.
        assertThatThrownBy(() -> asStaff(providerId, () -> orderClasses.link(c.classId(), List.of(theirs.id()))))
            .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.problems()).singleElement()
                .satisfies(p -> assertThat(p.messageKey()).isEqualTo("employment.error.link.employer")));
        // Another provider finds no such class.
        assertThatThrownBy(
                () -> asStaff(providerId + 100_000, () -> orderClasses.link(c.classId(), List.of(mine.id()))))
            .isInstanceOf(RecordNotFoundException.class);
        OrderClass linked = asStaff(providerId, () -> orderClasses.link(c.classId(), List.of(mine.id())));
        assertThat(linked.demands()).extracting(JobDemand::id).containsExactly(mine.id());
        // Linking again changes nothing.
        assertThat(asStaff(providerId, () -> orderClasses.link(c.classId(), List.of(mine.id()))).demands()).hasSize(1);

        // The other enterprise does not see the class; the employer does.
        assertThatThrownBy(() -> asEnterprise(other, () -> orderClasses.view(c.classId())))
            .isInstanceOf(RecordNotFoundException.class);
        // No hire before the commitment.
        assertThatThrownBy(() -> asEnterprise(ent,
                () -> orderClasses.recordHires(c.classId(), List.of(done.get(0).enrolmentId()), today())))
            .isInstanceOf(InvalidInputException.class)
            .hasMessageContaining("employment.error.hire.noCommitment");
        assertThatThrownBy(() -> asEnterprise(ent, () -> orderClasses.commit(c.classId(), 31, today().plusDays(60))))
            .isInstanceOf(InvalidInputException.class)
            .hasMessageContaining("committedCount");
        OrderClass committed = asEnterprise(ent, () -> orderClasses.commit(c.classId(), 2, today().plusDays(60)));
        assertThat(committed.commitment().committedCount()).isEqualTo(2);
        assertThat(committed.completers()).hasSize(2);

        // Someone not among those who completed (the trainee who did not, an unknown
        // enrolment) is refused with the reason, and nothing is recorded.
        assertThatThrownBy(() -> asEnterprise(ent,
                () -> orderClasses.recordHires(c.classId(), List.of(done.get(0).enrolmentId(), 987_654_321L), today())))
            .isInstanceOfSatisfying(InvalidInputException.class,
                    ex -> assertThat(ex.problems()).singleElement().satisfies(p -> {
                        assertThat(p.messageKey()).isEqualTo("employment.error.hire.notOnRoster");
                        assertThat(p.args()).contains("987654321");
                    }));
        // The trainee on the roster who did not complete.
        long dropout = asAdmin(() -> bean(Enrolments.class).roster(c.classId())).stream()
            .filter(x -> done.stream().noneMatch(t -> t.enrolmentId() == x.id()))
            .findFirst()
            .orElseThrow()
            .id();
        assertThatThrownBy(
                () -> asEnterprise(ent, () -> orderClasses.recordHires(c.classId(), List.of(dropout), today())))
            .isInstanceOf(InvalidInputException.class)
            .hasMessageContaining("employment.error.hire.notOnRoster");
        assertThat(orderClasses.fulfilment(List.of(c.classId()))).containsEntry(c.classId(), new Fulfilment(1, 2, 0));
        int added = asEnterprise(ent,
                () -> orderClasses.recordHires(c.classId(), List.of(done.get(0).enrolmentId()), today()));
        assertThat(added).isEqualTo(1);
        // The same person twice changes nothing.
        assertThat(asEnterprise(ent,
                () -> orderClasses.recordHires(c.classId(), List.of(done.get(0).enrolmentId()), today())))
            .isZero();

        assertThat(orderClasses.fulfilment(List.of(c.classId()))).containsEntry(c.classId(), new Fulfilment(1, 2, 1));
        assertThat(orderClasses.byProvider(List.of(providerId))).containsEntry(providerId, new Fulfilment(1, 2, 1));
        assertThat(orderClasses.byEnterprise(List.of(ent))).containsEntry(ent, new Fulfilment(1, 2, 1));
        assertThat(orderClasses.employerOf(List.of(c.classId(), 987_654_321L))).isEqualTo(Map.of(c.classId(), ent));
        assertThat(asCity(JINAN, () -> orderClasses.search(0, 200)).items()).anySatisfy(r -> {
            assertThat(r.classId()).isEqualTo(c.classId());
            assertThat(r.committed()).isEqualTo(2);
            assertThat(r.hired()).isEqualTo(1);
        });
        assertThat(asStaff(providerId, () -> orderClasses.search(0, 200)).items()).singleElement()
            .satisfies(r -> assertThat(r.rate()).isEqualTo(0.5));
        assertThat(asCity("370200", () -> orderClasses.search(0, 200)).items())
            .noneMatch(r -> r.classId() == c.classId());
        assertThatThrownBy(() -> asCity("370200", () -> orderClasses.view(c.classId())))
            .isInstanceOf(RecordNotFoundException.class);

        // Employment services: the hired trainee is no candidate, the other one is, with
        // the demand; referred, interviewed, hired.
        long hiredPerson = done.get(0).personId();
        long waiting = done.get(1).personId();
        List<EmploymentCandidate> candidates = asEmploymentOfficer(JINAN,
                () -> services.candidates(JINAN, OCCUPATION, 500));
        assertThat(candidates).noneMatch(k -> k.training().personId() == hiredPerson);
        assertThat(candidates).filteredOn(k -> k.training().personId() == waiting).singleElement().satisfies(k -> {
            assertThat(k.status()).isEqualTo(EmploymentStatusSource.Status.UNKNOWN);
            assertThat(k.demands()).extracting(OpenDemand::id).contains(mine.id());
        });
        assertThat(asEnterprise(ent, () -> services.candidatesFor(mine.id(), 500)))
            .anyMatch(k -> k.training().personId() == waiting);
        Referral r = asEmploymentOfficer(JINAN, () -> services.refer(mine.id(), done.get(1).enrolmentId(), "推荐面试"));
        assertThat(r.status()).isEqualTo(ReferralStatus.RECOMMENDED);
        assertThat(asEmploymentOfficer(JINAN, () -> services.refer(mine.id(), done.get(1).enrolmentId(), null)).id())
            .isEqualTo(r.id());
        assertThatThrownBy(() -> asEmploymentOfficer("370200",
                () -> services.move(r.id(), r.version(), ReferralStatus.INTERVIEWED, null)))
            .isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(
                () -> asEnterprise(ent, () -> services.move(r.id(), r.version(), ReferralStatus.HIRED, null)))
            .isInstanceOf(InvalidInputException.class)
            .hasMessageContaining("employment.error.referral.step");
        Referral interviewed = asEnterprise(ent,
                () -> services.move(r.id(), r.version(), ReferralStatus.INTERVIEWED, "面试通过"));
        Referral hired = asEnterprise(ent,
                () -> services.move(r.id(), interviewed.version(), ReferralStatus.HIRED, null));
        assertThat(hired.status()).isEqualTo(ReferralStatus.HIRED);
        assertThat(hired.note()).isEqualTo("面试通过");
        assertThatThrownBy(
                () -> asEnterprise(ent, () -> services.move(r.id(), hired.version(), ReferralStatus.DECLINED, null)))
            .isInstanceOf(InvalidInputException.class);
        // A class that is not completed is not referred.
        assertThatThrownBy(() -> asEmploymentOfficer(JINAN, () -> services.refer(mine.id(), 987_654_321L, null)))
            .isInstanceOf(InvalidInputException.class)
            .hasMessageContaining("employment.error.referral.notCompleted");

        // The trainee sees their own referral, the hired one none.
        assertThat(asTrainee(waiting, () -> services.mine(0, 50)).items()).singleElement()
            .satisfies(x -> assertThat(x.status()).isEqualTo(ReferralStatus.HIRED));
        assertThat(asTrainee(hiredPerson, () -> services.mine(0, 50)).items()).isEmpty();
        assertThat(asEmploymentOfficer("370200", () -> services.search(null, 0, 200)).items())
            .noneMatch(x -> x.id() == r.id());

        // The pages, in Chinese and English.
        Cookie trainee = traineeCookie(waiting);
        mvc.perform(get("/me/referrals").cookie(trainee))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString("已录用")));
        mvc.perform(get("/me/referrals").cookie(trainee).param("lang", "en"))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString("Hired")));
        Cookie employer = enterpriseCookie(ent);
        mvc.perform(get("/employment/order-classes/" + c.classId()).cookie(employer))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString("id=\"fulfilment\"")))
            .andExpect(content().string(Matchers.containsString("50%")));
        mvc.perform(get("/employment/order-classes/" + c.classId()).cookie(enterpriseCookie(other)))
            .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/employment/order-classes/" + c.classId() + "/hires").cookie(employer)
            .with(csrf())
            .contentType("application/json")
            .content("{\"enrolmentIds\":[987654321],\"hiredOn\":\"" + today() + "\"}"))
            .andExpect(status().isUnprocessableEntity());
        mvc.perform(get("/employment/order-classes/" + c.classId()).cookie(c.provider().staff()))
            .andExpect(status().isOk());
        mvc.perform(get("/employment/services").cookie(signIn("employment-jinan")).param("occupation", OCCUPATION))
            .andExpect(status().isOk());
        mvc.perform(get("/employment/referrals").cookie(employer).param("lang", "en"))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString("Hired")));
        mvc.perform(get("/employment/order-classes").cookie(jinan())).andExpect(status().isOk());
        mvc.perform(get("/classes/" + c.classId()).cookie(jinan()))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString("/employment/order-classes/" + c.classId())));
    }

    @Test
    void aRegularClassIsNotLinked() throws Exception {
        String ent = enterprise("普通班企业", JINAN);
        JobDemand d = approvedDemand(ent, 3);
        PastOrderClass c = pastClass(ClassType.REGULAR, ent, List.of(true));
        assertThatThrownBy(() -> asStaff(c.provider().id(), () -> orderClasses.link(c.classId(), List.of(d.id()))))
            .isInstanceOf(InvalidInputException.class)
            .hasMessageContaining("employment.error.link.regular");
    }

    @Test
    void aNamedClassIsAnOrderClassToo() throws Exception {
        String ent = enterprise("冠名班企业", JINAN);
        JobDemand d = approvedDemand(ent, 3);
        PastOrderClass c = pastClass(ClassType.NAMED, ent, List.of(true));
        assertThat(asStaff(c.provider().id(), () -> orderClasses.link(c.classId(), List.of(d.id()))).demands())
            .hasSize(1);
    }

}
