package org.jixing.training;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.reference.TraineeGroup;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.tabular.TableFiles;
import org.jixing.shared.tabular.TableInspection;
import org.jixing.shared.tabular.TableLimits;
import org.jixing.shared.tabular.TableReader;
import org.jixing.shared.tabular.TableRow;
import org.jixing.training.internal.RosterImportStore;
import org.jixing.training.internal.RosterImportStore.RowOutcome;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The files around an import a provider downloads: the template to fill in, and the
 * result file (the rows as uploaded with the outcome and the problems of each).
 */
@Service
public class RosterImportFiles {

    private final RosterImports imports;

    private final RosterImportStore store;

    private final ImportTexts texts;

    private final ImportProperties properties;

    private final ReferenceCatalogue reference;

    RosterImportFiles(RosterImports imports, RosterImportStore store, ImportTexts texts, ImportProperties properties,
            ReferenceCatalogue reference) {
        this.imports = imports;
        this.store = store;
        this.texts = texts;
        this.properties = properties;
        this.reference = reference;
    }

    /**
     * The result file's rows: the original rows with the outcome and the problems of
     * each, in the reader's language. Only the provider's staff read it: it holds the ID
     * numbers they uploaded.
     */
    public void result(Long classId, long importId, Locale locale,
            BiConsumer<List<String>, Iterator<List<String>>> sink) {
        RosterImport i = imports.get(classId, importId);
        if (!imports.mayAct(i)) {
            throw new AccessDeniedException("the result file holds full ID numbers");
        }
        Path file = properties.fileOf(i.id());
        if (!Files.exists(file)) {
            throw InvalidInputException.of(null, "training.import.error.fileGone");
        }
        TableInspection inspection = TableFiles.inspect(file, i.fileName(), TableLimits.IMPORT);
        Map<Integer, RowOutcome> outcomes = store.rows(i.id());
        List<String> header = new ArrayList<>(inspection.header());
        header.add(texts.message("training.import.result.outcome", locale));
        header.add(texts.message("training.import.result.problems", locale));
        AtomicInteger index = new AtomicInteger();
        try (TableReader reader = TableFiles.open(file, inspection, TableLimits.IMPORT)) {
            Iterator<List<String>> rows = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return reader.hasNext();
                }

                @Override
                public List<String> next() {
                    TableRow row = reader.next();
                    int n = index.incrementAndGet();
                    List<String> cells = new ArrayList<>(row.cells());
                    while (cells.size() < inspection.header().size()) {
                        cells.add("");
                    }
                    RowOutcome o = outcomes.get(row.number());
                    String outcome;
                    if (o != null && (o.outcome().equals("INVALID") || i.status() != ImportStatus.REJECTED)) {
                        outcome = o.outcome();
                    }
                    else if (i.status() == ImportStatus.DONE || (i.mode() == ImportMode.VALID_ROWS && n <= i.rowsDone()
                            && i.status() != ImportStatus.REJECTED)) {
                        outcome = i.isRoster() ? "ENROLLED" : "REGISTERED";
                    }
                    else {
                        outcome = "NOT_IMPORTED";
                    }
                    cells.add(texts.message("training.import.outcome." + outcome, locale));
                    cells.add(o == null || outcome.equals("NOT_IMPORTED") ? ""
                            : texts.describe(texts.decode(o.problems()), locale));
                    return cells;
                }
            };
            sink.accept(header, rows);
        }
    }

    /**
     * The template: the columns with a note on each, and a drop-down of the trainee
     * groups (a second sheet lists them).
     */
    public void template(OutputStream out, Locale locale) throws IOException {
        Workbook workbook = new Workbook(out, "Jixing", "1.0");
        Worksheet ws = workbook.newWorksheet(texts.message("training.import.template.sheet", locale));
        Worksheet lists = workbook.newWorksheet(texts.message("training.import.template.groups", locale));
        RosterColumns.Column[] columns = RosterColumns.Column.values();
        for (int col = 0; col < columns.length; col++) {
            ws.value(0, col, columns[col].header(locale));
            ws.style(0, col).bold().set();
            ws.comment(0, col, texts.message("training.import.template.note." + columns[col].name(), locale));
            ws.width(col, col == 0 ? 22 : 16);
            // Text, so Excel keeps all 18 digits of an ID number and the leading digits
            // of a
            // phone.
            ws.range(1, col, 1000, col).style().format("@").set();
        }
        List<TraineeGroup> groups = reference.traineeGroups();
        for (int r = 0; r < groups.size(); r++) {
            lists.value(r, 0, "zh".equals(locale.getLanguage()) ? groups.get(r).nameZh() : groups.get(r).nameEn());
            lists.value(r, 1, groups.get(r).code());
        }
        if (!groups.isEmpty()) {
            ws.range(1, 3, 100_000, 3).validateWithList(lists.range(0, 0, groups.size() - 1, 0)).allowBlank(true);
        }
        ws.freezePane(0, 1);
        workbook.finish();
    }

}
