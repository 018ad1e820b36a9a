package org.jixing.subsidy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.Money;
import org.jixing.shared.tabular.TableFileException;
import org.jixing.shared.tabular.TableFiles;
import org.jixing.shared.tabular.TableFormat;
import org.jixing.shared.tabular.TableInspection;
import org.jixing.shared.tabular.TableLimits;
import org.jixing.shared.tabular.TableReader;
import org.jixing.shared.tabular.TableRow;

/**
 * The bank's result file for a payment order, read with {@code shared/tabular} (CSV in
 * UTF-8 with or without a byte-order mark, or GB18030 as Chinese Excel saves it; blank
 * rows skipped) and checked row by row against the order's lines. Every problem names the
 * row as a spreadsheet numbers it.
 */
final class BankResultFile {

    /** The bank's result file's columns. */
    static final List<String> HEADER = List.of("明细编号", "收款账号", "金额", "结果", "银行流水号", "失败原因");

    /** A validated row of the bank's results. */
    record Result(int row, PaymentLine line, boolean success, String reference, String reason) {
    }

    private BankResultFile() {
    }

    /**
     * Reads and checks every row of the file against the order; the rows that passed, and
     * every problem added to {@code problems}.
     */
    static List<Result> read(PaymentOrder order, byte[] bytes, Function<List<Long>, Map<Long, PaymentLine>> linesById,
            List<Problem> problems) {
        if (bytes == null || bytes.length == 0) {
            problems.add(new Problem("file", "subsidy.payment.error.file.empty"));
            return List.of();
        }
        List<String> header;
        List<TableRow> rows = new ArrayList<>();
        Path file = null;
        try {
            file = Files.createTempFile("bank-results-", ".csv");
            Files.write(file, bytes);
            TableInspection inspection = TableFiles.inspect(file, null, TableLimits.IMPORT);
            if (inspection.format() != TableFormat.CSV) {
                problems.add(new Problem("file", "subsidy.payment.error.file.unreadable"));
                return List.of();
            }
            header = new ArrayList<>(inspection.header());
            try (TableReader reader = TableFiles.open(file, inspection, TableLimits.IMPORT)) {
                reader.forEachRemaining(rows::add);
            }
        }
        catch (TableFileException ex) {
            problems.add(problem(ex.messageKey(), ex.args()));
            return List.of();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        finally {
            delete(file);
        }
        while (!header.isEmpty() && header.get(header.size() - 1).isEmpty()) {
            header.remove(header.size() - 1);
        }
        if (!header.equals(HEADER)) {
            problems.add(new Problem("file", "subsidy.payment.error.file.header", String.join(",", HEADER)));
            return List.of();
        }
        List<Long> ids = new ArrayList<>();
        for (TableRow r : rows) {
            if (r.cell(0).matches("\\d{1,18}")) {
                ids.add(Long.parseLong(r.cell(0)));
            }
        }
        Map<Long, PaymentLine> lines = linesById.apply(ids);
        Map<Long, Integer> seen = new HashMap<>();
        List<Result> results = new ArrayList<>();
        for (TableRow rec : rows) {
            int row = rec.number();
            if (rec.cells().size() != HEADER.size()) {
                problems.add(problem("subsidy.payment.error.row.columns", row, HEADER.size()));
                continue;
            }
            String idText = rec.cell(0);
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
            if (!rec.cell(1).replaceAll("[\\s-]", "").equals(line.payeeAccount())) {
                problems.add(problem("subsidy.payment.error.row.account", row, id));
            }
            Money amount = null;
            try {
                amount = Money.ofYuan(rec.cell(2));
            }
            catch (IllegalArgumentException ex) {
                // reported below
            }
            if (amount == null || !amount.equals(line.amount())) {
                problems
                    .add(problem("subsidy.payment.error.row.amount", row, rec.cell(2), line.amount().toYuanString()));
            }
            if (line.status() == PaymentLine.Status.PAID) {
                problems.add(problem("subsidy.payment.error.row.alreadyPaid", row, id));
            }
            else if (line.status() == PaymentLine.Status.FAILED) {
                problems.add(problem("subsidy.payment.error.row.alreadyFailed", row, id));
            }
            String result = rec.cell(3).toUpperCase(Locale.ROOT);
            String reference = rec.cell(4);
            String reason = rec.cell(5);
            boolean success = "SUCCESS".equals(result);
            if (!success && !"FAILED".equals(result)) {
                problems.add(problem("subsidy.payment.error.row.result", row, rec.cell(3)));
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
    static Problem problem(String key, Object... args) {
        return new Problem("file", key,
                Arrays.stream(args).map(a -> a instanceof Number n ? n.toString() : a).toArray());
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            }
            catch (IOException ex) {
                // A temporary file; the system cleans it.
            }
        }
    }

}
