/**
 * Reference data that the rest of the system counts against: the plan and its action
 * lines, sub-targets and annual numbers, departments, regions, skill levels, trainee
 * groups and occupations. Loaded from CSV files, so another province replaces files, not
 * code.
 */
@ApplicationModule(allowedDependencies = { "shared", "audit" })
package org.jixing.reference;

import org.springframework.modulith.ApplicationModule;
