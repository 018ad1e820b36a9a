/**
 * Job demands from enterprises, order classes' employers, and employment follow-up after
 * training.
 */
@ApplicationModule(
        allowedDependencies = { "shared", "reference", "provider", "person", "training", "enterprise", "audit" })
package org.jixing.employment;

import org.springframework.modulith.ApplicationModule;
