package org.jixing.shared.scope;

/**
 * Published when a user asked for a record that exists but lies outside their scope. The
 * audit module records it; the user only ever sees 404.
 */
public record ScopeRefused(String username, String recordType, String recordId) {
}
