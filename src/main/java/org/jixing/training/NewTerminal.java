package org.jixing.training;

import java.math.BigDecimal;

/**
 * A terminal to register: its device id (as the terminal sends it), a name, its venue.
 */
public record NewTerminal(String deviceId, String name, String venueAddress, BigDecimal venueLat, BigDecimal venueLng) {
}
