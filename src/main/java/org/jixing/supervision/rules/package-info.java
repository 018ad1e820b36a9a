/**
 * The supervision rules over claims, certificates, evaluation bodies and people: each a
 * bean implementing {@link org.jixing.supervision.RiskRule}, reading through the other
 * modules' unscoped read APIs and handing the records to a pure function (tested without
 * Spring) that returns the hits.
 */
package org.jixing.supervision.rules;
