package org.jixing.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of a roster file, found by their header in Chinese or English (the
 * template's names and the usual variants), in any order; other columns are kept in the
 * result file and otherwise ignored.
 */
record RosterColumns(int idNumber, int name, int phone, int groups) {

    enum Column {

        ID_NUMBER(true, "身份证号码", "ID number", "身份证号", "公民身份号码", "证件号码", "ID", "idNumber"),
        NAME(true, "姓名", "Name", "trainee name"),
        PHONE(true, "手机号码", "Mobile phone", "手机号", "联系电话", "电话", "Phone", "mobile"),
        GROUPS(false, "人员类别", "Trainee groups", "重点群体", "Groups");

        final boolean required;

        final String zh;

        final String en;

        final List<String> names;

        Column(boolean required, String zh, String en, String... others) {
            this.required = required;
            this.zh = zh;
            this.en = en;
            List<String> all = new ArrayList<>(List.of(zh, en));
            all.addAll(List.of(others));
            this.names = List.copyOf(all);
        }

        /** The template's header, in the given language. */
        String header(Locale locale) {
            return "zh".equals(locale.getLanguage()) ? zh : en;
        }

    }

    /** The required columns the header lacks, by their Chinese names; empty when none. */
    static List<String> missing(List<String> header) {
        Map<Column, Integer> found = columns(header);
        return Arrays.stream(Column.values())
            .filter(c -> c.required && !found.containsKey(c))
            .map(c -> c.names.get(0))
            .toList();
    }

    /** The columns of a header that has every required one. */
    static RosterColumns of(List<String> header) {
        Map<Column, Integer> found = columns(header);
        return new RosterColumns(found.get(Column.ID_NUMBER), found.get(Column.NAME), found.get(Column.PHONE),
                found.getOrDefault(Column.GROUPS, -1));
    }

    private static Map<Column, Integer> columns(List<String> header) {
        Map<Column, Integer> found = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String h = normal(header.get(i));
            for (Column c : Column.values()) {
                if (!found.containsKey(c) && c.names.stream().anyMatch(n -> normal(n).equals(h))) {
                    found.put(c, i);
                }
            }
        }
        return found;
    }

    private static String normal(String s) {
        return s == null ? "" : s.replaceAll("[\\s*＊:：()（）]", "").toLowerCase(Locale.ROOT);
    }

}
