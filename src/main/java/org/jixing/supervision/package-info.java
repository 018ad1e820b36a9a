/**
 * Risk rules and alerts against fake training, fake evaluation and subsidy fraud; cases,
 * findings and referrals.
 */
@ApplicationModule(allowedDependencies = { "shared", "reference", "provider", "person", "training", "certification",
        "subsidy", "audit", "employment" })
package org.jixing.supervision;

import org.springframework.modulith.ApplicationModule;
