/**
 * Progress against every target by line, city, department, group and month; dashboards,
 * forecasts and the periodic progress report. For now: the home pages, which show the
 * plan's lines and targets.
 */
@ApplicationModule(allowedDependencies = { "shared", "reference", "training", "certification", "subsidy", "provider",
        "person", "audit" })
package org.jixing.statistics;

import org.springframework.modulith.ApplicationModule;
