package org.jixing.subsidy;

import static org.jixing.RunningAs.asAdmin;
import static org.jixing.RunningAs.asCity;
import static org.jixing.RunningAs.asStaff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.Cookie;

import org.hamcrest.Matchers;
import org.jixing.IntegrationTest;
import org.jixing.SignedIn;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.Money;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;

/**
 * The city pays its approved claims: an order gathers them, the bank file goes to the
 * bank, and the bank's results pay each claim once (or send it back to wait for a new
 * order), with the ledger reconciling after every step.
 */
class PaymentsIT extends IntegrationTest implements PaymentFixtures {

    @Autowired
    Claims claims;

    @Autowired
    FundLedger ledger;

    @Autowired
    Payments payments;

    @Autowired
    PaymentOrders paymentOrders;

    @Autowired
    BankFiles bankFiles;

    @Autowired
    BankResults bankResults;

    @Autowired
    JdbcClient jdbc;

    private ResultActions importApi(long orderId, Cookie as, String csv) throws Exception {
        return mvc.perform(multipart("/api/v1/subsidies/payment-orders/" + orderId + "/bank-results")
            .file(new MockMultipartFile("file", "results.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
            .with(csrf())
            .cookie(as));
    }

    private Money paidOf(Claim c) {
        return ledger.balance(c.budgetId(), LedgerAccount.PAID);
    }

    private Money committedOf(Claim c) {
        return ledger.balance(c.budgetId(), LedgerAccount.COMMITTED);
    }

    private void ledgerReconciles() {
        assertThat(asAdmin(() -> ledger.check()).problems()).isEmpty();
    }

    private Claim reread(Claim c) {
        return asAdmin(() -> claims.get(c.id()));
    }

    private PaymentOrder openAndExport(Claim claim) {
        PaymentOrder order = asCity("jinan", JINAN, () -> paymentOrders.open(claim.fundSourceCode(), JINAN));
        asCity("jinan", JINAN, () -> bankFiles.bankFile(order.id()));
        return order;
    }

    @Test
    void anOrderGathersTheCitysApprovedClaimsAndTheBankFileListsWhatIsToBePaid() throws Exception {
        Claim claim = approvedClaim();
        assertThat(asCity("jinan", JINAN, () -> payments.awaiting(JINAN, claim.fundSourceCode()))).extracting(Claim::id)
            .contains(claim.id());

        JsonNode opened = body(postJson("/api/v1/subsidies/payment-orders", jinan(),
                "{\"regionCode\":\"%s\",\"fundSourceCode\":\"%s\"}".formatted(JINAN, claim.fundSourceCode()))
            .andExpect(status().isCreated()));
        long orderId = opened.get("order").get("id").asLong();
        String orderNo = opened.get("order").get("orderNo").asString();
        assertThat(orderNo).isEqualTo("ZF370100-" + orderId);
        assertThat(opened.get("order").get("status").asString()).isEqualTo("OPEN");
        assertThat(reread(claim).status()).isEqualTo(ClaimStatus.IN_PAYMENT);
        PaymentOrder order = asAdmin(() -> payments.get(orderId));
        PaymentLine line = lineOf(order, claim);
        assertThat(line.amount()).isEqualTo(claim.amount());
        assertThat(line.payeeAccount()).isEqualTo(claim.payeeAccount());
        assertThat(line.payeeName()).isEqualTo(claim.payeeName());
        assertThat(line.budgetId()).isEqualTo(claim.budgetId());
        assertThat(line.status()).isEqualTo(PaymentLine.Status.PENDING);
        assertThat(asCity("jinan", JINAN, () -> payments.awaiting(JINAN, claim.fundSourceCode()))).extracting(Claim::id)
            .doesNotContain(claim.id());
        // Money stays committed until the bank pays.
        ledgerReconciles();

        // Nothing left to pay: a second order is refused with the reason (or, where other
        // tests left approved claims held by supervision in the city, with that reason).
        postJson("/api/v1/subsidies/payment-orders", jinan(),
                "{\"regionCode\":\"%s\",\"fundSourceCode\":\"%s\"}".formatted(JINAN, claim.fundSourceCode()))
            .andExpect(status().isUnprocessableContent())
            .andExpect(content().string(Matchers.anyOf(Matchers.containsString("没有待拨付的已批准申领"),
                    Matchers.containsString("subsidy.payment.error.allHeld"))))
            .andExpect(content().string(Matchers.not(Matchers.containsString(claim.claimNo()))));

        byte[] file = mvc.perform(get("/api/v1/subsidies/payment-orders/" + orderId + "/bank-file.csv").cookie(jinan()))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", Matchers.startsWith("text/csv")))
            .andExpect(header().string("Content-Disposition", Matchers.startsWith("attachment")))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
        assertThat(file[0] & 0xff).isEqualTo(0xEF);
        assertThat(file[1] & 0xff).isEqualTo(0xBB);
        assertThat(file[2] & 0xff).isEqualTo(0xBF);
        String text = new String(file, 3, file.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith("付款单号,明细编号,收款户名,收款账号,收款银行,金额,币种,摘要\r\n");
        assertThat(text.split("\r\n"))
            .contains(String.join(",", orderNo, String.valueOf(line.id()), claim.payeeName(), claim.payeeAccount(),
                    claim.payeeBank(), claim.amount().toYuanString(), "CNY", claim.claimNo() + " 职业技能培训补贴"));
        assertThat(claim.amount().toYuanString()).matches("\\d+\\.\\d\\d");
        assertThat(asAdmin(() -> payments.get(orderId)).status()).isEqualTo(PaymentOrder.Status.EXPORTED);

        // Once the line is paid, the file lists only what is still pending.
        importApi(orderId, jinan(), resultFile(success(line))).andExpect(status().isOk());
        String again = new String(
                mvc.perform(get("/api/v1/subsidies/payment-orders/" + orderId + "/bank-file.csv").cookie(jinan()))
                    .andReturn()
                    .getResponse()
                    .getContentAsByteArray(),
                StandardCharsets.UTF_8);
        assertThat(again).doesNotContain("," + line.id() + ",");
    }

    @Test
    void theBanksResultsPayTheClaimOnceAndTheLedgerMovesItFromCommittedToPaid() throws Exception {
        Claim claim = approvedClaim();
        PaymentOrder order = openAndExport(claim);
        PaymentLine line = lineOf(order, claim);
        Money paid = paidOf(claim);
        Money committed = committedOf(claim);

        JsonNode outcome = body(importApi(order.id(), jinan(), resultFile(success(line))).andExpect(status().isOk()));
        assertThat(outcome.get("paid").asInt()).isEqualTo(1);
        assertThat(outcome.get("failed").asInt()).isZero();
        assertThat(reread(claim).status()).isEqualTo(ClaimStatus.PAID);
        assertThat(paidOf(claim)).isEqualTo(paid.plus(claim.amount()));
        assertThat(committedOf(claim)).isEqualTo(committed.minus(claim.amount()));
        PaymentLine after = lineOf(order, claim);
        assertThat(after.status()).isEqualTo(PaymentLine.Status.PAID);
        assertThat(after.bankReference()).isEqualTo("BOC" + line.id() + "X");
        assertThat(after.settledAt()).isNotNull();
        ledgerReconciles();

        // The same results again: refused, naming the row, and nothing is paid twice.
        importApi(order.id(), jinan(), resultFile(success(line))).andExpect(status().isUnprocessableContent())
            .andExpect(content().string(Matchers.containsString("第 2 行")))
            .andExpect(content().string(Matchers.containsString("已拨付，不能重复拨付")));
        assertThat(paidOf(claim)).isEqualTo(paid.plus(claim.amount()));
        ledgerReconciles();

        // The provider sees the payment on its claim.
        List<PaymentLine> seen = asStaff(claim.providerId(), () -> payments.linesOfClaim(claim.id()));
        assertThat(seen).singleElement().satisfies(l -> {
            assertThat(l.status()).isEqualTo(PaymentLine.Status.PAID);
            assertThat(l.orderNo()).isEqualTo(order.orderNo());
        });

        // When the rest of the order is answered, it is settled.
        String[] rest = asAdmin(() -> payments.lines(order.id())).stream()
            .filter(l -> l.status() == PaymentLine.Status.PENDING)
            .map(this::success)
            .toArray(String[]::new);
        if (rest.length > 0) {
            importApi(order.id(), jinan(), resultFile(rest)).andExpect(status().isOk());
        }
        assertThat(asAdmin(() -> payments.get(order.id())).status()).isEqualTo(PaymentOrder.Status.SETTLED);
        ledgerReconciles();
    }

    @Test
    void aFailedPaymentSendsTheClaimBackToWaitAndItGoesOnANewOrder() throws Exception {
        Claim claim = approvedClaim();
        PaymentOrder first = openAndExport(claim);
        PaymentLine line = lineOf(first, claim);
        Money paid = paidOf(claim);
        Money committed = committedOf(claim);

        importApi(first.id(), jinan(), resultFile(failed(line, "账户已销户"))).andExpect(status().isOk());
        assertThat(reread(claim).status()).isEqualTo(ClaimStatus.APPROVED);
        PaymentLine after = lineOf(first, claim);
        assertThat(after.status()).isEqualTo(PaymentLine.Status.FAILED);
        assertThat(after.failureReason()).isEqualTo("账户已销户");
        // Its money stays committed, nothing is paid.
        assertThat(paidOf(claim)).isEqualTo(paid);
        assertThat(committedOf(claim)).isEqualTo(committed);
        ledgerReconciles();

        PaymentOrder second = asCity("jinan", JINAN, () -> paymentOrders.open(claim.fundSourceCode(), JINAN));
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(lineOf(second, claim).status()).isEqualTo(PaymentLine.Status.PENDING);
        assertThat(reread(claim).status()).isEqualTo(ClaimStatus.IN_PAYMENT);
        // The failed line cannot be paid after all.
        importApi(first.id(), jinan(), resultFile(success(line))).andExpect(status().isUnprocessableContent())
            .andExpect(content().string(Matchers.containsString("第 2 行")));
        asCity("jinan", JINAN, () -> bankFiles.bankFile(second.id()));
        importApi(second.id(), jinan(), resultFile(success(lineOf(second, claim)))).andExpect(status().isOk());
        assertThat(reread(claim).status()).isEqualTo(ClaimStatus.PAID);
        assertThat(paidOf(claim)).isEqualTo(paid.plus(claim.amount()));
        assertThat(asStaff(claim.providerId(), () -> payments.linesOfClaim(claim.id()))).extracting(PaymentLine::status)
            .containsExactly(PaymentLine.Status.FAILED, PaymentLine.Status.PAID);
        ledgerReconciles();
    }

    @Test
    void resultsSavedByChineseExcelInGb18030AreReadAndABlankLineIsSkippedButCounted() throws Exception {
        Claim claim = approvedClaim();
        PaymentOrder order = openAndExport(claim);
        PaymentLine line = lineOf(order, claim);
        byte[] gb18030 = (RESULT_HEADER + "\r\n\r\n" + failed(line, "户名与账号不符") + "\r\n")
            .getBytes(Charset.forName("GB18030"));
        mvc.perform(multipart("/api/v1/subsidies/payment-orders/" + order.id() + "/bank-results")
            .file(new MockMultipartFile("file", "results.csv", "text/csv", gb18030))
            .with(csrf())
            .cookie(jinan())).andExpect(status().isOk());
        assertThat(lineOf(order, claim).failureReason()).isEqualTo("户名与账号不符");
        assertThat(reread(claim).status()).isEqualTo(ClaimStatus.APPROVED);

        // With a byte-order mark and a blank line, a wrong row is named as the
        // spreadsheet
        // numbers it (the blank line is row 2).
        PaymentOrder again = openAndExport(claim);
        PaymentLine second = lineOf(again, claim);
        String bad = "\uFEFF" + RESULT_HEADER + "\r\n\r\n" + second.id() + ",1," + second.amount().toYuanString()
                + ",SUCCESS,REF,\r\n";
        importApi(again.id(), jinan(), bad).andExpect(status().isUnprocessableContent())
            .andExpect(content().string(Matchers.containsString("第 3 行")));
        ledgerReconciles();
    }

    @Test
    void aResultFileWithAnyWrongRowIsRefusedWholeNamingEachRowAndNothingChanges() throws Exception {
        Claim one = approvedClaim();
        Claim two = approvedClaim(List.of(new Trainee("VETERAN", true)));
        Claim three = approvedClaim(List.of(new Trainee("DISABLED", true)));
        PaymentOrder order = openAndExport(one);
        PaymentLine a = lineOf(order, one);
        PaymentLine b = lineOf(order, two);
        PaymentLine c = lineOf(order, three);
        Claim elsewhere = approvedClaim(List.of(new Trainee("VETERAN", true)));
        PaymentOrder other = openAndExport(elsewhere);
        PaymentLine foreign = lineOf(other, elsewhere);
        Money paid = paidOf(one);

        String file = resultFile(success(a),
                b.id() + "," + b.payeeAccount() + "," + b.amount().plus(Money.ofFen(1)).toYuanString() + ",SUCCESS,,",
                "999999999,1," + a.amount().toYuanString() + ",SUCCESS,REF,", success(a),
                c.id() + ",6222020200009999999," + c.amount().toYuanString() + ",MAYBE,REF,", success(foreign));
        JsonNode refused = body(importApi(order.id(), jinan(), file).andExpect(status().isUnprocessableContent()));
        List<String> messages = refused.get("errors").findValuesAsString("message");
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("第 3 行").contains("金额"));
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("第 3 行").contains("银行流水号"));
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("第 4 行").contains("不存在"));
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("第 5 行").contains("重复"));
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("第 6 行").contains("收款账号"));
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("第 6 行").contains("SUCCESS 或 FAILED"));
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("第 7 行").contains("不属于"));
        assertThat(messages).noneSatisfy(m -> assertThat(m).startsWith("第 2 行"));

        // Row 2 was right, but nothing of the file was kept.
        assertThat(lineOf(order, one).status()).isEqualTo(PaymentLine.Status.PENDING);
        assertThat(reread(one).status()).isEqualTo(ClaimStatus.IN_PAYMENT);
        assertThat(paidOf(one)).isEqualTo(paid);
        ledgerReconciles();

        // A wrong header is refused too.
        importApi(order.id(), jinan(), "明细编号,金额\r\n" + a.id() + ",1.00\r\n")
            .andExpect(status().isUnprocessableContent())
            .andExpect(content().string(Matchers.containsString(RESULT_HEADER)));
    }

    @Test
    void twoImportsOfTheSameResultsRacingPayOnce() throws Exception {
        Claim claim = approvedClaim();
        PaymentOrder order = openAndExport(claim);
        List<PaymentLine> lines = asAdmin(() -> payments.lines(order.id())).stream()
            .filter(l -> l.status() == PaymentLine.Status.PENDING)
            .toList();
        byte[] file = resultFile(lines.stream().map(this::success).toArray(String[]::new))
            .getBytes(StandardCharsets.UTF_8);
        Money paid = paidOf(claim);
        long orderFen = lines.stream()
            .filter(l -> l.budgetId() == claim.budgetId())
            .mapToLong(l -> l.amount().fen())
            .sum();

        List<Object> outcomes = race(() -> asCity("jinan", JINAN, () -> bankResults.importResults(order.id(), file)));
        assertThat(outcomes).filteredOn(o -> o instanceof BankResults.ImportOutcome).hasSize(1);
        // The other is refused: the order moved on under it, nothing of it was kept.
        assertThat(outcomes).filteredOn(o -> o instanceof InvalidInputException)
            .singleElement()
            .satisfies(ex -> assertThat(((InvalidInputException) ex).problems().get(0).messageKey())
                .isIn("subsidy.payment.error.stale", "subsidy.payment.error.row.alreadyPaid"));

        assertThat(reread(claim).status()).isEqualTo(ClaimStatus.PAID);
        assertThat(paidOf(claim)).isEqualTo(paid.plus(Money.ofFen(orderFen)));
        assertThat(jdbc.sql("""
                select count(*) from ledger_transaction t join payment_line l on l.id = t.payment_line_id
                where l.order_id = :o""").param("o", order.id()).query(Long.class).single()).isEqualTo(lines.size());
        assertThat(asAdmin(() -> payments.get(order.id())).status()).isEqualTo(PaymentOrder.Status.SETTLED);
        ledgerReconciles();
    }

    @Test
    void twoOrdersOpenedAtOnceDoNotTakeTheSameClaim() throws Exception {
        Claim claim = approvedClaim();
        List<Object> outcomes = race(
                () -> asCity("jinan", JINAN, () -> paymentOrders.open(claim.fundSourceCode(), JINAN)));
        assertThat(outcomes).filteredOn(o -> o instanceof PaymentOrder).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof InvalidInputException)
            .singleElement()
            .satisfies(ex -> assertThat(((InvalidInputException) ex).problems().get(0).messageKey()).isIn(
                    "subsidy.payment.error.concurrent", "subsidy.payment.error.nothing",
                    "subsidy.payment.error.allHeld"));
        assertThat(jdbc.sql("select count(*) from payment_line where claim_id = :c")
            .param("c", claim.id())
            .query(Long.class)
            .single()).isEqualTo(1);
        assertThat(reread(claim).status()).isEqualTo(ClaimStatus.IN_PAYMENT);
        ledgerReconciles();
    }

    /** Runs the work twice at once; each result is what it returned or threw. */
    private static List<Object> race(Callable<Object> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch ready = new CountDownLatch(2);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    try {
                        return work.call();
                    }
                    catch (Exception ex) {
                        return ex;
                    }
                }));
            }
            ready.await();
            go.countDown();
            List<Object> out = Collections.synchronizedList(new ArrayList<>());
            for (Future<Object> f : futures) {
                out.add(f.get(60, TimeUnit.SECONDS));
            }
            return out;
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anOrderIsSeenByItsCityTheProvinceAndTheAuditorOnly() throws Exception {
        Claim claim = approvedClaim();
        PaymentOrder order = asCity("jinan", JINAN, () -> paymentOrders.open(claim.fundSourceCode(), JINAN));
        String path = "/api/v1/subsidies/payment-orders/" + order.id();
        Cookie qingdao = SignedIn.as(mvc, "qingdao");
        mvc.perform(get(path).cookie(qingdao)).andExpect(status().isNotFound());
        mvc.perform(get(path + "/bank-file.csv").cookie(qingdao)).andExpect(status().isNotFound());
        // Payment orders are not a provider's business at all: refused by role, before
        // any
        // lookup.
        mvc.perform(get(path).cookie(SignedIn.as(mvc, "provider"))).andExpect(status().isForbidden());
        mvc.perform(get("/subsidies/payments/" + order.id()).cookie(qingdao)).andExpect(status().isNotFound());
        mvc.perform(get(path).cookie(SignedIn.as(mvc, "auditor"))).andExpect(status().isOk());
        mvc.perform(get(path).cookie(admin())).andExpect(status().isOk());
        JsonNode list = body(mvc.perform(get("/api/v1/subsidies/payment-orders?size=100").cookie(qingdao))
            .andExpect(status().isOk()));
        assertThat(list.get("items").findValuesAsString("orderNo")).doesNotContain(order.orderNo());
        // Another city's officer cannot open an order for 济南.
        postJson("/api/v1/subsidies/payment-orders", qingdao,
                "{\"regionCode\":\"%s\",\"fundSourceCode\":\"%s\"}".formatted(JINAN, claim.fundSourceCode()))
            .andExpect(status().isUnprocessableContent());
        // The bank file is not the auditor's to send.
        mvc.perform(get(path + "/bank-file.csv").cookie(SignedIn.as(mvc, "auditor"))).andExpect(status().isForbidden());
        assertThat(asAdmin(() -> payments.get(order.id())).status()).isEqualTo(PaymentOrder.Status.OPEN);
    }

    @Test
    void theOfficerPaysFromThePagesInEitherLanguage() throws Exception {
        Claim claim = approvedClaim();
        mvc.perform(get("/subsidies/payments").cookie(jinan()))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString("id=\"open-order\"")))
            .andExpect(content().string(Matchers.containsString("id=\"regionCode\"")))
            .andExpect(content().string(Matchers.containsString("id=\"fundSourceCode\"")))
            .andExpect(
                    content().string(Matchers.containsString("id=\"awaiting-" + JINAN + "-" + claim.fundSourceCode())))
            .andExpect(content().string(Matchers.not(Matchers.containsString("value=\"370200\""))));
        String location = mvc
            .perform(post("/subsidies/payments").param("regionCode", JINAN)
                .param("fundSourceCode", claim.fundSourceCode())
                .with(csrf())
                .cookie(jinan()))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
        assertThat(location).matches("/subsidies/payments/\\d+");
        long orderId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        PaymentOrder order = asAdmin(() -> payments.get(orderId));
        PaymentLine line = lineOf(order, claim);
        mvc.perform(get(location).cookie(jinan()))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString("id=\"status\">待导出<")))
            .andExpect(content().string(Matchers.containsString("id=\"lines\"")))
            .andExpect(content().string(Matchers.containsString(claim.claimNo())))
            .andExpect(content().string(Matchers.containsString("id=\"download\"")))
            .andExpect(content().string(Matchers.containsString("id=\"upload\"")))
            .andExpect(content().string(Matchers.containsString("待拨付")));
        mvc.perform(get(location + "?lang=en").cookie(jinan()))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString("id=\"status\">Open<")))
            .andExpect(content().string(Matchers.containsString("Pending")));
        mvc.perform(get(location + "/bank-file.csv").cookie(jinan()))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Disposition", Matchers.containsString(order.orderNo())));
        mvc.perform(get(location).cookie(jinan()))
            .andExpect(content().string(Matchers.containsString("id=\"status\">已导出<")));

        String bad = resultFile(line.id() + ",1," + line.amount().toYuanString() + ",SUCCESS,,");
        mvc.perform(multipart(location + "/results")
            .file(new MockMultipartFile("file", "r.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)))
            .with(csrf())
            .cookie(jinan()))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString("id=\"problems\"")))
            .andExpect(content().string(Matchers.containsString("第 2 行：明细编号 " + line.id() + " 的收款账号")))
            .andExpect(content().string(Matchers.containsString("第 2 行：拨付成功须填写银行流水号")));
        mvc.perform(multipart(location + "/results")
            .file(new MockMultipartFile("file", "r.csv", "text/csv",
                    resultFile(success(line)).getBytes(StandardCharsets.UTF_8)))
            .with(csrf())
            .cookie(jinan())).andExpect(status().is3xxRedirection());
        mvc.perform(get(location).cookie(jinan()))
            .andExpect(content().string(Matchers.containsString("已拨付")))
            .andExpect(content().string(Matchers.containsString("BOC" + line.id() + "X")));
        mvc.perform(get(location + "?lang=en").cookie(jinan()))
            .andExpect(content().string(Matchers.containsString("Paid")));
        // The claim's page shows its payment, to the provider too.
        mvc.perform(get("/subsidies/claims/" + claim.id()).cookie(jinan()))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString("id=\"claim-payments\"")))
            .andExpect(content().string(Matchers.containsString(order.orderNo())))
            .andExpect(content().string(Matchers.containsString("已拨付")));
        ledgerReconciles();
    }

}
