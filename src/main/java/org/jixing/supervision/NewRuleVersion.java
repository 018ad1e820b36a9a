package org.jixing.supervision;

import java.util.Map;

/**
 * A new version of a rule as the province asks for it: each field left null keeps the
 * value in force; {@code parameters} names only the parameters it changes, as text.
 */
public record NewRuleVersion(Severity severity, Boolean blocking, Boolean enabled, Map<String, String> parameters,
        String descriptionZh, String descriptionEn, String reason) {
}
