package org.jixing.enterprise;

import java.time.Instant;

/** An enterprise as registered: its credit code is its identity. */
public record Enterprise(String creditCode, String name, String regionCode, Instant createdAt, Instant updatedAt,
        int version) {
}
