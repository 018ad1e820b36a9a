/**
 * The tamper-evident audit trail: one append-only, hash-chained record of who did what to
 * which record, when, from where, with the values before and after.
 */
@ApplicationModule(allowedDependencies = { "shared" })
package org.jixing.audit;

import org.springframework.modulith.ApplicationModule;
