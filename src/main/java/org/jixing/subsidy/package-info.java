/**
 * Subsidy rules, claims and their review, payments, the fund ledger in integer fen, and
 * recovery.
 */
@ApplicationModule(allowedDependencies = { "shared", "reference", "provider", "person", "training", "certification",
        "statistics", "audit", "employment" })
package org.jixing.subsidy;

import org.springframework.modulith.ApplicationModule;
