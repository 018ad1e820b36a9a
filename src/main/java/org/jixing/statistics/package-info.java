/**
 * Progress against every target by line, city, department, group and month (the rollups,
 * and the trainee groups counted for each completion); dashboards, forecasts, the
 * periodic progress report, the annual figures and the home pages.
 */
@ApplicationModule(allowedDependencies = { "shared", "reference", "training", "provider", "person", "audit" })
package org.jixing.statistics;

import org.springframework.modulith.ApplicationModule;
