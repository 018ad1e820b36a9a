package org.jixing.statistics;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.servlet.http.Cookie;

import org.assertj.core.api.Assertions;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.jixing.IntegrationTest;
import org.jixing.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The province administrator splits the annual targets across the cities; others read.
 */
class TargetsIT extends IntegrationTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theProvinceSplitsATargetAndTheCitySeesItsShare() throws Exception {
        Cookie admin = SignedIn.as(mvc, "admin");
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
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

    @Test
    void theSplitGoesToExcelAndComesBackFromAFile() throws Exception {
        Cookie admin = SignedIn.as(mvc, "admin");
        int year = 2027;
        byte[] csv = "code,子目标,济南市,Qingdao,Zibo\r\nL05-1,高校毕业生,7000,8000,\r\n".getBytes(StandardCharsets.UTF_8);
        mvc.perform(MockMvcRequestBuilders.multipart("/statistics/targets/import")
            .file(new MockMultipartFile("file", "split.csv", "text/csv", csv))
            .param("year", String.valueOf(year))
            .with(csrf())
            .cookie(admin)).andExpect(status().is3xxRedirection());
        byte[] xlsx = mvc.perform(get("/statistics/targets.xlsx?year=" + year).cookie(admin))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
        List<List<String>> sheet;
        try (var wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx));
                var rows = wb.getFirstSheet().openStream()) {
            sheet = rows.map(r -> r.stream().map(c -> c == null ? "" : c.getText()).toList()).toList();
        }
        Assertions.assertThat(sheet.get(0).subList(0, 5)).containsExactly("code", "子目标", "省级", "济南市", "青岛市");
        var row = sheet.stream().filter(r -> r.get(0).equals("L05-1")).findFirst().orElseThrow();
        Assertions.assertThat(row.subList(3, 5)).containsExactly("7000", "8000");
        // The downloaded workbook uploads again unchanged.
        mvc.perform(MockMvcRequestBuilders.multipart("/statistics/targets/import")
            .file(new MockMultipartFile("file", "targets.xlsx", "application/octet-stream", xlsx))
            .param("year", String.valueOf(year))
            .with(csrf())
            .cookie(admin)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/statistics/targets?year=" + year).cookie(admin))
            .andExpect(content().string(containsString("id=\"unassigned-L05-1\">35,000<")));
        byte[] noCode = "子目标,济南市\r\n高校毕业生,7000\r\n".getBytes(StandardCharsets.UTF_8);
        mvc.perform(MockMvcRequestBuilders.multipart("/statistics/targets/import")
            .file(new MockMultipartFile("file", "bad.csv", "text/csv", noCode))
            .param("year", String.valueOf(year))
            .with(csrf())
            .cookie(admin)).andExpect(status().isOk()).andExpect(content().string(containsString("子目标代码")));
    }

}
