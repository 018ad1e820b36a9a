package org.jixing.supervision;

/** How many live alerts one rule has at one severity in one city. */
public record DeskCount(String ruleCode, Severity severity, String regionCode, long alerts) {
}
