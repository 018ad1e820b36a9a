package org.jixing.provider;

/**
 * An occupation and skill level a body may train (provider) or assess (evaluation body);
 * codes from the reference catalogue.
 */
public record Permit(String occupationCode, String levelCode) {
}
