/**
 * Skill-level assessments on the eight-level ladder, certificates and their public
 * verification.
 */
@ApplicationModule(
        allowedDependencies = { "shared", "reference", "provider", "person", "training", "statistics", "audit" })
package org.jixing.certification;

import org.springframework.modulith.ApplicationModule;
