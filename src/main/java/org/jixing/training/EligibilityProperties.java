package org.jixing.training;

import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The eligibility rules a province sets in configuration: the minimum age, and for the
 * action lines that serve particular groups, the trainee groups a subsidised trainee must
 * belong to on the class's first day (line code to group codes). The limits of three
 * subsidised trainings a year and one subsidy per occupation and level are enforced by
 * the database.
 */
@ConfigurationProperties("jixing.eligibility")
public record EligibilityProperties(Integer minimumAge, Map<String, Set<String>> lineGroups) {

    public EligibilityProperties {
        minimumAge = minimumAge == null ? 16 : minimumAge;
        lineGroups = lineGroups == null ? Map.of() : Map.copyOf(lineGroups);
    }

}
