package org.jixing.training;

/** How a programme is taught. */
public enum DeliveryMode {

    IN_PERSON, ONLINE, BLENDED

}
