package org.jixing.supervision;

/** How serious a rule's hit is; the desk sorts by it. */
public enum Severity {

    LOW, MEDIUM, HIGH

}
