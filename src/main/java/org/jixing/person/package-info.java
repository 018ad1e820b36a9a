/**
 * The trainee registry: people keyed by resident ID number (stored encrypted with a blind
 * index), their group memberships, the evidence of each and its source (who recorded it,
 * in which role, by which path: the registry's record or a provider's declaration).
 */
@ApplicationModule(allowedDependencies = { "shared", "reference", "audit" })
package org.jixing.person;

import org.springframework.modulith.ApplicationModule;
