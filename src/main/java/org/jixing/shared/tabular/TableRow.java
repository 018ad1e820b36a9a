package org.jixing.shared.tabular;

import java.util.List;
import java.util.Set;

/**
 * A row of a table file: its number as a spreadsheet shows it (the header is row 1) and
 * its cells as text, empty for a blank cell; a cell that held a formula is flagged, its
 * text is the value the spreadsheet last computed.
 */
public record TableRow(int number, List<String> cells, Set<Integer> formulaCells) {

    public String cell(int column) {
        return column < 0 || column >= cells.size() ? "" : cells.get(column);
    }

    public boolean isFormula(int column) {
        return formulaCells.contains(column);
    }

    boolean isBlank() {
        return cells.stream().allMatch(c -> c == null || c.isBlank());
    }

}
