/**
 * Public pages: course search, certificate verification, provider ratings.
 */
@ApplicationModule(allowedDependencies = { "shared", "reference", "provider", "training", "certification" })
package org.jixing.portal;

import org.springframework.modulith.ApplicationModule;
