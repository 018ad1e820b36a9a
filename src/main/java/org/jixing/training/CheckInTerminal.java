package org.jixing.training;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A check-in terminal a provider registered: its device id, a name, the venue it stands
 * at (address and coordinates), who registered it and when, and when and why it was
 * retired.
 */
public record CheckInTerminal(long id, long providerId, String regionCode, String deviceId, String name,
        String venueAddress, BigDecimal venueLat, BigDecimal venueLng, String registeredBy, Instant registeredAt,
        String retiredBy, Instant retiredAt, String retireReason) {

    public boolean active() {
        return retiredAt == null;
    }

}
