package org.jixing.supervision;

import java.util.Locale;

/**
 * The category of a rule's hold, all a provider is told of it (a hold shows "on hold:
 * attendance", never the rule, the evidence or the alert): read from the rule's code.
 */
final class HoldCategory {

    private HoldCategory() {
    }

    /**
     * {@code payee}, {@code adjustment}, {@code eligibility}, {@code assessment},
     * {@code claim}, {@code attendance} or {@code other}.
     */
    static String of(String ruleCode) {
        String c = ruleCode == null ? "" : ruleCode.toUpperCase(Locale.ROOT);
        if (c.contains("PAYEE") || c.contains("BANK")) {
            return "payee";
        }
        if (c.contains("ADJUST")) {
            return "adjustment";
        }
        if (c.contains("AGE") || c.contains("GROUP") || c.contains("ELIGIB") || c.contains("INSURED")) {
            return "eligibility";
        }
        if (c.contains("CERTIFICATE") || c.contains("PASS") || c.contains("ASSESS")) {
            return "assessment";
        }
        if (c.contains("DENIED") || c.contains("CHECK") || c.contains("ATTEND") || c.contains("PLACE")
                || c.contains("PHONE") || c.contains("DEVICE") || c.contains("TERMINAL") || c.contains("FACE")
                || c.contains("SESSION") || c.contains("TEACHER") || c.contains("HOURS") || c.contains("GHOST")
                || c.contains("CORRECTION") || c.contains("OVERLAP") || c.contains("CLASS")) {
            return "attendance";
        }
        if (c.contains("CLAIM") || c.contains("SURGE")) {
            return "claim";
        }
        return "other";
    }

}
