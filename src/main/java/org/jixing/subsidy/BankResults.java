package org.jixing.subsidy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
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
    public static final List<String> RESULT_HEADER = List.of("明细编号", "收款账号", "金额", "结果", "银行流水号", "失败原因");

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

    /** A validated row of the bank's results. */
    private record Result(int row, PaymentLine line, boolean success, String reference, String reason) {
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
        List<Result> results = read(order, csv, problems);
        if (problems.isEmpty() && order.status() == PaymentOrder.Status.OPEN) {
            problems.add(new Problem("file", "subsidy.payment.error.notExported"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
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
            for (Result r : results) {
                PaymentLine l = r.line();
                if (r.success()) {
                    if (!store.markPaid(l.id(), orderId, r.reference(), now)) {
                        throw new InvalidInputException(
                                List.of(problem("subsidy.payment.error.row.alreadyPaid", r.row(), l.id())));
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
                        throw new InvalidInputException(
                                List.of(problem("subsidy.payment.error.row.alreadyFailed", r.row(), l.id())));
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

    /** Reads and checks every row; problems name the row as a spreadsheet numbers it. */
    private List<Result> read(PaymentOrder order, byte[] bytes, List<Problem> problems) {
        if (bytes == null || bytes.length == 0) {
            problems.add(new Problem("file", "subsidy.payment.error.file.empty"));
            return List.of();
        }
        String text = decode(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180)) {
            records = parser.getRecords();
        }
        catch (IOException | java.io.UncheckedIOException | IllegalStateException ex) {
            problems.add(new Problem("file", "subsidy.payment.error.file.unreadable"));
            return List.of();
        }
        if (records.isEmpty() || !header(records.get(0)).equals(RESULT_HEADER)) {
            problems.add(new Problem("file", "subsidy.payment.error.file.header", String.join(",", RESULT_HEADER)));
            return List.of();
        }
        Map<Long, PaymentLine> lines = new HashMap<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            String id = cell(records.get(i), 0);
            if (id.matches("\\d{1,18}")) {
                ids.add(Long.parseLong(id));
            }
        }
        lines.putAll(store.linesById(ids));
        Map<Long, Integer> seen = new HashMap<>();
        List<Result> results = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            CSVRecord rec = records.get(i);
            int row = i + 1;
            if (rec.size() == 1 && cell(rec, 0).isEmpty()) {
                continue;
            }
            if (rec.size() != RESULT_HEADER.size()) {
                problems.add(problem("subsidy.payment.error.row.columns", row, RESULT_HEADER.size()));
                continue;
            }
            String idText = cell(rec, 0);
            if (!idText.matches("\\d{1,18}")) {
                problems.add(problem("subsidy.payment.error.row.lineId", row, idText));
                continue;
            }
            long id = Long.parseLong(idText);
            Integer before = seen.putIfAbsent(id, row);
            if (before != null) {
                problems.add(problem("subsidy.payment.error.row.duplicate", row, id, before));
                continue;
            }
            PaymentLine line = lines.get(id);
            if (line == null) {
                problems.add(problem("subsidy.payment.error.row.unknownLine", row, id));
                continue;
            }
            if (line.orderId() != order.id()) {
                problems.add(problem("subsidy.payment.error.row.otherOrder", row, id, order.orderNo()));
                continue;
            }
            int before2 = problems.size();
            if (!cell(rec, 1).replaceAll("[\\s-]", "").equals(line.payeeAccount())) {
                problems.add(problem("subsidy.payment.error.row.account", row, id));
            }
            Money amount = null;
            try {
                amount = Money.ofYuan(cell(rec, 2));
            }
            catch (IllegalArgumentException ex) {
                // reported below
            }
            if (amount == null || !amount.equals(line.amount())) {
                problems
                    .add(problem("subsidy.payment.error.row.amount", row, cell(rec, 2), line.amount().toYuanString()));
            }
            if (line.status() == PaymentLine.Status.PAID) {
                problems.add(problem("subsidy.payment.error.row.alreadyPaid", row, id));
            }
            else if (line.status() == PaymentLine.Status.FAILED) {
                problems.add(problem("subsidy.payment.error.row.alreadyFailed", row, id));
            }
            String result = cell(rec, 3).toUpperCase(java.util.Locale.ROOT);
            String reference = cell(rec, 4);
            String reason = cell(rec, 5);
            boolean success = "SUCCESS".equals(result);
            if (!success && !"FAILED".equals(result)) {
                problems.add(problem("subsidy.payment.error.row.result", row, cell(rec, 3)));
            }
            else if (success && reference.isEmpty()) {
                problems.add(problem("subsidy.payment.error.row.reference", row));
            }
            else if (!success && reason.isEmpty()) {
                problems.add(problem("subsidy.payment.error.row.reason", row));
            }
            if (reference.length() > 64) {
                problems.add(problem("subsidy.payment.error.row.referenceLength", row, 64));
            }
            if (reason.length() > 500) {
                problems.add(problem("subsidy.payment.error.row.reasonLength", row, 500));
            }
            if (problems.size() == before2) {
                results.add(new Result(row, line, success, reference.isEmpty() ? null : reference,
                        reason.isEmpty() ? null : reason));
            }
        }
        if (problems.isEmpty() && results.isEmpty()) {
            problems.add(new Problem("file", "subsidy.payment.error.file.noRows"));
        }
        return results;
    }

    /** A row's problem; numbers go in as text, so that no grouping separator is added. */
    private static Problem problem(String key, Object... args) {
        Object[] text = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            text[i] = args[i] instanceof Number n ? n.toString() : args[i];
        }
        return new Problem("file", key, text);
    }

    private static List<String> header(CSVRecord r) {
        List<String> cells = new ArrayList<>();
        r.forEach(c -> cells.add(c.strip()));
        while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
            cells.remove(cells.size() - 1);
        }
        return cells;
    }

    private static String cell(CSVRecord r, int i) {
        return i < r.size() ? r.get(i).strip() : "";
    }

    /** UTF-8 (with or without a byte-order mark), else GB18030 as Chinese Excel saves. */
    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
        }
        catch (CharacterCodingException notUtf8) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }

}
