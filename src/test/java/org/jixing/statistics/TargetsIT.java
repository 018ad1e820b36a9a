package org.jixing.statistics;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

import org.jixing.IntegrationTest;
import org.jixing.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The province administrator splits the annual targets across the cities; others read.
 */
class TargetsIT extends IntegrationTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theProvinceSplitsATargetAndTheCitySeesItsShare() throws Exception {
        Cookie admin = SignedIn.as(mvc, "admin");
        int year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        mvc.perform(get("/statistics/targets").cookie(admin))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"t-L01-1-370100\"")));
        // One bad cell: nothing is saved, the cell is named.
        mvc.perform(post("/statistics/targets").with(csrf())
            .cookie(admin)
            .param("year", String.valueOf(year))
            .param("t[L01-1][370100]", "3000")
            .param("t[L01-1][370200]", "两千"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("数字类培训·青岛市：“两千”不是非负整数。")));
        mvc.perform(get("/statistics/targets").cookie(admin))
            .andExpect(content().string(containsString("id=\"unassigned-L01-1\">20,000<")));

        mvc.perform(post("/statistics/targets").with(csrf())
            .cookie(admin)
            .param("year", String.valueOf(year))
            .param("t[L01-1][370100]", "3,000")
            .param("t[L01-1][370200]", "2500")
            .param("t[L02-2][370200]", "6000")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/statistics/targets?year=" + year).cookie(admin))
            .andExpect(content().string(containsString("id=\"unassigned-L01-1\">14,500<")))
            .andExpect(content().string(containsString("id=\"unassigned-L02-2\">-1,000<")));
        mvc.perform(get("/api/v1/audit/entries?action=target.split").cookie(admin))
            .andExpect(content().string(containsString("L01-1/370200")));

        Cookie qingdao = SignedIn.as(mvc, "qingdao");
        mvc.perform(get("/").cookie(qingdao))
            .andExpect(content().string(containsString("id=\"city-target-L01-1\">2,500<")));
        mvc.perform(get("/statistics/targets").cookie(qingdao))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("青岛市")))
            .andExpect(content().string(not(containsString("济南市"))))
            .andExpect(content().string(not(containsString("<input class=\"form-control"))));
        mvc.perform(post("/statistics/targets").with(csrf()).cookie(qingdao).param("year", String.valueOf(year)))
            .andExpect(status().isForbidden());
    }

    @Test
    void aDepartmentReadsItsLinesAndOthersNothing() throws Exception {
        Cookie agri = SignedIn.as(mvc, "agri");
        mvc.perform(get("/statistics/targets").cookie(agri))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("高素质农民培育")))
            .andExpect(content().string(not(containsString("数字类培训"))));
        mvc.perform(post("/statistics/targets").with(csrf()).cookie(agri).param("year", "2026"))
            .andExpect(status().isForbidden());
        mvc.perform(get("/statistics/targets").cookie(SignedIn.as(mvc, "provider"))).andExpect(status().isForbidden());
    }

}
