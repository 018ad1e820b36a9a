package org.jixing.supervision;

import java.time.Instant;
import java.util.Set;

/**
 * The records a rule looks at: those that happened from {@code from} until (not
 * including) {@code to}, narrowed (for a rule run on an arriving event) to the people,
 * classes, providers, bodies or claims the event concerns; an empty set does not narrow.
 * A rule looks back further than {@code from} where its pattern needs history (a surge
 * against a body's usual rate).
 */
public record ScanWindow(Instant from, Instant to, Set<Long> personIds, Set<Long> classIds, Set<Long> providerIds,
        Set<Long> bodyIds, Set<Long> claimIds) {

    public ScanWindow {
        personIds = Set.copyOf(personIds);
        classIds = Set.copyOf(classIds);
        providerIds = Set.copyOf(providerIds);
        bodyIds = Set.copyOf(bodyIds);
        claimIds = Set.copyOf(claimIds);
    }

    public static ScanWindow between(Instant from, Instant to) {
        return new ScanWindow(from, to, Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
    }

    /** Whether the window is narrowed to an event's records. */
    public boolean focused() {
        return !personIds.isEmpty() || !classIds.isEmpty() || !providerIds.isEmpty() || !bodyIds.isEmpty()
                || !claimIds.isEmpty();
    }

}
