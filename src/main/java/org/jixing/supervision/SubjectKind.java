package org.jixing.supervision;

/** What an alert is about, and what else it targets. */
public enum SubjectKind {

    PROVIDER, EVALUATION_BODY, PERSON, CLASS, ENROLMENT, CLAIM, TERMINAL, TEACHER

}
