package org.jixing.supervision;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/** A published version of a rule: what a province tuned. */
public record RuleVersion(long id, String code, int version, Severity severity, boolean blocking, boolean enabled,
        Map<String, BigDecimal> parameters, String descriptionZh, String descriptionEn, boolean inForce,
        String publishedBy, Instant publishedAt, String reason) {

    public String description(Locale locale) {
        return "en".equals(locale.getLanguage()) ? descriptionEn : descriptionZh;
    }

    /** A parameter's value as a number; every declared parameter has one. */
    public BigDecimal parameter(String name) {
        BigDecimal v = parameters.get(name);
        if (v == null) {
            throw new IllegalStateException(code + " v" + version + " has no parameter " + name);
        }
        return v;
    }

    public double number(String name) {
        return parameter(name).doubleValue();
    }

    public long whole(String name) {
        return parameter(name).longValue();
    }

}
