/**
 * Training providers and evaluation bodies: filing, status (active, suspended,
 * blacklisted), the occupations and levels each may train or assess, skill-master studios
 * and public training bases.
 */
@ApplicationModule(allowedDependencies = { "shared", "reference", "audit" })
package org.jixing.provider;

import org.springframework.modulith.ApplicationModule;
