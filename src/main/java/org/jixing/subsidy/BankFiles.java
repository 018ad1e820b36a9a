package org.jixing.subsidy;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.web.CsvDownload;
import org.jixing.subsidy.internal.PaymentStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The file the bank pays a payment order from.
 */
@Service
public class BankFiles {

    /** The bank file's columns, as the bank expects them. */
    public static final List<String> BANK_FILE_HEADER = List.of("付款单号", "明细编号", "收款户名", "收款账号", "收款银行", "金额", "币种",
            "摘要");

    private static final String PURPOSE = " 职业技能培训补贴";

    private final PaymentStore store;

    private final Payments payments;

    private final AuditTrail audit;

    private final Clock clock;

    BankFiles(PaymentStore store, Payments payments, AuditTrail audit, Clock clock) {
        this.store = store;
        this.payments = payments;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The file the bank pays from: UTF-8 with a byte-order mark, RFC 4180, one row per
     * pending line. The first download marks the order exported.
     */
    @Transactional
    public String bankFile(long orderId) {
        CurrentUser me = Payments.requireOfficer();
        PaymentOrder order = payments.get(orderId);
        PaymentStep.Allowed step = order.step(PaymentAction.EXPORT, me).orThrow();
        List<PaymentLine> pending = store.lines(orderId)
            .stream()
            .filter(l -> l.status() == PaymentLine.Status.PENDING)
            .toList();
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord(BANK_FILE_HEADER);
            for (PaymentLine l : pending) {
                csv.printRecord(CsvDownload.cell(order.orderNo()), String.valueOf(l.id()),
                        CsvDownload.cell(l.payeeName()), CsvDownload.cell(l.payeeAccount()),
                        CsvDownload.cell(l.payeeBank()), l.amount().toYuanString(), "CNY",
                        CsvDownload.cell(l.claimNo() + PURPOSE));
            }
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        Instant now = clock.instant();
        // Only the first download moves the order (from open to exported); a race for it
        // is settled by the conditional update.
        boolean first = step.to() != order.status() && store.markExported(orderId, now);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("orderNo", order.orderNo());
        after.put("lines", pending.size());
        after.put("amountFen", pending.stream().mapToLong(l -> l.amount().fen()).sum());
        after.put("first", first);
        audit.record(AuditEvent.of("subsidy.payment.export", "payment_order", orderId,
                Map.of("status", order.status().name()),
                first ? Map.of("status", step.to().name(), "detail", after) : after));
        return out.toString();
    }

}
