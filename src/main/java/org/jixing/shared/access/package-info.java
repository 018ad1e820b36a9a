/**
 * Who may take which action: the {@link org.jixing.shared.access.Permission} contract
 * each module's policy enum implements, the interceptor that enforces the permission
 * every handler declares, and the one {@link org.jixing.shared.access.AccessRefused}
 * event every refusal publishes.
 */
package org.jixing.shared.access;
