/**
 * The demo province: a deterministic, seeded generator of accounts and (as modules
 * arrive) providers, classes, trainees and their records; also the data generator the
 * benchmarks use.
 */
@ApplicationModule(allowedDependencies = { "shared", "reference", "account", "audit", "provider", "person", "training",
        "certification", "subsidy", "employment", "supervision", "statistics", "enterprise" })
package org.jixing.demo;

import org.springframework.modulith.ApplicationModule;
