package org.jixing.employment;

/** A row of a contribution file refused: its number, the rule and a detail. */
public record RefusedRow(int rowNo, ContributionRow.Refusal reason, String detail) {
}
