/**
 * The supervision rules. Over training: attendance (a person in two places, one device
 * checking in many, a class checked in within seconds, identical face scores, a terminal
 * used elsewhere, heavy corrections, perfect attendance) and classes (overlapping
 * classes, a teacher in two places, hours below the programme, enrolment and completion
 * surges). Each rule bean reads through training's {@code AttendanceFacts} and
 * {@code ClassFacts} and hands the records to a pure function, tested without Spring.
 * Over claims, certificates, evaluation bodies and people: each a bean implementing
 * {@link org.jixing.supervision.RiskRule}, reading through the other modules' unscoped
 * read APIs and handing the records to a pure function (tested without Spring) that
 * returns the hits.
 */
package org.jixing.supervision.rules;
