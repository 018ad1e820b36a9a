package org.jixing.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.http.Cookie;

import org.jixing.IntegrationTest;
import org.jixing.RunningAs;
import org.jixing.SignedIn;
import org.jixing.TestIdNumbers;
import org.jixing.employment.internal.ContributionStore;
import org.jixing.person.NewPerson;
import org.jixing.person.IdNumberSeals;
import org.jixing.person.People;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.UnifiedSocialCreditCode;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.DataScope;
import org.jixing.shared.scope.RecordNotFoundException;
import org.jixing.shared.scope.Role;
import org.jixing.training.CompletedEnrolment;
import org.jixing.training.ImportMode;
import org.jixing.training.ImportStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;

import tools.jackson.databind.JsonNode;

/**
 * Contribution files as the province imports them and the follow-up they feed: each
 * refused row named by number with its rule, the rest imported or nothing as chosen, the
 * same file twice changing nothing, a GB18030 file with Chinese headers, an undecodable
 * file refused, people who are not trainees counted and never stored, employed at 3
 * months but not at 6 and 12 not yet known, small groups withheld, and another city's
 * class unseen.
 */
class ContributionImportIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    People people;

    @Autowired
    IdNumberSeals seals;

    @Autowired
    FollowUps followUps;

    @Autowired
    ContributionImports imports;

    @Autowired
    EmploymentOutcomes outcomes;

    @Autowired
    OutcomeIndicators indicators;

    @Autowired
    FollowUpProperties properties;

    /** A person registered for the test, with the ID number the file names. */
    record Trainee(long personId, String idNumber) {
    }

    static long unique() {
        return 8_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
    }

    static String creditCode() {
        String first17 = "91370100MA" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    static String wrongCheck(String code) {
        char c = code.charAt(17);
        return code.substring(0, 17) + (c == '1' ? '2' : '1');
    }

    Trainee trainee() {
        return RunningAs.asCity("370100", () -> {
            for (int attempt = 0; attempt < 20; attempt++) {
                String id = TestIdNumbers.adultIdNumber();
                if (people.findByIdNumber(id).isPresent()) {
                    continue;
                }
                return new Trainee(people
                    .register(new NewPerson(id, "跟踪学员",
                            "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)), "370100"))
                    .id(), id);
            }
            throw new IllegalStateException("no free ID number");
        });
    }

    /** Completions of one new class of one provider, ended on a day. */
    List<CompletedEnrolment> completed(long providerId, String region, LocalDate end, String employer,
            List<Trainee> trainees) {
        long classId = unique();
        List<CompletedEnrolment> list = new ArrayList<>();
        for (Trainee t : trainees) {
            list.add(new CompletedEnrolment(unique(), t.personId(), classId, "EMP-" + classId, providerId, 1L,
                    "ELDERLY_CARE_WORKER", "JUNIOR", "L04", region, employer == null ? "REGULAR" : "ORDER", employer,
                    end.minusDays(20), end, end, trainees.size() + 1));
        }
        followUps.follow(list);
        return list;
    }

    static String row(String id, String code, String month, String base) {
        return id + "," + code + "," + month + "," + base + "\n";
    }

    /** An ID number whose check character is wrong. */
    static final String BAD_ID = "37010219900101123"
            + (org.jixing.shared.ResidentIdNumbers.checkCharacter("37010219900101123") == '0' ? '1' : '0');

    static final String HEADER = "ID number,Employer credit code,Month,Contribution base\n";

    ContributionImport importFile(byte[] content, String name, ImportMode mode) {
        ContributionImport started = RunningAs
            .asAdmin(() -> imports.start(name, new java.io.ByteArrayInputStream(content), mode));
        return awaitEnd(started.id());
    }

    ContributionImport awaitEnd(long id) {
        for (int i = 0; i < 600; i++) {
            ContributionImport now = RunningAs.asAdmin(() -> imports.get(id));
            if (now.status().finished()) {
                return now;
            }
            try {
                Thread.sleep(100);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }
        throw new IllegalStateException("import " + id + " did not end");
    }

    long stored(long importId) {
        return jdbc.sql("select count(*) from contribution_month where import_id = ?")
            .param(importId)
            .query(Long.class)
            .single();
    }

    long storedOf(long personId) {
        return jdbc.sql("select count(*) from contribution_month where person_id = ?")
            .param(personId)
            .query(Long.class)
            .single();
    }

    Map<Integer, String> refused(long importId) {
        Map<Integer, String> out = new HashMap<>();
        RunningAs.asAdmin(() -> imports.refusedRows(importId, 0, 100))
            .forEach(r -> out.put(r.rowNo(), r.reason().name() + (r.detail() == null ? "" : ":" + r.detail())));
        return out;
    }

    YearMonth thisMonth() {
        return YearMonth.from(today());
    }

    /**
     * A file with one good row of a trainee, one of someone who never trained, and a row
     * breaking each rule.
     */
    byte[] badFile(Trainee t, YearMonth m, String employer) {
        String stranger = TestIdNumbers.unregisteredIdNumber();
        return (HEADER + row(t.idNumber(), employer, m.toString(), "4500.50") // 2
                + row(BAD_ID, employer, m.toString(), "4000") // 3 bad ID
                + row(t.idNumber(), employer, "2026-13", "4000") // 4 no such month
                + row(t.idNumber(), employer, thisMonth().plusMonths(1).toString(), "4000") // 5
                                                                                            // future
                + row(t.idNumber(), wrongCheck(employer), m.minusMonths(1).toString(), "4000") // 6
                                                                                               // check
                + row(t.idNumber(), creditCode(), m.toString(), "5000") // 7 repeats row 2
                + row(stranger, employer, m.toString(), "3900")) // 8 not a trainee
            .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void each_bad_row_is_refused_by_number_with_its_rule_and_the_rest_is_imported() throws Exception {
        Trainee t = trainee();
        YearMonth ended = thisMonth().minusMonths(8);
        String employer = creditCode();
        List<CompletedEnrolment> done = completed(unique(), "370102", ended.atDay(25), null, List.of(t));
        YearMonth m3 = ended.plusMonths(3);
        Cookie admin = SignedIn.as(mvc, "admin");
        JsonNode started = body(mvc
            .perform(multipart("/api/v1/employment/contributions")
                .file(new MockMultipartFile("file", "contributions.csv", "text/csv", badFile(t, m3, employer)))
                .param("mode", "VALID_ROWS")
                .cookie(admin)
                .with(csrf()))
            .andExpect(status().isAccepted()));
        long id = started.get("contributionImport").get("id").asLong();
        ContributionImport i = awaitEnd(id);

        assertThat(i.status()).isEqualTo(ImportStatus.DONE);
        assertThat(i.rowsRead()).isEqualTo(7);
        assertThat(i.rowsRefused()).isEqualTo(5);
        assertThat(i.rowsMatched()).isEqualTo(1);
        assertThat(i.rowsNotTrainee()).isEqualTo(1);
        assertThat(i.rowsChanged()).isEqualTo(1);
        assertThat(refused(id)).containsOnlyKeys(3, 4, 5, 6, 7)
            .containsEntry(3, "ID_NUMBER:CHECK_CHARACTER")
            .containsEntry(4, "MONTH:2026-13")
            .containsEntry(5, "MONTH_FUTURE:" + thisMonth().plusMonths(1))
            .containsEntry(6, "CREDIT_CODE:" + wrongCheck(employer))
            .containsEntry(7, "REPEATED:2");
        // The trainee's month is kept; the stranger's row is counted and never stored.
        assertThat(stored(id)).isEqualTo(1);
        assertThat(storedOf(t.personId())).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from contribution_staging where import_id = ?")
            .param(id)
            .query(Long.class)
            .single()).isZero();
        assertThat(Files.exists(properties.fileOf(id))).isFalse();
        FollowUp f = outcomes.followUps(List.of(done.get(0).enrolmentId())).get(0);
        assertThat(f.m3().status()).isEqualTo(FollowUp.Status.EMPLOYED);
        assertThat(f.m3().employer()).isEqualTo(employer);
        assertThat(f.m3().base()).isEqualByComparingTo("4500.50");

        // The refused rows by number, in the reader's language, on the page and as a
        // file.
        String refusedJson = mvc
            .perform(get("/api/v1/employment/contributions/" + id + "/refused?lang=en").cookie(admin))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refusedJson).contains("The same person and month as row 2").contains("Invalid month: 2026-13");
        String page = mvc.perform(get("/employment/contributions/" + id + "?lang=en").cookie(admin))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Refused rows").contains("wrong check character");
        String csv = mvc.perform(get("/employment/contributions/" + id + "/refused.csv").cookie(admin))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("7,\"同一人同一月份已在第 2 行出现\"");
    }

    @Test
    void all_or_nothing_imports_nothing_when_a_row_is_refused() {
        Trainee t = trainee();
        YearMonth ended = thisMonth().minusMonths(9);
        completed(unique(), "370102", ended.atDay(10), null, List.of(t));
        ContributionImport i = importFile(badFile(t, ended.plusMonths(3), creditCode()), "all.csv",
                ImportMode.ALL_OR_NOTHING);
        assertThat(i.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(i.rowsRefused()).isEqualTo(5);
        assertThat(refused(i.id())).containsOnlyKeys(3, 4, 5, 6, 7);
        assertThat(stored(i.id())).isZero();
        assertThat(storedOf(t.personId())).isZero();
    }

    @Test
    void the_same_file_imported_twice_changes_nothing() throws Exception {
        Trainee a = trainee();
        Trainee b = trainee();
        YearMonth ended = thisMonth().minusMonths(10);
        List<CompletedEnrolment> done = completed(unique(), "370102", ended.atDay(5), null, List.of(a, b));
        String employer = creditCode();
        byte[] file = (HEADER + row(a.idNumber(), employer, ended.plusMonths(3).toString(), "4100")
                + row(b.idNumber(), employer, ended.plusMonths(6).toString(), "4200"))
            .getBytes(StandardCharsets.UTF_8);
        ContributionImport first = importFile(file, "twice.csv", ImportMode.VALID_ROWS);
        assertThat(first.status()).isEqualTo(ImportStatus.DONE);
        assertThat(first.rowsChanged()).isEqualTo(2);
        List<FollowUp> before = outcomes.followUps(done.stream().map(CompletedEnrolment::enrolmentId).toList());
        String monthsBefore = jdbc
            .sql("select person_id || ':' || month_no || ':' || employer_code || ':' || base_fen || ':' || import_id"
                    + " from contribution_month where person_id in (?, ?) order by person_id, month_no")
            .param(a.personId())
            .param(b.personId())
            .query(String.class)
            .list()
            .toString();

        ContributionImport second = importFile(file, "twice-again.csv", ImportMode.VALID_ROWS);
        assertThat(second.status()).isEqualTo(ImportStatus.DONE);
        assertThat(second.rowsMatched()).isEqualTo(2);
        assertThat(second.rowsChanged()).isZero();
        assertThat(jdbc
            .sql("select person_id || ':' || month_no || ':' || employer_code || ':' || base_fen || ':' || import_id"
                    + " from contribution_month where person_id in (?, ?) order by person_id, month_no")
            .param(a.personId())
            .param(b.personId())
            .query(String.class)
            .list()
            .toString()).isEqualTo(monthsBefore);
        assertThat(outcomes.followUps(done.stream().map(CompletedEnrolment::enrolmentId).toList())).isEqualTo(before);
        assertThat(RunningAs.asAdmin(() -> imports.sameFileAs(second))).contains(first.id());
        String page = mvc
            .perform(get("/employment/contributions/" + second.id() + "?lang=en").cookie(SignedIn.as(mvc, "admin")))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("This file was imported before as import " + first.id());
    }

    @Test
    void a_gb18030_file_with_chinese_headers_is_imported_and_an_undecodable_one_refused() throws Exception {
        Trainee t = trainee();
        YearMonth ended = thisMonth().minusMonths(11);
        List<CompletedEnrolment> done = completed(unique(), "370102", ended.atDay(3), null, List.of(t));
        byte[] file = ("身份证号,单位统一社会信用代码,缴费月份,缴费基数,单位名称\n"
                + row(t.idNumber(), creditCode(), ended.plusMonths(3).toString(), "3800").replace("\n",
                        ",济南某某养老服务中心\n"))
            .getBytes(Charset.forName("GB18030"));
        ContributionImport i = importFile(file, "缴费.csv", ImportMode.ALL_OR_NOTHING);
        assertThat(i.status()).isEqualTo(ImportStatus.DONE);
        assertThat(i.charset()).isEqualTo("GB18030");
        assertThat(outcomes.followUps(List.of(done.get(0).enrolmentId())).get(0).m3().employed()).isTrue();

        byte[] junk = (HEADER + "370102\u00ff\u00fe,x,y,z\n").getBytes(StandardCharsets.ISO_8859_1);
        junk[HEADER.length() + 6] = (byte) 0xFF;
        junk[HEADER.length() + 7] = (byte) 0xFF;
        String refused = mvc
            .perform(multipart("/api/v1/employment/contributions?lang=en")
                .file(new MockMultipartFile("file", "junk.csv", "text/csv", junk))
                .param("mode", "VALID_ROWS")
                .cookie(SignedIn.as(mvc, "admin"))
                .with(csrf()))
            .andExpect(status().isUnprocessableContent())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("encoding");
    }

    @Test
    void employed_at_three_months_not_at_six_and_twelve_not_yet_known() {
        Trainee employed = trainee();
        Trainee other = trainee();
        Trainee working = trainee();
        YearMonth ended = thisMonth().minusMonths(7);
        List<CompletedEnrolment> done = completed(unique(), "370102", ended.atDay(28), null,
                List.of(employed, other, working));
        String employer = creditCode();
        // Month +3 of the first; month +6 is imported (the second has a record), so the
        // first's missing record there means not employed; month +12 has not come.
        byte[] file = (HEADER + row(employed.idNumber(), employer, ended.plusMonths(3).toString(), "4000")
                + row(other.idNumber(), employer, ended.plusMonths(6).toString(), "4000")
                + row(working.idNumber(), employer, ended.toString(), "3500"))
            .getBytes(StandardCharsets.UTF_8);
        ContributionImport i = importFile(file, "months.csv", ImportMode.VALID_ROWS);
        assertThat(i.status()).isEqualTo(ImportStatus.DONE);
        Map<Long, FollowUp> byEnrolment = new HashMap<>();
        outcomes.followUps(done.stream().map(CompletedEnrolment::enrolmentId).toList())
            .forEach(f -> byEnrolment.put(f.enrolmentId(), f));
        FollowUp first = byEnrolment.get(done.get(0).enrolmentId());
        assertThat(first.m3().status()).isEqualTo(FollowUp.Status.EMPLOYED);
        assertThat(first.m6().status()).isEqualTo(FollowUp.Status.NOT_EMPLOYED);
        assertThat(first.m12().status()).isEqualTo(FollowUp.Status.NOT_YET_KNOWN);
        assertThat(first.m12().employedOrUnknown()).isNull();
        assertThat(first.contributingDuringClass()).isFalse();
        FollowUp third = byEnrolment.get(done.get(2).enrolmentId());
        assertThat(third.contributingDuringClass()).isTrue();
        assertThat(outcomes.contributingDuringClass(done.get(0).classId()))
            .containsEntry(done.get(2).enrolmentId(), true)
            .containsEntry(done.get(0).enrolmentId(), false);
        assertThat(outcomes.employedWithin(done.stream().map(CompletedEnrolment::enrolmentId).toList(), 3))
            .containsExactly(done.get(0).enrolmentId());
        assertThat(outcomes.employedWithin(done.stream().map(CompletedEnrolment::enrolmentId).toList(), 6))
            .containsExactlyInAnyOrder(done.get(0).enrolmentId(), done.get(1).enrolmentId());
    }

    @Test
    void small_groups_are_withheld_and_another_city_sees_none_of_them() throws Exception {
        YearMonth ended = thisMonth().minusMonths(6);
        long big = unique();
        long small = unique();
        List<Trainee> many = new ArrayList<>();
        for (int n = 0; n < properties.minGroup() + 2; n++) {
            many.add(trainee());
        }
        List<Trainee> few = List.of(trainee(), trainee(), trainee());
        List<CompletedEnrolment> bigClass = completed(big, "370102", ended.atDay(15), null, many);
        completed(small, "370102", ended.atDay(15), null, few);
        StringBuilder file = new StringBuilder(HEADER);
        String employer = creditCode();
        for (int n = 0; n < many.size(); n += 2) {
            file.append(row(many.get(n).idNumber(), employer, ended.plusMonths(3).toString(), "4000"));
        }
        file.append(row(few.get(0).idNumber(), employer, ended.plusMonths(3).toString(), "4000"));
        ContributionImport i = importFile(file.toString().getBytes(StandardCharsets.UTF_8), "groups.csv",
                ImportMode.VALID_ROWS);
        assertThat(i.status()).isEqualTo(ImportStatus.DONE);

        Cookie admin = SignedIn.as(mvc, "admin");
        JsonNode all = body(
                mvc.perform(get("/api/v1/employment/outcomes?by=PROVIDER&year=" + ended.getYear()).cookie(admin))
                    .andExpect(status().isOk()));
        Map<String, JsonNode> byProvider = new HashMap<>();
        all.get("groups").forEach(g -> byProvider.put(g.get("key").asText(), g));
        JsonNode bigFigures = byProvider.get(String.valueOf(big));
        assertThat(bigFigures.get("known3").asLong()).isEqualTo(many.size());
        assertThat(bigFigures.get("employed3").asLong()).isEqualTo((many.size() + 1) / 2);
        assertThat(bigFigures.get("rate3").decimalValue())
            .isEqualByComparingTo(Suppression.percent((many.size() + 1) / 2, many.size(), properties.minGroup()));
        assertThat(bigFigures.get("completions").asLong()).isEqualTo(many.size());
        assertThat(bigFigures.get("completionRate").isNull()).isFalse();
        JsonNode smallFigures = byProvider.get(String.valueOf(small));
        assertThat(smallFigures.get("known3").asLong()).isEqualTo(3);
        assertThat(smallFigures.get("rate3").isNull()).isTrue();
        assertThat(smallFigures.get("suppressed").asBoolean()).isTrue();
        String page = mvc
            .perform(get("/employment/outcomes?by=PROVIDER&year=" + ended.getYear() + "&lang=en").cookie(admin))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("group-" + small).contains("Sample under " + properties.minGroup());
        mvc.perform(get("/employment/outcomes/classes/" + bigClass.get(0).classId()).cookie(admin))
            .andExpect(status().isOk());

        // A Qingdao officer sees none of Jinan's groups and not its class.
        Cookie qingdao = SignedIn.as(mvc, "qingdao");
        String theirs = mvc.perform(get("/api/v1/employment/outcomes?by=PROVIDER").cookie(qingdao))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
        assertThat(theirs).doesNotContain("\"" + big + "\"").doesNotContain("\"" + small + "\"");
        mvc.perform(get("/employment/outcomes/classes/" + bigClass.get(0).classId()).cookie(qingdao))
            .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/employment/outcomes/classes/" + bigClass.get(0).classId()).cookie(qingdao))
            .andExpect(status().isNotFound());
        assertThatThrownBy(() -> RunningAs.asCity("370200", () -> indicators.ofClass(bigClass.get(0).classId())))
            .isInstanceOf(RecordNotFoundException.class);
        // Nor does the city import contribution files.
        mvc.perform(get("/employment/contributions").cookie(qingdao)).andExpect(status().isForbidden());
    }

    @Autowired
    ContributionStore store;

    @Autowired
    ContributionImportRunner runner;

    /**
     * As a killed process leaves an import: recorded and running, its file kept, the
     * first two rows staged and committed (or, when {@code stagedRows} says more than the
     * staging table holds, staged rows lost with an unlogged table in a database crash).
     */
    long leftRunning(byte[] file, List<Trainee> firstTwo, YearMonth m, String employer, int stagedRows)
            throws Exception {
        long id = store.insert(new ContributionStore.NewImport("resume.csv", "CSV", "UTF-8", "resume-" + unique(),
                file.length, ImportMode.VALID_ROWS, 4, "0,1,2,3",
                new CurrentUser(1, "admin", "admin", Role.PROVINCE_ADMIN, DataScope.province("370000")),
                clock.instant()));
        Files.createDirectories(properties.directory());
        Files.write(properties.fileOf(id), file);
        store.started(id, clock.instant());
        List<Object[]> staged = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
            staged.add(new Object[] { id, n + 2, seals.idNumberIndex(firstTwo.get(n).idNumber()), employer,
                    ContributionMonths.of(m), 400_000L });
        }
        store.stage(id, staged, List.of(), new ContributionStore.Progress(3, 2, 0, stagedRows));
        return id;
    }

    @Test
    void an_import_killed_after_a_chunk_resumes_after_its_last_committed_row_or_from_the_start() throws Exception {
        for (int stagedRows : new int[] { 2, 5 }) {
            Trainee a = trainee();
            Trainee b = trainee();
            Trainee c = trainee();
            YearMonth ended = thisMonth().minusMonths(12);
            completed(unique(), "370102", ended.atDay(1), null, List.of(a, b, c));
            YearMonth m = ended.plusMonths(3);
            String employer = creditCode();
            byte[] file = (HEADER + row(a.idNumber(), employer, m.toString(), "4000")
                    + row(b.idNumber(), employer, m.toString(), "4000")
                    + row(c.idNumber(), employer, m.toString(), "4000")
                    + row(TestIdNumbers.unregisteredIdNumber(), employer, m.toString(), "4000"))
                .getBytes(StandardCharsets.UTF_8);
            long id = leftRunning(file, List.of(a, b), m, employer, stagedRows);

            runner.resumeUnfinished();
            ContributionImport done = awaitEnd(id);

            // Rows 2 and 3 were not staged twice (they would be refused as repeated).
            assertThat(done.status()).isEqualTo(ImportStatus.DONE);
            assertThat(done.rowsRead()).isEqualTo(4);
            assertThat(done.rowsRefused()).isZero();
            assertThat(done.rowsMatched()).isEqualTo(3);
            assertThat(done.rowsNotTrainee()).isEqualTo(1);
            assertThat(stored(id)).isEqualTo(3);
            assertThat(storedOf(c.personId())).isEqualTo(1);
            assertThat(Files.exists(properties.fileOf(id))).isFalse();
        }
    }

    @Test
    void a_file_without_the_columns_is_refused_at_once() {
        assertThatThrownBy(() -> RunningAs.asAdmin(() -> imports.start("x.csv",
                new java.io.ByteArrayInputStream("ID number,Month\n1,2\n".getBytes(StandardCharsets.UTF_8)),
                ImportMode.VALID_ROWS)))
            .isInstanceOf(InvalidInputException.class)
            .hasMessageContaining("employment.contribution.error.columns");
    }

}
