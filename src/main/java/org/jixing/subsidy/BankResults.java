package org.jixing.subsidy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.Money;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.subsidy.internal.ClaimStore;
import org.jixing.subsidy.internal.LedgerStore.Refs;
import org.jixing.subsidy.internal.PaymentStore;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Importing the bank's results for a payment order: a paid line moves its money from
 * committed to paid; a failed one sends its claim back to wait for a new order. Imports
 * of one order are serialised on its version, so two imports racing on two nodes pay
 * once.
 */
@Service
public class BankResults {

    /** The bank's result file's columns. */
    public static final List<String> RESULT_HEADER = BankResultFile.HEADER;

    private final PaymentStore store;

    private final ClaimStore claimStore;

    private final FundLedger ledger;

    private final Payments payments;

    private final AuditTrail audit;

    private final Clock clock;

    BankResults(PaymentStore store, ClaimStore claimStore, FundLedger ledger, Payments payments, AuditTrail audit,
            Clock clock) {
        this.store = store;
        this.claimStore = claimStore;
        this.ledger = ledger;
        this.payments = payments;
        this.audit = audit;
        this.clock = clock;
    }

    /** What an import of bank results did. */
    public record ImportOutcome(long orderId, String orderNo, int paid, int failed, Money paidAmount,
            PaymentOrder.Status status) {
    }

    /**
     * Imports the bank's results for an order. The whole file is checked first and
     * refused with every problem (row and rule) if anything is wrong; then each paid line
     * is booked and its claim paid, and each failed line released so its claim can go on
     * a new order. A second import of the same results is refused, also when it races the
     * first.
     */
    @Transactional
    public ImportOutcome importResults(long orderId, byte[] csv) {
        CurrentUser me = Payments.requireOfficer();
        PaymentOrder order = payments.get(orderId);
        List<Problem> problems = new ArrayList<>();
        List<BankResultFile.Result> results = BankResultFile.read(order, csv, store::linesById, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        // Only an exported order takes results: the file checked, its state decides.
        order.step(PaymentAction.IMPORT_RESULTS, me).orThrow();
        boolean claimed;
        try {
            claimed = store.claimForImport(orderId, order.version());
        }
        catch (ConcurrencyFailureException waitedTooLong) {
            claimed = false;
        }
        if (!claimed) {
            // Another import of this order (on any node) came first.
            throw InvalidInputException.of("file", "subsidy.payment.error.stale");
        }
        Instant now = clock.instant();
        int paid = 0;
        int failed = 0;
        long paidFen = 0;
        List<Map<String, Object>> rows = new ArrayList<>();
        try {
            for (BankResultFile.Result r : results) {
                PaymentLine l = r.line();
                if (r.success()) {
                    if (!store.markPaid(l.id(), orderId, r.reference(), now)) {
                        throw new InvalidInputException(List
                            .of(BankResultFile.problem("subsidy.payment.error.row.alreadyPaid", r.row(), l.id())));
                    }
                    ledger.move(LedgerEntryKind.PAYMENT, l.budgetId(), l.amount(),
                            new Refs(l.claimId(), l.id(), null, null), order.orderNo() + " " + r.reference());
                    requireOne(claimStore.changeStatusAll(List.of(l.claimId()), ClaimStatus.IN_PAYMENT,
                            ClaimStatus.PAID, now));
                    paid++;
                    paidFen += l.amount().fen();
                }
                else {
                    if (!store.markFailed(l.id(), orderId, r.reason(), r.reference(), now)) {
                        throw new InvalidInputException(List
                            .of(BankResultFile.problem("subsidy.payment.error.row.alreadyFailed", r.row(), l.id())));
                    }
                    requireOne(claimStore.changeStatusAll(List.of(l.claimId()), ClaimStatus.IN_PAYMENT,
                            ClaimStatus.APPROVED, now));
                    failed++;
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("line", l.id());
                row.put("claim", l.claimNo());
                row.put("result", r.success() ? "PAID" : "FAILED");
                row.put(r.success() ? "reference" : "reason", r.success() ? r.reference() : r.reason());
                rows.add(row);
            }
        }
        catch (DuplicateKeyException | ConcurrencyFailureException raced) {
            throw InvalidInputException.of("file", "subsidy.payment.error.stale");
        }
        store.settleIfDone(orderId, now);
        PaymentOrder after = payments.get(orderId);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("status", after.status().name());
        figures.put("paid", paid);
        figures.put("failed", failed);
        figures.put("paidFen", paidFen);
        figures.put("rows", rows);
        audit.record(AuditEvent.of("subsidy.payment.import", "payment_order", orderId,
                Map.of("status", order.status().name()), figures));
        return new ImportOutcome(orderId, after.orderNo(), paid, failed, Money.ofFen(paidFen), after.status());
    }

    private static void requireOne(int changed) {
        if (changed != 1) {
            throw new ConcurrencyFailureException("a claim on the order changed status meanwhile");
        }
    }

}
