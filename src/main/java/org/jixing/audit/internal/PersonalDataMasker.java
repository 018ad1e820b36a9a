package org.jixing.audit.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Keeps secrets and full personal numbers out of the trail, whatever a caller passes:
 * values of keys that name a password, secret, token or hash are replaced by ***; a
 * resident ID number anywhere in a text keeps only its first six and last four
 * characters; a mobile number its first three and last four digits.
 */
final class PersonalDataMasker {

    private static final Pattern SECRET_KEY = Pattern.compile(".*(password|secret|token|hash|cipher).*");

    private static final Pattern ID_NUMBER = Pattern
        .compile("(?<![0-9A-Za-z])(\\d{6})\\d{8}(\\d{3}[\\dXx])(?![0-9A-Za-z])");

    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(1[3-9]\\d)\\d{4}(\\d{4})(?!\\d)");

    private PersonalDataMasker() {
    }

    static Map<String, Object> mask(Map<String, ?> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k,
                k != null && SECRET_KEY.matcher(k.toLowerCase(Locale.ROOT)).matches() && v != null ? "***" : value(v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object value(Object v) {
        if (v instanceof String s) {
            return text(s);
        }
        if (v instanceof Map<?, ?> m) {
            return mask((Map<String, ?>) m);
        }
        if (v instanceof Collection<?> c) {
            List<Object> list = new ArrayList<>();
            c.forEach(e -> list.add(value(e)));
            return list;
        }
        return v;
    }

    static String text(String s) {
        String masked = ID_NUMBER.matcher(s).replaceAll("$1********$2");
        return MOBILE.matcher(masked).replaceAll("$1****$2");
    }

}
