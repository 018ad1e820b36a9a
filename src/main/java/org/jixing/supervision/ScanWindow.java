package org.jixing.supervision;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
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

    /**
     * One window covering several: from the earliest start to the latest end, narrowed to
     * all their records (a window that narrows nothing makes the whole one narrow
     * nothing).
     */
    public static ScanWindow joined(List<ScanWindow> windows) {
        if (windows.size() == 1) {
            return windows.get(0);
        }
        Instant from = windows.get(0).from();
        Instant to = windows.get(0).to();
        Set<Long> people = new HashSet<>();
        Set<Long> classes = new HashSet<>();
        Set<Long> providers = new HashSet<>();
        Set<Long> bodies = new HashSet<>();
        Set<Long> claims = new HashSet<>();
        for (ScanWindow w : windows) {
            if (!w.focused()) {
                return between(windows.stream().map(ScanWindow::from).min(Instant::compareTo).orElseThrow(),
                        windows.stream().map(ScanWindow::to).max(Instant::compareTo).orElseThrow());
            }
            from = w.from().isBefore(from) ? w.from() : from;
            to = w.to().isAfter(to) ? w.to() : to;
            people.addAll(w.personIds());
            classes.addAll(w.classIds());
            providers.addAll(w.providerIds());
            bodies.addAll(w.bodyIds());
            claims.addAll(w.claimIds());
        }
        return new ScanWindow(from, to, people, classes, providers, bodies, claims);
    }

    /** Whether the window is narrowed to an event's records. */
    public boolean focused() {
        return !personIds.isEmpty() || !classIds.isEmpty() || !providerIds.isEmpty() || !bodyIds.isEmpty()
                || !claimIds.isEmpty();
    }

}
