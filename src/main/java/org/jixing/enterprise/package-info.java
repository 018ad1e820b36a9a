/**
 * The enterprise registry: employers known by their unified social credit code, with name
 * and region; the scope that enterprise accounts are bound to, and the employers the
 * employment, quality and talent work will name.
 */
@ApplicationModule(allowedDependencies = { "shared", "reference", "audit" })
package org.jixing.enterprise;

import org.springframework.modulith.ApplicationModule;
