package org.jixing.training;

import static org.jixing.TestIdNumbers.adultIdNumber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.Cookie;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.hamcrest.Matchers;
import org.jixing.IntegrationTest;
import org.jixing.SignedIn;
import org.jixing.shared.web.XlsxDownload;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

/**
 * The class list and a roster download as CSV, in the caller's scope, ID numbers masked.
 */
class ClassExportIT extends IntegrationTest implements TrainingFixtures {

    List<CSVRecord> csv(String path, Cookie as) throws Exception {
        byte[] bytes = mvc.perform(get(path).cookie(as))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        return CSVFormat.RFC4180.parse(new StringReader(text.substring(1))).getRecords();
    }

    List<List<String>> xlsx(String path, Cookie as) throws Exception {
        byte[] bytes = mvc.perform(get(path).cookie(as))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", XlsxDownload.CONTENT_TYPE))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes));
                var rows = workbook.getFirstSheet().openStream()) {
            return rows.map(r -> r.stream().map(c -> c == null ? "" : c.getRawValue()).toList()).toList();
        }
    }

    @Test
    void aCityOfficerExportsOnlyTheirCitysClasses() throws Exception {
        Cookie qingdao = SignedIn.as(mvc, "qingdao");
        List<CSVRecord> all = csv("/classes/export.csv", admin());
        List<CSVRecord> own = csv("/classes/export.csv?lang=en", qingdao);
        assertThat(own.get(0).get(0)).isEqualTo("Class number");
        assertThat(csv("/api/v1/classes/export.csv", qingdao)).hasSameSizeAs(own);
        List<List<String>> sheet = xlsx("/classes/export.xlsx?lang=en", qingdao);
        assertThat(sheet).hasSameSizeAs(own);
        assertThat(sheet.get(0).get(0)).isEqualTo("Class number");
        assertThat(sheet.subList(1, sheet.size())).allSatisfy(r -> assertThat(r.get(0)).startsWith("370200-"));
        assertThat(own.size()).isGreaterThan(1).isLessThan(all.size());
        assertThat(own.subList(1, own.size())).allSatisfy(r -> assertThat(r.get(0)).startsWith("370200-"));
        assertThat(own.subList(1, own.size())).allSatisfy(r -> assertThat(r.get(2)).isEqualTo("Qingdao"));
        List<CSVRecord> completed2025 = csv("/classes/export.csv?status=COMPLETED&from=2025-01-01&to=2025-12-31",
                admin());
        assertThat(completed2025.subList(1, completed2025.size()))
            .allSatisfy(r -> assertThat(r.get(9)).startsWith("2025-"));
    }

    @Test
    void aRosterDownloadMasksIdNumbersAndStaysInScope() throws Exception {
        long programme = programme("WELDER", "JUNIOR", 3, "L07-1");
        Provider p = provider(jinan(), "370100", "WELDER", "JUNIOR");
        long id = approvedClass(programme, p, 1, 9, start());
        String number = adultIdNumber();
        postJson("/api/v1/classes/" + id + "/enrolments", p.staff(), """
                {"idNumber":"%s","name":"赵六","phone":"13900000009","selfFundedIfIneligible":true}""".formatted(number))
            .andExpect(status().isCreated());
        List<CSVRecord> roster = csv("/classes/" + id + "/roster.csv", p.staff());
        List<List<String>> sheet = xlsx("/api/v1/classes/" + id + "/roster.xlsx", p.staff());
        assertThat(sheet).hasSize(2);
        assertThat(sheet.get(1).get(0)).isEqualTo("赵六");
        assertThat(sheet.get(1).get(1)).isEqualTo(roster.get(1).get(1));
        assertThat(roster).hasSize(2);
        assertThat(roster.get(1).get(0)).isEqualTo("赵六");
        assertThat(roster.get(1).get(1)).startsWith(number.substring(0, 6)).contains("*").isNotEqualTo(number);
        assertThat(roster.get(1).get(4)).isEqualTo("0/1");
        mvc.perform(get("/classes/" + id + "/roster.csv").cookie(SignedIn.as(mvc, "qingdao")))
            .andExpect(status().isNotFound());

        // The city's officer may have the numbers in full, and the download is audited
        // with its size; the provider may not, and another city's officer sees no class.
        List<CSVRecord> full = csv("/classes/" + id + "/roster.csv?idNumbers=full", jinan());
        assertThat(full).hasSize(2);
        assertThat(full.get(1).get(1)).isEqualTo(number);
        assertThat(xlsx("/api/v1/classes/" + id + "/roster.xlsx?idNumbers=full", admin()).get(1).get(1))
            .isEqualTo(number);
        var entries = body(
                mvc.perform(get("/api/v1/audit/entries?action=class.roster.export.full&actor=jinan").cookie(admin()))
                    .andExpect(status().isOk()))
            .get("items");
        assertThat(entries).isNotEmpty();
        assertThat(entries.get(0).get("recordId").asString()).isEqualTo(String.valueOf(id));
        assertThat(entries.get(0).get("afterJson").asString()).contains("\"rows\":1");
        mvc.perform(get("/classes/" + id + "/roster.csv?idNumbers=full").cookie(p.staff()))
            .andExpect(status().isForbidden());
        mvc.perform(get("/classes/" + id + "/roster.csv?idNumbers=full").cookie(SignedIn.as(mvc, "qingdao")))
            .andExpect(status().isNotFound());
    }

    @Test
    void aMalformedFilterIsNamedOnThePageAndInTheApi() throws Exception {
        mvc.perform(get("/classes?from=2025-13-45&lang=en").cookie(jinan()))
            .andExpect(status().isBadRequest())
            .andExpect(MockMvcResultMatchers.content()
                .string(Matchers.containsString("The value &quot;2025-13-45&quot; is not valid for &quot;from&quot;")));
        mvc.perform(get("/api/v1/classes?startsFrom=2025-13-45").cookie(jinan()))
            .andExpect(status().isBadRequest())
            .andExpect(header().string("Content-Type", Matchers.startsWith("application/problem+json")));
    }

    @Test
    void attendanceDownloadsListEveryEventRejectedOnesToo() throws Exception {
        Cookie qingdao = SignedIn.as(mvc, "qingdao");
        var classes = body(
                mvc.perform(get("/api/v1/classes?status=COMPLETED&size=50").cookie(qingdao)).andExpect(status().isOk()))
            .get("items");
        long id = classes.get(0).get("id").asLong();
        List<CSVRecord> events = csv("/classes/" + id + "/attendance.csv", qingdao);
        assertThat(events.get(0).get(0)).isEqualTo("课次");
        assertThat(events.size()).isGreaterThan(2);
        assertThat(events.subList(1, events.size())).allSatisfy(r -> assertThat(r.get(3)).contains("*"));
        assertThat(events.subList(1, events.size())).extracting(r -> r.get(4)).contains("签到", "签退");
        List<List<String>> sheet = xlsx("/api/v1/classes/" + id + "/attendance.xlsx?lang=en", qingdao);
        assertThat(sheet).hasSameSizeAs(events);
        assertThat(sheet.get(0).get(0)).isEqualTo("Session");
        mvc.perform(get("/classes/" + id + "/attendance.csv").cookie(jinan())).andExpect(status().isNotFound());
    }

    @Test
    void traineeDownloadsStayInScopeAndFullIdNumbersAreForOfficersAndAudited() throws Exception {
        Cookie qingdao = SignedIn.as(mvc, "qingdao");
        List<CSVRecord> own = csv("/people/export.csv", qingdao);
        List<CSVRecord> all = csv("/api/v1/people/export.csv", admin());
        assertThat(own.get(0).get(0)).isEqualTo("身份证号码");
        assertThat(own.size()).isGreaterThan(1).isLessThan(all.size());
        assertThat(own.subList(1, own.size())).allSatisfy(r -> assertThat(r.get(0)).contains("*"));
        List<List<String>> full = xlsx("/people/export.xlsx?idNumbers=full&lang=en", qingdao);
        assertThat(full.get(0).get(0)).isEqualTo("ID number");
        assertThat(full).hasSameSizeAs(own);
        assertThat(full.subList(1, full.size())).allSatisfy(r -> assertThat(r.get(0)).matches("\\d{17}[\\dX]"));
        assertThat(full.get(1).get(0)).startsWith(own.get(1).get(0).substring(0, 6))
            .endsWith(own.get(1).get(0).substring(14));
        var entries = body(
                mvc.perform(get("/api/v1/audit/entries?action=person.export.full&actor=qingdao").cookie(admin()))
                    .andExpect(status().isOk()));
        assertThat(entries.toString()).contains("qingdao");
        mvc.perform(get("/people/export.csv?idNumbers=full").cookie(SignedIn.as(mvc, "provider")))
            .andExpect(status().isForbidden());
        // A provider has no business with the registry as a whole: refused, not an empty
        // file.
        mvc.perform(get("/people/export.csv").cookie(SignedIn.as(mvc, "provider"))).andExpect(status().isForbidden());
    }

}
