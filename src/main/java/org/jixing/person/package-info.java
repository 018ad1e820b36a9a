/**
 * The trainee registry: people keyed by resident ID number (stored encrypted with a blind
 * index), their group memberships and evidence.
 */
@ApplicationModule(allowedDependencies = { "shared", "reference", "audit" })
package org.jixing.person;

import org.springframework.modulith.ApplicationModule;
