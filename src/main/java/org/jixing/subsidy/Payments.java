package org.jixing.subsidy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
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
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.Money;
import org.jixing.shared.PageResult;
import org.jixing.shared.RegionCode;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeGuard;
import org.jixing.shared.scope.ScopeSql;
import org.jixing.shared.web.CsvDownload;
import org.jixing.subsidy.internal.ClaimStore;
import org.jixing.subsidy.internal.LedgerStore.Refs;
import org.jixing.subsidy.internal.PaymentStore;
import org.jixing.subsidy.internal.RuleStore;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Paying approved claims: an officer gathers a city's approved claims of a fund source on
 * a payment order, downloads the bank file, and imports the bank's results. A paid line
 * moves its money from committed to paid; a failed one sends its claim back to wait for a
 * new order. Nothing is paid twice: a claim is on one live line at a time, a line is
 * changed only while pending, the ledger books a line once, and imports of one order are
 * serialised on its version, all enforced by the database, so two imports racing on two
 * nodes pay once.
 */
@Service
public class Payments {

    /** The bank file's columns, as the bank expects them. */
    public static final List<String> BANK_FILE_HEADER = List.of("付款单号", "明细编号", "收款户名", "收款账号", "收款银行", "金额", "币种",
            "摘要");

    /** The bank's result file's columns. */
    public static final List<String> RESULT_HEADER = List.of("明细编号", "收款账号", "金额", "结果", "银行流水号", "失败原因");

    private static final String PURPOSE = " 职业技能培训补贴";

    private final PaymentStore store;

    private final ClaimStore claimStore;

    private final Claims claims;

    private final RuleStore rules;

    private final FundLedger ledger;

    private final ScopeGuard guard;

    private final AuditTrail audit;

    private final Clock clock;

    Payments(PaymentStore store, ClaimStore claimStore, Claims claims, RuleStore rules, FundLedger ledger,
            ScopeGuard guard, AuditTrail audit, Clock clock) {
        this.store = store;
        this.claimStore = claimStore;
        this.claims = claims;
        this.rules = rules;
        this.ledger = ledger;
        this.guard = guard;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Approved claims not yet on a payment order, in the caller's scope; region and fund
     * source narrow them when given.
     */
    @Transactional(readOnly = true)
    public List<Claim> awaiting(String regionCode, String fundSourceCode) {
        return claimStore.awaitingPayment(regionCode, fundSourceCode, ScopeSql.forCurrentUser(ClaimStore.SCOPE));
    }

    /**
     * How many approved claims, for how much, wait for an order in a city and fund
     * source.
     */
    public record Awaiting(String cityCode, String fundSourceCode, int claims, Money amount) {
    }

    @Transactional(readOnly = true)
    public List<Awaiting> awaitingByCity() {
        Map<String, Awaiting> m = new TreeMap<>();
        for (Claim c : awaiting(null, null)) {
            String city = new RegionCode(c.regionCode()).cityCode();
            m.merge(city + "|" + c.fundSourceCode(), new Awaiting(city, c.fundSourceCode(), 1, c.amount()),
                    (a, b) -> new Awaiting(a.cityCode(), a.fundSourceCode(), a.claims() + b.claims(),
                            a.amount().plus(b.amount())));
        }
        return List.copyOf(m.values());
    }

    /**
     * Opens a payment order for every approved claim of a city and fund source not yet on
     * one: the city's officer or the province administrator. Two openings racing for the
     * same claims cannot both take one: the database keeps a claim on one live line.
     */
    @Transactional
    public PaymentOrder open(String fundSourceCode, String regionCode) {
        CurrentUser me = requireOfficer();
        List<Problem> problems = new ArrayList<>();
        boolean city = regionCode != null && RegionCode.isWellFormed(regionCode)
                && new RegionCode(regionCode).level() == RegionCode.Level.CITY;
        if (!city) {
            problems.add(new Problem("regionCode", "subsidy.payment.error.city"));
        }
        else if (!me.scope().coversRegion(regionCode)) {
            problems.add(new Problem("regionCode", "subsidy.payment.error.outOfScope"));
        }
        if (fundSourceCode == null || rules.fundSources().stream().noneMatch(f -> f.code().equals(fundSourceCode))) {
            problems.add(new Problem("fundSourceCode", "subsidy.payment.error.fundSource"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<PaymentStore.Payable> payable = store.payable(regionCode, fundSourceCode);
        if (payable.isEmpty()) {
            throw InvalidInputException.of(null, "subsidy.payment.error.nothing");
        }
        Instant now = clock.instant();
        long amount = payable.stream().mapToLong(PaymentStore.Payable::amountFen).sum();
        long id = store.insertOrder("ZF" + regionCode + "-", fundSourceCode, regionCode, payable.size(), amount,
                me.username(), now);
        List<Long> claimIds = payable.stream().map(PaymentStore.Payable::claimId).toList();
        try {
            for (PaymentStore.Payable p : payable) {
                store.insertLine(id, p);
            }
        }
        catch (DuplicateKeyException | ConcurrencyFailureException raced) {
            throw InvalidInputException.of(null, "subsidy.payment.error.concurrent");
        }
        if (claimStore.changeStatusAll(claimIds, ClaimStatus.APPROVED, ClaimStatus.IN_PAYMENT, now) != claimIds
            .size()) {
            // A claim changed status after it was read: undo everything.
            throw InvalidInputException.of(null, "subsidy.payment.error.concurrent");
        }
        PaymentOrder order = get(id);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("orderNo", order.orderNo());
        after.put("region", regionCode);
        after.put("fundSource", fundSourceCode);
        after.put("lines", payable.size());
        after.put("amountFen", amount);
        after.put("claims", claimIds);
        audit.record(AuditEvent.of("subsidy.payment.open", "payment_order", id, null, after));
        return order;
    }

    @Transactional(readOnly = true)
    public PaymentOrder get(long id) {
        return guard.require(store.find(id, ScopeSql.forCurrentUser(PaymentStore.SCOPE)), "payment_order", id,
                () -> store.exists(id));
    }

    /** What the order list shows: any status and region inside the caller's scope. */
    public record Filter(PaymentOrder.Status status, String regionCode) {

        public static final Filter ALL = new Filter(null, null);

    }

    @Transactional(readOnly = true)
    public PageResult<PaymentOrder> search(Filter filter, int page, int size) {
        Filter f = filter == null ? Filter.ALL : filter;
        var scope = ScopeSql.forCurrentUser(PaymentStore.SCOPE);
        return new PageResult<>(store.search(f.status(), f.regionCode(), scope, PageResult.offset(page, size), size),
                page, size, store.count(f.status(), f.regionCode(), scope));
    }

    @Transactional(readOnly = true)
    public List<PaymentLine> lines(long orderId) {
        get(orderId);
        return store.lines(orderId);
    }

    /**
     * The payment lines of a claim, for whoever may see the claim (its provider too).
     */
    @Transactional(readOnly = true)
    public List<PaymentLine> linesOfClaim(long claimId) {
        claims.get(claimId);
        return store.linesOfClaim(claimId);
    }

    /**
     * The file the bank pays from: UTF-8 with a byte-order mark, RFC 4180, one row per
     * pending line. The first download marks the order exported.
     */
    @Transactional
    public String bankFile(long orderId) {
        requireOfficer();
        PaymentOrder order = get(orderId);
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
        boolean first = store.markExported(orderId, now);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("orderNo", order.orderNo());
        after.put("lines", pending.size());
        after.put("amountFen", pending.stream().mapToLong(l -> l.amount().fen()).sum());
        after.put("first", first);
        audit.record(AuditEvent.of("subsidy.payment.export", "payment_order", orderId,
                Map.of("status", order.status().name()),
                first ? Map.of("status", PaymentOrder.Status.EXPORTED.name(), "detail", after) : after));
        return out.toString();
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
        CurrentUser me = requireOfficer();
        PaymentOrder order = get(orderId);
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
        PaymentOrder after = get(orderId);
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

    private static CurrentUser requireOfficer() {
        CurrentUser me = CurrentUser.require();
        if (!SubsidyPermission.PAYMENT_WRITE.allows(me)) {
            throw new AccessDeniedException("officers pay subsidies");
        }
        return me;
    }

}
