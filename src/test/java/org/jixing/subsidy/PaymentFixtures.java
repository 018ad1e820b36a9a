package org.jixing.subsidy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Fixtures for payment tests: a claim approved by 济南's officer and budgeted, or paid
 * through an order and the bank's results; result files as the bank returns them. Other
 * tests may leave approved 济南 claims of the same fund source: an order gathers them all,
 * so find your claim's line with {@link #lineOf} rather than assume the order holds one.
 */
public abstract class PaymentFixtures extends SubsidyTestBase {

    protected static final String RESULT_HEADER = "明细编号,收款账号,金额,结果,银行流水号,失败原因";

    @Autowired
    protected Payments payments;

    @Autowired
    protected PaymentOrders paymentOrders;

    @Autowired
    protected BankFiles bankFiles;

    @Autowired
    protected BankResults bankResults;

    /** Two attending trainees of key groups, one a veteran. */
    protected static List<Trainee> twoTrainees() {
        return List.of(new Trainee("VETERAN", true), new Trainee("REGISTERED_UNEMPLOYED", true));
    }

    protected Claim approvedClaim() throws Exception {
        return approvedClaim(twoTrainees());
    }

    /**
     * A completed class of a new 济南 provider claimed by its staff and approved by the 济南
     * officer, the budget topped up to cover it.
     */
    protected Claim approvedClaim(List<Trainee> trainees) throws Exception {
        RuleSet r = rulesInForce();
        PastFixture f = completedClass("CLEANER", "JUNIOR", "L06-1", trainees);
        fund(r, "L06", "20000");
        Claim filed = asStaff(f.provider().id(), () -> claimFiling.file(f.classId()));
        asCity("jinan", JINAN, () -> claimReviews.decide(filed.id(),
                new ClaimDecision(filed.version(), ClaimDecision.Action.APPROVE, null)));
        Claim approved = asAdmin(() -> claims.get(filed.id()));
        org.assertj.core.api.Assertions.assertThat(approved.status()).isEqualTo(ClaimStatus.APPROVED);
        return approved;
    }

    protected Claim paidClaim() throws Exception {
        return paidClaim(twoTrainees());
    }

    /**
     * An approved claim put on a new 济南 order, the bank file downloaded and every line of
     * the order reported paid.
     */
    protected Claim paidClaim(List<Trainee> trainees) throws Exception {
        Claim claim = approvedClaim(trainees);
        PaymentOrder order = asCity("jinan", JINAN, () -> paymentOrders.open(claim.fundSourceCode(), JINAN));
        asCity("jinan", JINAN, () -> bankFiles.bankFile(order.id()));
        List<PaymentLine> lines = asCity("jinan", JINAN, () -> payments.lines(order.id()));
        String[] rows = lines.stream()
            .filter(l -> l.status() == PaymentLine.Status.PENDING)
            .map(PaymentFixtures::success)
            .toArray(String[]::new);
        asCity("jinan", JINAN,
                () -> bankResults.importResults(order.id(), resultFile(rows).getBytes(StandardCharsets.UTF_8)));
        Claim paid = asAdmin(() -> claims.get(claim.id()));
        org.assertj.core.api.Assertions.assertThat(paid.status()).isEqualTo(ClaimStatus.PAID);
        return paid;
    }

    /** The claim's line on the order. */
    protected PaymentLine lineOf(PaymentOrder order, Claim claim) {
        return asAdmin(() -> payments.lines(order.id())).stream()
            .filter(l -> l.claimId() == claim.id())
            .findFirst()
            .orElseThrow(() -> new AssertionError(claim.claimNo() + " is not on " + order.orderNo()));
    }

    /** A result file: the header and the rows, CRLF. */
    protected static String resultFile(String... rows) {
        StringBuilder s = new StringBuilder(RESULT_HEADER).append("\r\n");
        for (String r : rows) {
            s.append(r).append("\r\n");
        }
        return s.toString();
    }

    /** The bank paid the line as sent. */
    protected static String success(PaymentLine l) {
        return l.id() + "," + l.payeeAccount() + "," + l.amount().toYuanString() + ",SUCCESS,BOC" + l.id() + "X,";
    }

    /** The bank could not pay the line. */
    protected static String failed(PaymentLine l, String reason) {
        return l.id() + "," + l.payeeAccount() + "," + l.amount().toYuanString() + ",FAILED,," + reason;
    }

}
