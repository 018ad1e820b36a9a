package org.jixing.supervision.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jixing.supervision.Alerts;

/** Helpers for the evidence the rules attach. */
final class Evidence {

    private Evidence() {
    }

    /** At most {@link Alerts#EVIDENCE_LIST_LIMIT} items of a list. */
    static <T> List<T> capped(List<T> items) {
        return items.size() <= Alerts.EVIDENCE_LIST_LIMIT ? List.copyOf(items)
                : List.copyOf(items.subList(0, Alerts.EVIDENCE_LIST_LIMIT));
    }

    /** A map of name and value pairs in the order given; nulls are left out. */
    static Map<String, Object> of(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                m.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return m;
    }

    /** A bank account as evidence shows it: its last four digits. */
    static String maskAccount(String accountNo) {
        if (accountNo == null) {
            return null;
        }
        String s = accountNo.strip();
        return s.length() <= 4 ? "****" : "****" + s.substring(s.length() - 4);
    }

    /** The city (prefecture) of a region code. */
    static String city(String regionCode) {
        return regionCode == null || regionCode.length() < 4 ? regionCode : regionCode.substring(0, 4) + "00";
    }

}
