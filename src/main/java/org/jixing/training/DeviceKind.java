package org.jixing.training;

/**
 * The kind of device an attendance event came from. A registered TERMINAL of the provider
 * checks in a whole class by design; a trainee's own PHONE should check in one person
 * (supervision looks for one phone checking in many); HISTORY events came from the system
 * a province used before, as it recorded them.
 */
public enum DeviceKind {

    TERMINAL, PHONE, HISTORY

}
