package org.jixing.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jixing.RunningAs.asCity;
import static org.jixing.RunningAs.asEmploymentOfficer;
import static org.jixing.RunningAs.asEnterprise;
import static org.jixing.RunningAs.asStaff;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;

import jakarta.servlet.http.Cookie;
import org.jixing.IntegrationTest;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.scope.RecordNotFoundException;
import org.jixing.training.ClassType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Job demands as their users meet them: an enterprise publishes one, its city approves
 * it, another city's officer finds nothing, providers and the public see it once it is
 * open; bad input is refused by field and changes nothing.
 */
class JobDemandsIT extends IntegrationTest implements EmploymentFixtures {

    @Autowired
    JobDemands demands;

    @Autowired
    JdbcClient jdbc;

    long audited(String action, String recordId) {
        return jdbc.sql("select count(*) from audit_entry where action = :a and record_id = :r")
            .param("a", action)
            .param("r", recordId)
            .query(Long.class)
            .single();
    }

    @Test
    void anEnterprisePublishesItsCityApprovesAndItIsOpenToProvidersAndThePublic() {
        String ent = enterprise("叉车物流有限公司", JINAN);
        JobDemand d = asEnterprise(ent, () -> demands.publish(demand(ent, 12)));
        assertThat(d.status()).isEqualTo(DemandStatus.SUBMITTED);
        assertThat(d.enterpriseCreditCode()).isEqualTo(ent);
        assertThat(d.wageMax()).isEqualByComparingTo("6000.50");
        assertThat(audited("employment.demand.publish", d.demandNo())).isEqualTo(1);
        // Not open yet: the public and providers do not see it.
        assertThat(demands.openDemands(OCCUPATION, JINAN, 0, 200).items()).noneMatch(o -> o.id() == d.id());
        Provider p = providerOnly();
        assertThatThrownBy(() -> asStaff(p.id(), () -> demands.get(d.id())))
            .isInstanceOf(RecordNotFoundException.class);

        // 青岛 neither sees nor decides it; 济南 approves.
        assertThatThrownBy(() -> asCity("370200", () -> demands.get(d.id())))
            .isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(
                () -> asCity("370200", () -> demands.decide(d.id(), d.version(), new DemandDecision.Approve())))
            .isInstanceOf(RecordNotFoundException.class);
        JobDemand approved = asCity(JINAN, () -> demands.decide(d.id(), d.version(), new DemandDecision.Approve()));
        assertThat(approved.status()).isEqualTo(DemandStatus.APPROVED);
        assertThat(audited("employment.demand.approve", d.demandNo())).isEqualTo(1);
        // Twice is refused: the state and the version have moved on.
        assertThatThrownBy(
                () -> asCity(JINAN, () -> demands.decide(d.id(), approved.version(), new DemandDecision.Approve())))
            .isInstanceOf(InvalidInputException.class)
            .hasMessageContaining("employment.error.demand.state");

        assertThat(demands.openDemands(OCCUPATION, JINAN, 0, 200).items())
            .anySatisfy(o -> assertThat(o.id()).isEqualTo(d.id()));
        assertThat(asStaff(p.id(), () -> demands.get(d.id())).status()).isEqualTo(DemandStatus.APPROVED);
        assertThat(asStaff(p.id(), () -> demands.search(new DemandFilter(null, OCCUPATION, JINAN), 0, 200)).items())
            .allMatch(x -> x.status() == DemandStatus.APPROVED)
            .anyMatch(x -> x.id() == d.id());
        // Another enterprise sees nothing of it.
        String other = enterprise("别家公司", JINAN);
        assertThatThrownBy(() -> asEnterprise(other, () -> demands.get(d.id())))
            .isInstanceOf(RecordNotFoundException.class);

        // Closed with a reason: no longer open.
        assertThatThrownBy(() -> asEnterprise(ent,
                () -> demands.decide(d.id(), approved.version(), new DemandDecision.Close(" "))))
            .isInstanceOf(InvalidInputException.class)
            .hasMessageContaining("reason");
        asEnterprise(ent, () -> demands.decide(d.id(), approved.version(), new DemandDecision.Close("已招满")));
        assertThat(demands.openDemands(OCCUPATION, JINAN, 0, 200).items()).noneMatch(o -> o.id() == d.id());
    }

    Provider providerOnly() {
        try {
            return provider(jinan(), JINAN, OCCUPATION, "JUNIOR");
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Test
    void aReturnedDemandCarriesTheReasonAndMaySubmitAgain() {
        String ent = enterprise("退回测试公司", JINAN);
        JobDemand d = asEnterprise(ent, () -> demands.publish(demand(ent, 3)));
        assertThatThrownBy(
                () -> asCity(JINAN, () -> demands.decide(d.id(), d.version(), new DemandDecision.Return(""))))
            .isInstanceOf(InvalidInputException.class);
        JobDemand returned = asCity(JINAN,
                () -> demands.decide(d.id(), d.version(), new DemandDecision.Return("工资低于当地最低标准")));
        assertThat(returned.status()).isEqualTo(DemandStatus.RETURNED);
        assertThat(returned.statusReason()).isEqualTo("工资低于当地最低标准");
        JobDemand again = asEnterprise(ent,
                () -> demands.decide(d.id(), returned.version(), new DemandDecision.Resubmit()));
        assertThat(again.status()).isEqualTo(DemandStatus.SUBMITTED);
    }

    @Test
    void badInputIsRefusedByFieldAndNothingIsStored() {
        String ent = enterprise("坏输入公司", JINAN);
        NewDemand bad = new NewDemand(ent, "NO_SUCH_JOB", "NO_LEVEL", 0, "370199", "370201", new BigDecimal("8000"),
                new BigDecimal("5000"), today().minusDays(1), null);
        assertThatThrownBy(() -> asEnterprise(ent, () -> demands.publish(bad))).isInstanceOfSatisfying(
                InvalidInputException.class,
                ex -> assertThat(ex.problems()).extracting(InvalidInputException.Problem::field)
                    .contains("occupationCode", "levelCode", "headcount", "cityCode", "countyCode", "wageMax",
                            "startDate"));
        assertThat(asEnterprise(ent, () -> demands.search(DemandFilter.none(), 0, 10)).total()).isZero();
        // A county outside the city.
        NewDemand county = new NewDemand(ent, OCCUPATION, "JUNIOR", 2, JINAN, "370202", new BigDecimal("5000"),
                new BigDecimal("5000"), today(), null);
        assertThatThrownBy(() -> asEnterprise(ent, () -> demands.publish(county)))
            .isInstanceOf(InvalidInputException.class)
            .hasMessageContaining("countyCode");
        NewDemand ok = new NewDemand(ent, OCCUPATION, "JUNIOR", 2, JINAN, "370102", new BigDecimal("5000"),
                new BigDecimal("5000"), today(), null);
        assertThat(asEnterprise(ent, () -> demands.publish(ok)).regionCode()).isEqualTo("370102");
    }

    @Test
    void anEmploymentOfficerPublishesForARegisteredEnterpriseOfItsCityOnly() {
        String ent = enterprise("代发布公司", JINAN);
        JobDemand d = asEmploymentOfficer(JINAN, () -> demands.publish(demand(ent, 5)));
        assertThat(d.enterpriseCreditCode()).isEqualTo(ent);
        assertThat(d.publishedBy()).isEqualTo("employment-" + JINAN);
        NewDemand qingdao = new NewDemand(ent, OCCUPATION, "JUNIOR", 5, QINGDAO, null, new BigDecimal("5000"),
                new BigDecimal("6000"), today().plusDays(3), null);
        assertThatThrownBy(() -> asEmploymentOfficer(JINAN, () -> demands.publish(qingdao)))
            .isInstanceOf(InvalidInputException.class)
            .hasMessageContaining("employment.error.city.scope");
        NewDemand unknown = new NewDemand("91370100MA00000000", OCCUPATION, "JUNIOR", 5, JINAN, null,
                new BigDecimal("5000"), new BigDecimal("6000"), today().plusDays(3), null);
        assertThatThrownBy(() -> asEmploymentOfficer(JINAN, () -> demands.publish(unknown)))
            .isInstanceOf(InvalidInputException.class)
            .hasMessageContaining("employment.error.enterprise.unknown");
        // The officer cannot approve: that is the city's.
        assertThatThrownBy(() -> asEmploymentOfficer(JINAN,
                () -> demands.decide(d.id(), d.version(), new DemandDecision.Approve())))
            .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void overTheWebTheEnterprisePublishesAnotherCitysOfficerGets404AndThePagesShowIt() throws Exception {
        String ent = enterprise("网页发布公司", JINAN);
        Cookie me = enterpriseCookie(ent);
        String body = """
                {"occupationCode":"%s","levelCode":"JUNIOR","headcount":7,"cityCode":"370100",
                 "wageMin":4000,"wageMax":5500,"startDate":"%s","conditions":"两班倒"}""".formatted(OCCUPATION,
                today().plusDays(20));
        var created = body(postJson("/api/v1/employment/demands", me, body).andExpect(status().isCreated()));
        long id = created.get("id").asLong();
        String no = created.get("demandNo").asString();
        postJson("/api/v1/employment/demands", me, body.replace("5500", "3000"))
            .andExpect(status().isUnprocessableEntity());
        mvc.perform(get("/employment/demands/" + id).cookie(signIn("qingdao"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/employment/demands/" + id).cookie(signIn("qingdao"))).andExpect(status().isNotFound());
        mvc.perform(get("/employment/demands").cookie(me))
            .andExpect(status().isOk())
            .andExpect(content().string(org.hamcrest.Matchers.containsString(no)));
        mvc.perform(get("/employment/demands/" + id).cookie(jinan()))
            .andExpect(status().isOk())
            .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"decide\"")));
        mvc.perform(post("/employment/demands/" + id + "/decision").cookie(jinan())
            .with(csrf())
            .param("version", created.get("version").asString())
            .param("verb", "approve")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/employment/open-demands").param("occupation", OCCUPATION).param("size", "200"))
            .andExpect(status().isOk())
            .andExpect(content().string(org.hamcrest.Matchers.containsString(no)))
            .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(ent))));
        mvc.perform(get("/employment/demands/new").cookie(me).param("lang", "en"))
            .andExpect(status().isOk())
            .andExpect(content().string(org.hamcrest.Matchers.containsString("Publish a job demand")));
        mvc.perform(get("/").cookie(me)).andExpect(status().isOk());
        mvc.perform(get("/employment/enterprise-summary").cookie(me))
            .andExpect(status().isOk())
            .andExpect(content().string(org.hamcrest.Matchers.containsString(no)));
        mvc.perform(get("/").cookie(signIn("employment-jinan")))
            .andExpect(status().isOk())
            .andExpect(content().string(org.hamcrest.Matchers.containsString("employment-officer-links")));
    }

    @Test
    void aRegularClassIsNotAnOrderClass() {
        assertThat(ClassType.NAMED.needsEmployer()).isTrue();
        assertThat(ClassType.REGULAR.needsEmployer()).isFalse();
    }

}
