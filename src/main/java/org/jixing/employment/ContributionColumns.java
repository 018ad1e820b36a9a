package org.jixing.employment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the four columns of a contribution file by their headers, in Chinese or English
 * (身份证号 / ID number, 统一社会信用代码 / employer credit code, 缴费月份 / month, 缴费基数 / contribution
 * base), in any order, other columns ignored.
 */
public record ContributionColumns(int idNumber, int creditCode, int month, int base) {

    /** The columns a file must have, as the messages name them. */
    public static final List<String> REQUIRED = List.of("idNumber", "creditCode", "month", "base");

    /** The columns of a header; -1 for a column not found. */
    public static ContributionColumns of(List<String> header) {
        int id = -1;
        int credit = -1;
        int month = -1;
        int base = -1;
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i) == null ? "" : header.get(i).strip().toLowerCase(Locale.ROOT).replace(" ", "");
            if (id < 0 && (h.contains("身份") || h.contains("idnumber") || h.equals("id") || h.contains("id_number"))) {
                id = i;
            }
            else if (credit < 0 && (h.contains("信用代码") || h.contains("credit"))) {
                credit = i;
            }
            else if (base < 0 && (h.contains("基数") || h.contains("base"))) {
                base = i;
            }
            else if (month < 0 && (h.contains("月") || h.contains("month") || h.contains("所属期"))) {
                month = i;
            }
        }
        return new ContributionColumns(id, credit, month, base);
    }

    /** The required columns missing, by name. */
    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (idNumber < 0) {
            missing.add(REQUIRED.get(0));
        }
        if (creditCode < 0) {
            missing.add(REQUIRED.get(1));
        }
        if (month < 0) {
            missing.add(REQUIRED.get(2));
        }
        if (base < 0) {
            missing.add(REQUIRED.get(3));
        }
        return missing;
    }

}
