package org.jixing.certification;

import static org.jixing.RunningAs.asAdmin;
import static org.jixing.RunningAs.asEvaluator;
import org.jixing.IntegrationTest;
import org.jixing.account.Accounts;
import org.springframework.beans.factory.annotation.Autowired;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import jakarta.servlet.http.Cookie;

import org.jixing.SignedIn;
import org.jixing.account.NewAccount;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeKind;
import org.junit.jupiter.api.Test;

/** The assessment pages in Chinese and English, with per-row score errors and scopes. */
class AssessmentPagesIT extends IntegrationTest implements AssessmentFixtures {

    @Autowired
    DirectRecognitions recognitions;

    @Autowired
    Accounts accounts;

    @Autowired
    Assessments assessments;

    @Test
    void anEvaluatorSchedulesScoresAndPublishesABatchOnThePages() throws Exception {
        Body body = body(jinan(), JINAN, "TECHNICAL_COLLEGE", "CLEANER/JUNIOR");
        mvc.perform(get("/certification/batches").cookie(body.evaluator()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("新建评价批次")))
            .andExpect(content().string(containsString("保洁员 / 初级工")));
        mvc.perform(get("/certification/batches").cookie(body.evaluator()).param("lang", "en"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("New assessment batch")))
            .andExpect(content().string(containsString("Cleaner / Junior worker (grade 5)")));
        // A permit the body does not hold is refused on the form, naming occupation and
        // level.
        mvc.perform(post("/certification/batches").with(csrf())
            .cookie(body.evaluator())
            .param("permit", "CLEANER|SENIOR")
            .param("kind", "BODY")
            .param("assessedOn", "2026-12-20")
            .param("venue", "历下区考点")
            .param("evaluators", "王考评\n李考评"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("本评价机构未备案保洁员（高级工）的评价范围")));
        String location = mvc
            .perform(post("/certification/batches").with(csrf())
                .cookie(body.evaluator())
                .param("permit", "CLEANER|JUNIOR")
                .param("kind", "BODY")
                .param("assessedOn", "2026-12-20")
                .param("venue", "历下区考点")
                .param("evaluators", "王考评\n李考评"))
            .andExpect(redirectedUrlPattern("/certification/batches/*"))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        PastFixture f = completedClass("CLEANER", "JUNIOR", "L06-1",
                List.of(new Trainee(null, true), new Trainee(null, true)));
        mvc.perform(post("/certification/batches/" + id + "/candidates").with(csrf())
            .cookie(body.evaluator())
            .param("classId", String.valueOf(f.classId()))).andExpect(status().is3xxRedirection());
        List<Candidate> cs = asAdmin(() -> assessments.candidates(id));
        mvc.perform(get(location).cookie(body.evaluator()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"theory-" + cs.get(0).id() + "\"")))
            .andExpect(content().string(containsString("王考评、李考评")));
        // One sheet for all rows: the bad row is marked with its error, nothing is saved.
        mvc.perform(post(location + "/scores").with(csrf())
            .cookie(body.evaluator())
            .param("lang", "en")
            .param("theory-" + cs.get(0).id(), "75")
            .param("practical-" + cs.get(0).id(), "80")
            .param("theory-" + cs.get(1).id(), "75")
            .param("practical-" + cs.get(1).id(), "180"))
            .andExpect(status().isOk())
            .andExpect(content()
                .string(containsString("Row 2: the practical score must be a whole number from 0 to 100.")))
            .andExpect(content().string(containsString("value=\"180\"")))
            .andExpect(content().string(containsString("Some rows are wrong")));
        mvc.perform(post(location + "/scores").with(csrf())
            .cookie(body.evaluator())
            .param("theory-" + cs.get(0).id(), "75")
            .param("practical-" + cs.get(0).id(), "80")
            .param("theory-" + cs.get(1).id(), "75")
            .param("practical-" + cs.get(1).id(), "40")).andExpect(status().is3xxRedirection());
        mvc.perform(get(location).cookie(body.evaluator()))
            .andExpect(content().string(containsString("评分中")))
            .andExpect(content().string(containsString("不合格")))
            .andExpect(content().string(containsString("id=\"sign-off\"")));
        // The one who entered the scores cannot sign them off; a second evaluator does.
        mvc.perform(post(location + "/sign-off").with(csrf()).cookie(body.evaluator()))
            .andExpect(status().is3xxRedirection());
        mvc.perform(get(location).cookie(body.evaluator())).andExpect(content().string(not(containsString("已确认"))));
        accounts.create(new NewAccount("second-" + body.id(), "考评员乙", "evaluator-password-123", Role.EVALUATOR,
                ScopeKind.EVALUATION_BODY, String.valueOf(body.id()), JINAN));
        Cookie second = SignedIn.as(mvc, "second-" + body.id(), "evaluator-password-123");
        mvc.perform(post(location + "/sign-off").with(csrf()).cookie(second)).andExpect(status().is3xxRedirection());
        mvc.perform(post(location + "/publish").with(csrf())
            .cookie(second)
            .param("version", String.valueOf(asAdmin(() -> assessments.get(id)).version())))
            .andExpect(status().is3xxRedirection());
        mvc.perform(get(location).cookie(second)).andExpect(content().string(containsString("公示中")));
        // The publicity list, in both languages, for anyone signed in; a challenge is
        // recorded.
        Cookie qingdao = SignedIn.as(mvc, "qingdao");
        mvc.perform(get("/certification/publicity").cookie(qingdao))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"publicity-" + id + "\"")))
            .andExpect(content().string(containsString("提出异议")));
        mvc.perform(get("/certification/publicity").cookie(qingdao).param("lang", "en"))
            .andExpect(content().string(containsString("Results in publicity")));
        long resultId = asAdmin(() -> assessments.candidates(id)).get(0).resultId();
        mvc.perform(post("/certification/results/" + resultId + "/challenges").with(csrf())
            .cookie(qingdao)
            .param("reason", "考试现场有作弊迹象。")).andExpect(status().is3xxRedirection());
        mvc.perform(get(location).cookie(second)).andExpect(content().string(containsString("考试现场有作弊迹象。")));
        // Another city's officer does not find the batch.
        mvc.perform(get(location).cookie(qingdao)).andExpect(status().isNotFound());
    }

    @Test
    void theRecognitionPagesLetABodyApplyAndTheProvinceDecide() throws Exception {
        Body body = body(jinan(), JINAN, "ENTERPRISE", "CLEANER/TECHNICIAN");
        mvc.perform(get("/certification/recognitions").cookie(body.evaluator()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("申请直接认定")));
        mvc.perform(post("/certification/recognitions").with(csrf())
            .cookie(body.evaluator())
            .param("lang", "en")
            .param("idNumber", "")
            .param("occupationCode", "CLEANER")
            .param("levelCode", "TECHNICIAN")
            .param("justification", "省级技能大赛一等奖")
            .param("employerName", "测试物业公司"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Row 1: no such person.")));
        PastFixture f = completedClass("CLEANER", "JUNIOR", "L06-1", List.of(new Trainee(null, true)));
        long person = f.personIds().get(0);
        DirectRecognition d = asEvaluator(body.id(), () -> recognitions
            .apply(new DirectRecognitions.Application(person, "CLEANER", "TECHNICIAN", "省级技能大赛一等奖，一线二十年。", "测试物业公司")));
        mvc.perform(get("/certification/recognitions").cookie(admin()).param("lang", "en"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"recognition-" + d.id() + "\"")))
            .andExpect(content().string(containsString("Awaiting decision")));
        mvc.perform(post("/certification/recognitions/" + d.id() + "/decision").with(csrf())
            .cookie(admin())
            .param("version", String.valueOf(d.version()))
            .param("approve", "true")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/certification/recognitions").cookie(admin()))
            .andExpect(content().string(containsString("已批准")));
        Cookie qingdao = SignedIn.as(mvc, "qingdao");
        mvc.perform(get("/certification/recognitions").cookie(qingdao))
            .andExpect(content().string(not(containsString("id=\"recognition-" + d.id() + "\""))));
    }

}
