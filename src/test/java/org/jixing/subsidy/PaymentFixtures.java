package org.jixing.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jixing.RunningAs.asAdmin;
import static org.jixing.RunningAs.asCity;
import static org.jixing.RunningAs.asStaff;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Fixtures for payments: a claim approved by 济南's officer and budgeted, or paid through
 * an order and the bank's results; result files as the bank returns them. Other tests may
 * leave approved 济南 claims of the same fund source: an order gathers them all, so find
 * your claim's line with {@link #lineOf} rather than assume the order holds one.
 */
public interface PaymentFixtures extends SubsidyFixtures {

    String RESULT_HEADER = "明细编号,收款账号,金额,结果,银行流水号,失败原因";

    /** Two attending trainees of key groups, one a veteran. */
    default List<Trainee> twoTrainees() {
        return List.of(new Trainee("VETERAN", true), new Trainee("REGISTERED_UNEMPLOYED", true));
    }

    default Claim approvedClaim() throws Exception {
        return approvedClaim(twoTrainees());
    }

    /**
     * A completed class of a new 济南 provider claimed by its staff and approved by the 济南
     * officer, the budget topped up to cover it.
     */
    default Claim approvedClaim(List<Trainee> trainees) throws Exception {
        RuleSet r = rulesInForce();
        PastFixture f = completedClass("CLEANER", "JUNIOR", "L06-1", trainees);
        fund(r, "L06", "20000");
        Claim filed = asStaff(f.provider().id(), () -> bean(ClaimFiling.class).file(f.classId()));
        asCity("jinan", JINAN, () -> bean(ClaimReviews.class).decide(filed.id(),
                new ClaimDecision(filed.version(), ClaimDecision.Action.APPROVE, null)));
        Claim approved = asAdmin(() -> bean(Claims.class).get(filed.id()));
        assertThat(approved.status()).isEqualTo(ClaimStatus.APPROVED);
        return approved;
    }

    default Claim paidClaim() throws Exception {
        return paidClaim(twoTrainees());
    }

    /**
     * An approved claim put on a new 济南 order, the bank file downloaded and every line of
     * the order reported paid.
     */
    default Claim paidClaim(List<Trainee> trainees) throws Exception {
        Claim claim = approvedClaim(trainees);
        PaymentOrder order = asCity("jinan", JINAN,
                () -> bean(PaymentOrders.class).open(claim.fundSourceCode(), JINAN));
        asCity("jinan", JINAN, () -> bean(BankFiles.class).bankFile(order.id()));
        List<PaymentLine> lines = asCity("jinan", JINAN, () -> bean(Payments.class).lines(order.id()));
        String[] rows = lines.stream()
            .filter(l -> l.status() == PaymentLine.Status.PENDING)
            .map(this::success)
            .toArray(String[]::new);
        asCity("jinan", JINAN, () -> bean(BankResults.class).importResults(order.id(),
                resultFile(rows).getBytes(StandardCharsets.UTF_8)));
        Claim paid = asAdmin(() -> bean(Claims.class).get(claim.id()));
        assertThat(paid.status()).isEqualTo(ClaimStatus.PAID);
        return paid;
    }

    /** The claim's line on the order. */
    default PaymentLine lineOf(PaymentOrder order, Claim claim) {
        return asAdmin(() -> bean(Payments.class).lines(order.id())).stream()
            .filter(l -> l.claimId() == claim.id())
            .findFirst()
            .orElseThrow(() -> new AssertionError(claim.claimNo() + " is not on " + order.orderNo()));
    }

    /** A result file: the header and the rows, CRLF. */
    default String resultFile(String... rows) {
        StringBuilder s = new StringBuilder(RESULT_HEADER).append("\r\n");
        for (String r : rows) {
            s.append(r).append("\r\n");
        }
        return s.toString();
    }

    /** The bank paid the line as sent. */
    default String success(PaymentLine l) {
        return l.id() + "," + l.payeeAccount() + "," + l.amount().toYuanString() + ",SUCCESS,BOC" + l.id() + "X,";
    }

    /** The bank could not pay the line. */
    default String failed(PaymentLine l, String reason) {
        return l.id() + "," + l.payeeAccount() + "," + l.amount().toYuanString() + ",FAILED,," + reason;
    }

}
