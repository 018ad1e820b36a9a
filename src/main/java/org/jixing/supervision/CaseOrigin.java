package org.jixing.supervision;

/** What a case was opened from: live alerts, a complaint, or an inspection visit. */
public enum CaseOrigin {

    ALERTS, COMPLAINT, VISIT

}
