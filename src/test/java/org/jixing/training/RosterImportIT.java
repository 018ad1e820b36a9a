package org.jixing.training;

import static org.jixing.TestIdNumbers.idNumber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import jakarta.servlet.http.Cookie;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.jixing.IntegrationTest;
import org.jixing.SignedIn;
import org.jixing.person.People;
import org.jixing.person.Person;
import org.jixing.shared.ResidentIdNumbers;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.DataScope;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.RunAs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import tools.jackson.databind.JsonNode;

/**
 * Roster imports as a provider does them: a file with bad rows, the same file again, a
 * corrected file; all or nothing; files that are not what they claim; a crash and a
 * cancellation in the middle; scope.
 */
class RosterImportIT extends IntegrationTest implements TrainingFixtures {

    static final Charset GB18030 = Charset.forName("GB18030");

    /** Unique ID numbers for this run: a birth day and order code from a counter. */
    static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 5_000 * 1_000);

    static final CurrentUser ADMIN = new CurrentUser(0, "it-admin", "测试", Role.PROVINCE_ADMIN,
            DataScope.province("370000"));

    @Autowired
    RosterImports imports;

    @Autowired
    RosterImportRunner runner;

    @Autowired
    People people;

    @AfterEach
    void noCrash() {
        RosterImportRun.crashAfterChunks = -1;
    }

    static String uniqueIdNumber() {
        long n = NEXT.incrementAndGet();
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(n / 1000);
        String first17 = "370102" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", n % 1000);
        return first17 + ResidentIdNumbers.checkCharacter(first17);
    }

    static List<List<String>> rows(int n) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(List.of(uniqueIdNumber(), name(i), String.format("139%08d", i), i % 10 == 0 ? "退役军人" : ""));
        }
        return rows;
    }

    /** A name for row i: 学员 and the number in Chinese digits (names hold no digits). */
    static String name(int i) {
        StringBuilder b = new StringBuilder("学员");
        String.valueOf(i).chars().forEach(d -> b.append("零一二三四五六七八九".charAt(d - '0')));
        return b.toString();
    }

    static byte[] csv(List<List<String>> rows, Charset charset, boolean bom) {
        StringBuilder b = new StringBuilder(bom ? "\uFEFF" : "");
        b.append("身份证号码,姓名,手机号码,人员类别\r\n");
        rows.forEach(r -> b.append(String.join(",", r)).append("\r\n"));
        return b.toString().getBytes(charset);
    }

    static byte[] xlsx(List<List<String>> rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("名册");
        List<String> header = List.of("ID number", "Name", "Mobile phone", "Trainee groups");
        for (int c = 0; c < header.size(); c++) {
            ws.value(0, c, header.get(c));
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                ws.value(r + 1, c, rows.get(r).get(c));
            }
        }
        wb.finish();
        return out.toByteArray();
    }

    ResultActions upload(long classId, Cookie as, String name, byte[] bytes, String mode) throws Exception {
        return mvc.perform(multipart("/classes/" + classId + "/imports")
            .file(new MockMultipartFile("file", name, "application/octet-stream", bytes))
            .param("mode", mode)
            .with(csrf())
            .cookie(as));
    }

    /** Uploads through the page and waits for the import to end. */
    RosterImport importFile(long classId, Cookie as, String name, byte[] bytes, String mode) throws Exception {
        String location = upload(classId, as, name, bytes, mode).andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        return awaitEnd(classId, id, as);
    }

    RosterImport awaitEnd(long classId, long id, Cookie as) throws Exception {
        for (int i = 0; i < 600; i++) {
            JsonNode view = body(mvc.perform(get("/api/v1/classes/" + classId + "/imports/" + id).cookie(as))
                .andExpect(status().isOk()));
            RosterImport r = json.treeToValue(view.get("rosterImport"), RosterImport.class);
            if (r.status().finished()) {
                return r;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("import " + id + " did not end");
    }

    int rosterSize(long classId, Cookie as) throws Exception {
        return body(
                mvc.perform(get("/api/v1/classes/" + classId + "/enrolments").cookie(as)).andExpect(status().isOk()))
            .get("total")
            .asInt();
    }

    List<List<String>> result(long classId, long importId, Cookie as) throws Exception {
        byte[] bytes = mvc.perform(get("/classes/" + classId + "/imports/" + importId + "/result.xlsx").cookie(as))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
        try (var wb = new ReadableWorkbook(new ByteArrayInputStream(bytes)); var s = wb.getFirstSheet().openStream()) {
            return s.map(r -> r.stream().map(c -> c == null ? "" : c.getText()).toList()).toList();
        }
    }

    long bigClass(Provider p) throws Exception {
        long programme = programme("WELDER", "JUNIOR", 3, "L07-1");
        return approvedClass(programme, p, 1, 9, start().plusDays(SEQ.incrementAndGet() % 20), 2_000);
    }

    @Test
    void aGb18030FileWithBadRowsEnrolsTheValidOnesAndAnUploadAgainChangesNothing() throws Exception {
        Provider p = provider(jinan(), "370100", "WELDER", "JUNIOR", 2_000);
        long classId = bigClass(p);
        List<List<String>> rows = new ArrayList<>(rows(300));
        String good = rows.get(5).get(0);
        String badCheck = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        rows.set(10, List.of(badCheck, "校验错", "13900000010", ""));
        rows.set(20, List.of(rows.get(21).get(0), "=HYPERLINK(\"x\")", "13900000020", ""));
        rows.set(30, List.of(rows.get(3).get(0), name(3), "13900000003", ""));
        rows.set(40, List.of(idNumber(LocalDate.now().minusYears(15)), "少年", "13900000040", ""));
        rows.set(50, List.of(rows.get(50).get(0), name(50), "13900000050", "外星人"));
        byte[] file = csv(rows, GB18030, false);

        RosterImport first = importFile(classId, p.staff(), "花名册.csv", file, "VALID_ROWS");
        assertThat(first.status()).isEqualTo(ImportStatus.DONE);
        assertThat(first.charset()).isEqualTo("GB18030");
        assertThat(first.rowsInvalid()).isEqualTo(5);
        assertThat(first.rowsEnrolled()).isEqualTo(295);
        assertThat(first.peopleRegistered()).isEqualTo(295);
        assertThat(rosterSize(classId, p.staff())).isEqualTo(295);
        // The veteran column became memberships with the import as evidence.
        long veteran = people.findAllByIdNumber(List.of(rows.get(0).get(0))).get(rows.get(0).get(0)).id();
        assertThat(RunAs.user(ADMIN, () -> people.groupsOn(veteran, start()))).containsExactly("VETERAN");

        // The page lists the invalid rows with field and rule.
        mvc.perform(get("/classes/" + classId + "/imports/" + first.id()).cookie(p.staff()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("校验码")))
            .andExpect(content().string(containsString("与第 5 行的身份证号码重复")))
            .andExpect(content().string(containsString("“外星人”不是人员类别")))
            .andExpect(content().string(containsString("以“=”开头")));

        // The result file: the original rows and an outcome, in the reader's language.
        List<List<String>> result = result(classId, first.id(), p.staff());
        assertThat(result).hasSize(301);
        assertThat(result.get(0)).containsExactly("身份证号码", "姓名", "手机号码", "人员类别", "导入结果", "问题说明");
        assertThat(result.get(1).get(4)).isEqualTo("已报名");
        assertThat(result.get(11).get(0)).isEqualTo(badCheck);
        assertThat(result.get(11).get(4)).isEqualTo("有误，未导入");
        assertThat(result.get(11).get(5)).startsWith("身份证号码: ");
        assertThat(result.get(41).get(5)).contains("16");

        // The same file again adds nobody.
        RosterImport again = importFile(classId, p.staff(), "花名册.csv", file, "VALID_ROWS");
        assertThat(again.rowsEnrolled()).isZero();
        assertThat(again.rowsUnchanged()).isEqualTo(295);
        assertThat(again.rowsInvalid()).isEqualTo(5);
        assertThat(rosterSize(classId, p.staff())).isEqualTo(295);

        // A corrected file adds only the corrected rows.
        rows.set(10, List.of(uniqueIdNumber(), "校验对", "13900000010", ""));
        rows.set(20, List.of(uniqueIdNumber(), "公式改", "13900000020", ""));
        rows.set(50, List.of(rows.get(50).get(0), name(50), "13900000050", "退役军人"));
        RosterImport corrected = importFile(classId, p.staff(), "花名册-改.csv", csv(rows, StandardCharsets.UTF_8, true),
                "VALID_ROWS");
        assertThat(corrected.charset()).isEqualTo("UTF-8");
        assertThat(corrected.rowsEnrolled()).isEqualTo(3);
        assertThat(corrected.rowsUnchanged()).isEqualTo(295);
        assertThat(corrected.rowsInvalid()).isEqualTo(2);
        assertThat(rosterSize(classId, p.staff())).isEqualTo(298);
    }

    @Test
    void allOrNothingWritesNothingWhileARowIsBad() throws Exception {
        Provider p = provider(jinan(), "370100", "WELDER", "JUNIOR", 2_000);
        long classId = bigClass(p);
        List<List<String>> rows = new ArrayList<>(rows(450));
        String fresh = rows.get(0).get(0);
        rows.set(430, List.of("37010219900307", "短号", "13900000430", ""));
        RosterImport rejected = importFile(classId, p.staff(), "roster.xlsx", xlsx(rows), "ALL_OR_NOTHING");
        assertThat(rejected.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(rejected.format()).isEqualTo("XLSX");
        assertThat(rejected.rowsInvalid()).isEqualTo(1);
        assertThat(rejected.rowsEnrolled()).isZero();
        assertThat(rosterSize(classId, p.staff())).isZero();
        assertThat(people.findByIdNumber(fresh)).isEmpty();
        List<List<String>> result = result(classId, rejected.id(), p.staff());
        assertThat(result.get(1).get(4)).isEqualTo("未导入");
        assertThat(result.get(431).get(4)).isEqualTo("有误，未导入");

        rows.set(430, List.of(uniqueIdNumber(), "短号", "13900000430", ""));
        RosterImport done = importFile(classId, p.staff(), "roster.xlsx", xlsx(rows), "ALL_OR_NOTHING");
        assertThat(done.status()).isEqualTo(ImportStatus.DONE);
        assertThat(done.rowsEnrolled()).isEqualTo(450);
        assertThat(rosterSize(classId, p.staff())).isEqualTo(450);
    }

    @Test
    void theClassCapacityHoldsAcrossChunks() throws Exception {
        Provider p = provider(jinan(), "370100", "WELDER", "JUNIOR", 2_000);
        long programme = programme("WELDER", "JUNIOR", 3, "L07-1");
        long classId = approvedClass(programme, p, 1, 9, start().plusDays(25), 250);
        RosterImport r = importFile(classId, p.staff(), "r.csv", csv(rows(300), StandardCharsets.UTF_8, false),
                "VALID_ROWS");
        assertThat(r.rowsEnrolled()).isEqualTo(250);
        assertThat(r.rowsInvalid()).isEqualTo(50);
        assertThat(rosterSize(classId, p.staff())).isEqualTo(250);
    }

    @Test
    void filesThatAreNotWhatTheyClaimAreRefusedAtOnce() throws Exception {
        Provider p = provider(jinan(), "370100", "WELDER", "JUNIOR", 2_000);
        long classId = bigClass(p);
        byte[] text = csv(rows(3), StandardCharsets.UTF_8, false);
        upload(classId, p.staff(), "roster.xlsx", text, "VALID_ROWS").andExpect(status().isOk())
            .andExpect(content().string(containsString("内容却不是 Excel 工作簿")));
        upload(classId, p.staff(), "roster.csv", xlsx(rows(2)), "VALID_ROWS").andExpect(status().isOk())
            .andExpect(content().string(containsString("内容却是 Excel 工作簿")));
        byte[] junk = new byte[4096];
        new Random(7).nextBytes(junk);
        junk[100] = 0;
        upload(classId, p.staff(), "roster.csv", junk, "VALID_ROWS").andExpect(status().isOk())
            .andExpect(content().string(containsString("含二进制内容")));
        byte[] xls = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 };
        upload(classId, p.staff(), "roster.xls", xls, "VALID_ROWS").andExpect(status().isOk())
            .andExpect(content().string(containsString("旧版 Excel")));
        String wide = "身份证号码,姓名,手机号码" + ",x".repeat(300) + "\r\n";
        upload(classId, p.staff(), "wide.csv", wide.getBytes(StandardCharsets.UTF_8), "VALID_ROWS")
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("第 1 行有 303 列，最多 200 列")));
        String endless = "身份证号码,姓名,手机号码\r\n" + ",".repeat(2_000_000);
        upload(classId, p.staff(), "endless.csv", endless.getBytes(StandardCharsets.UTF_8), "VALID_ROWS")
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("第 2 行过长")));
        upload(classId, p.staff(), "bomb.xlsx", zipBomb(), "VALID_ROWS").andExpect(status().isOk())
            .andExpect(content().string(containsString("压缩炸弹")));
        upload(classId, p.staff(), "cols.csv", "姓名,号码\r\n张三,1\r\n".getBytes(StandardCharsets.UTF_8), "VALID_ROWS")
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("缺少必需的列：身份证号码、手机号码")));
        assertThat(RunAs.user(ADMIN, () -> imports.ofClass(classId))).isEmpty();
    }

    /** A workbook whose sheet inflates from a few kilobytes to 40 MB of nothing. */
    static byte[] zipBomb() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write("<workbook><sheets><sheet name=\"a\" r:id=\"rId1\" xmlns:r=\"r\"/></sheets></workbook>"
                .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/_rels/workbook.xml.rels"));
            zip.write("<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>"
                .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] spaces = new byte[1024 * 1024];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 40; i++) {
                zip.write(spaces);
            }
        }
        return out.toByteArray();
    }

    @Test
    void anImportKilledMidwayResumesWithoutEnrollingAnyoneTwice() throws Exception {
        Provider p = provider(jinan(), "370100", "WELDER", "JUNIOR", 2_000);
        long classId = bigClass(p);
        RosterImportRun.crashAfterChunks = 2;
        String location = upload(classId, p.staff(), "r.csv", csv(rows(1_000), StandardCharsets.UTF_8, false),
                "VALID_ROWS")
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        RosterImport stopped = null;
        for (int i = 0; i < 200 && (stopped == null || stopped.rowsDone() < 400); i++) {
            Thread.sleep(50);
            stopped = RunAs.user(ADMIN, () -> imports.get(classId, id));
        }
        Thread.sleep(200);
        stopped = RunAs.user(ADMIN, () -> imports.get(classId, id));
        // As a killed process leaves it: running, two chunks of 200 committed.
        assertThat(stopped.status()).isEqualTo(ImportStatus.RUNNING);
        assertThat(stopped.rowsDone()).isEqualTo(400);
        assertThat(stopped.rowsEnrolled()).isEqualTo(400);
        assertThat(rosterSize(classId, p.staff())).isEqualTo(400);
        // A second import of the roster waits for this one.
        upload(classId, p.staff(), "r2.csv", csv(rows(5), StandardCharsets.UTF_8, false), "VALID_ROWS")
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("本班已有一个导入正在进行")));

        RosterImportRun.crashAfterChunks = -1;
        runner.resumeUnfinished();
        RosterImport done = awaitEnd(classId, id, p.staff());
        assertThat(done.status()).isEqualTo(ImportStatus.DONE);
        assertThat(done.rowsEnrolled()).isEqualTo(1_000);
        assertThat(done.rowsDone()).isEqualTo(1_000);
        assertThat(rosterSize(classId, p.staff())).isEqualTo(1_000);

        // The roster of a thousand comes a page at a time, as every list of the API does:
        // at most 200 a page, each person once, in the order they were enrolled.
        JsonNode first = body(
                mvc.perform(get("/api/v1/classes/" + classId + "/enrolments?size=100000").cookie(p.staff()))
                    .andExpect(status().isOk()));
        assertThat(first.get("items")).hasSize(200);
        assertThat(first.get("size").asInt()).isEqualTo(200);
        assertThat(first.get("total").asLong()).isEqualTo(1_000);
        Set<Long> seen = new HashSet<>();
        for (int page = 0; page < 5; page++) {
            body(mvc.perform(get("/api/v1/classes/" + classId + "/enrolments?size=200&page=" + page).cookie(p.staff())))
                .get("items")
                .forEach(e -> seen.add(e.get("id").asLong()));
        }
        assertThat(seen).hasSize(1_000);
        assertThat(
                body(mvc.perform(get("/api/v1/classes/" + classId + "/enrolments?page=5&size=200").cookie(p.staff())))
                    .get("items"))
            .isEmpty();
        assertThat(body(mvc.perform(get("/api/v1/classes/" + classId + "/enrolments").cookie(p.staff()))).get("items"))
            .hasSize(20);
    }

    @Test
    void aCancelledImportKeepsWhatItCommittedAndStops() throws Exception {
        Provider p = provider(jinan(), "370100", "WELDER", "JUNIOR", 2_000);
        long classId = bigClass(p);
        RosterImportRun.crashAfterChunks = 1;
        String location = upload(classId, p.staff(), "r.csv", csv(rows(600), StandardCharsets.UTF_8, false),
                "VALID_ROWS")
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        for (int i = 0; i < 200 && rosterSize(classId, p.staff()) < 200; i++) {
            Thread.sleep(50);
        }
        Thread.sleep(200);
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/classes/" + classId + "/imports/" + id + "/cancel")
            .with(csrf())
            .cookie(p.staff())).andExpect(status().isOk());
        RosterImportRun.crashAfterChunks = -1;
        runner.resumeUnfinished();
        RosterImport cancelled = awaitEnd(classId, id, p.staff());
        assertThat(cancelled.status()).isEqualTo(ImportStatus.CANCELLED);
        assertThat(cancelled.rowsEnrolled()).isEqualTo(200);
        assertThat(rosterSize(classId, p.staff())).isEqualTo(200);
    }

    @Test
    void importsStayInScopeAndOnlyTheProviderReadsTheResultFile() throws Exception {
        Provider p = provider(jinan(), "370100", "WELDER", "JUNIOR", 2_000);
        Provider other = provider(jinan(), "370100", "WELDER", "JUNIOR", 100);
        long classId = bigClass(p);
        RosterImport r = importFile(classId, p.staff(), "r.csv", csv(rows(5), StandardCharsets.UTF_8, false),
                "VALID_ROWS");
        String page = "/classes/" + classId + "/imports/" + r.id();
        mvc.perform(get(page).cookie(other.staff())).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/classes/" + classId + "/imports/" + r.id()).cookie(other.staff()))
            .andExpect(status().isNotFound());
        mvc.perform(get(page + "/result.xlsx").cookie(other.staff())).andExpect(status().isNotFound());
        mvc.perform(get(page).cookie(SignedIn.as(mvc, "qingdao"))).andExpect(status().isNotFound());
        mvc.perform(get(page).cookie(jinan())).andExpect(status().isOk());
        mvc.perform(get(page + "/result.xlsx").cookie(jinan())).andExpect(status().isForbidden());
        upload(classId, jinan(), "r.csv", csv(rows(1), StandardCharsets.UTF_8, false), "VALID_ROWS")
            .andExpect(status().isForbidden());
    }

    @Test
    void theTemplateHasNotesAndAGroupDropDown() throws Exception {
        byte[] bytes = mvc.perform(get("/classes/imports/template.xlsx?lang=en").cookie(jinan()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
        try (var wb = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
            var sheets = wb.getSheets().toList();
            assertThat(sheets).hasSize(2);
            var header = sheets.get(0).read().get(0);
            assertThat(header.getCellText(0)).isEqualTo("ID number");
            assertThat(header.getCellText(3)).isEqualTo("Trainee groups");
            assertThat(sheets.get(1).read().get(0).getCellText(0)).isEqualTo("Registered unemployed");
        }
        String sheet = entry(bytes, "xl/worksheets/sheet1.xml");
        assertThat(sheet).contains("<dataValidation").contains("type=\"list\"");
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).contains("comments");
    }

    ResultActions uploadTrainees(Cookie as, String region, byte[] file) throws Exception {
        return mvc.perform(multipart("/people/imports").file(new MockMultipartFile("file", "名单.csv", "text/csv", file))
            .param("mode", "VALID_ROWS")
            .param("regionCode", region)
            .with(csrf())
            .cookie(as));
    }

    long traineeImport(Cookie as, byte[] file) throws Exception {
        String location = uploadTrainees(as, "370100", file).andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    RosterImport awaitTrainees(long id) throws Exception {
        for (int i = 0; i < 400; i++) {
            JsonNode view = body(
                    mvc.perform(get("/api/v1/people/imports/" + id).cookie(jinan())).andExpect(status().isOk()));
            RosterImport r = json.treeToValue(view.get("rosterImport"), RosterImport.class);
            if (r.status().finished()) {
                return r;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("import " + id + " did not end");
    }

    @Test
    void aCityOfficerImportsATraineeListIntoTheRegistry() throws Exception {
        List<List<String>> rows = new ArrayList<>(rows(40));
        // Someone registered before, now listed as a veteran.
        Provider p = provider(jinan(), "370100", "WELDER", "JUNIOR", 2_000);
        long classId = bigClass(p);
        List<List<String>> earlier = rows(1);
        importFile(classId, p.staff(), "r.csv", csv(earlier, StandardCharsets.UTF_8, false), "VALID_ROWS");
        rows.set(0, List.of(earlier.get(0).get(0), earlier.get(0).get(1), earlier.get(0).get(2), "退役军人"));
        rows.set(1, List.of(uniqueIdNumber(), "电话错", "1390000", ""));
        rows.set(2, List.of(earlier.get(0).get(0), "别人", earlier.get(0).get(2), ""));
        byte[] file = csv(rows, GB18030, false);

        uploadTrainees(jinan(), "370200", file).andExpect(status().isOk())
            .andExpect(content().string(containsString("只能登记本辖区的人员")));
        uploadTrainees(p.staff(), "370100", file).andExpect(status().isForbidden());

        long id = traineeImport(jinan(), file);
        RosterImport done = awaitTrainees(id);
        assertThat(done.status()).isEqualTo(ImportStatus.DONE);
        assertThat(done.kind()).isEqualTo("TRAINEES");
        assertThat(done.rowsEnrolled()).isEqualTo(37);
        assertThat(done.rowsUnchanged()).isEqualTo(1);
        assertThat(done.rowsInvalid()).isEqualTo(2);
        String fresh = rows.get(5).get(0);
        assertThat(people.findByIdNumber(fresh)).get().extracting(Person::regionCode).isEqualTo("370100");
        long known = people.findByIdNumber(earlier.get(0).get(0)).orElseThrow().id();
        assertThat(RunAs.user(ADMIN, () -> people.groupsOn(known, LocalDate.now().plusDays(1))))
            .containsExactly("VETERAN");
        mvc.perform(get("/people/imports/" + id).cookie(jinan()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("手机号")));
        mvc.perform(get("/people/imports/" + id).cookie(SignedIn.as(mvc, "qingdao"))).andExpect(status().isNotFound());
        mvc.perform(get("/people/imports/" + id + "/result.xlsx").cookie(jinan())).andExpect(status().isOk());

        // Again: nobody new, nothing to add.
        RosterImport second = awaitTrainees(traineeImport(jinan(), file));
        assertThat(second.rowsEnrolled()).isZero();
        assertThat(second.rowsUnchanged()).isEqualTo(38);
    }

    @Test
    void theRosterPageAndTheTraineeListPageShareOneTemplateButEachShowsItsOwnFieldsAndHistory() throws Exception {
        Provider p = provider(jinan(), "370100", "WELDER", "JUNIOR", 2_000);
        long classId = bigClass(p);
        RosterImport roster = importFile(classId, p.staff(), "r.csv", csv(rows(1), StandardCharsets.UTF_8, false),
                "VALID_ROWS");
        String rosterPage = mvc.perform(get("/classes/" + classId + "/imports").param("lang", "en").cookie(p.staff()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(rosterPage).contains("Import roster", "Imports of this class", "Newly enrolled",
                "action=\"/classes/" + classId + "/imports\"", "href=\"/classes/" + classId + "/imports/" + roster.id())
            .doesNotContain("id=\"regionCode\"", "Register in region", "People newly registered");

        long trainees = traineeImport(jinan(), csv(rows(1), StandardCharsets.UTF_8, false));
        awaitTrainees(trainees);
        String traineePage = mvc.perform(get("/people/imports").param("lang", "en").cookie(jinan()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(traineePage)
            .contains("Import a trainee list", "id=\"regionCode\"", "Register in region", "People newly registered",
                    "action=\"/people/imports\"", "href=\"/people/imports/" + trainees + "\"", "<td>Jinan</td>")
            .doesNotContain("Import roster", "Newly enrolled", "id=\"selfFunded\"");
        mvc.perform(get("/people/imports").cookie(jinan()))
            .andExpect(content().string(containsString("导入学员名单")))
            .andExpect(content().string(containsString("<td>济南市</td>")));
    }

    static String entry(byte[] zip, String name) throws Exception {
        Path file = Files.createTempFile("template", ".xlsx");
        try {
            Files.write(file, zip);
            try (var z = new ZipFile(file.toFile())) {
                ZipEntry e = z.getEntry(name);
                assertThat(e).as(name).isNotNull();
                return new String(z.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        finally {
            Files.delete(file);
        }
    }

}
