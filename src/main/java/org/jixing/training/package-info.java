/**
 * Programmes, classes and their opening, rosters and enrolment with eligibility,
 * sessions, attendance and completion; publishes TrainingCompleted.
 */
@ApplicationModule(allowedDependencies = { "shared", "reference", "provider", "person", "audit" })
package org.jixing.training;

import org.springframework.modulith.ApplicationModule;
