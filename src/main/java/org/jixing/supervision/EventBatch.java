package org.jixing.supervision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jixing.supervision.RuleDefinition.Trigger;

/**
 * The windows of one trigger's events in one transaction, gathered so the rules run once
 * for all of them after the commit: a class completing announces each trainee's
 * completion, a batch of results each certificate, and the rules read them all in one
 * pass. Windows narrowed on the same kinds of records merge into one (their periods and
 * records joined); a window narrowed otherwise stays apart, since an empty set does not
 * narrow.
 */
final class EventBatch {

    private final Trigger trigger;

    private final Map<String, ScanWindow> byShape = new LinkedHashMap<>();

    EventBatch(Trigger trigger) {
        this.trigger = trigger;
    }

    Trigger trigger() {
        return trigger;
    }

    void add(ScanWindow w) {
        byShape.merge(shape(w), w, EventBatch::join);
    }

    /** The merged windows, one per shape, in the order their first event came. */
    List<ScanWindow> windows() {
        return new ArrayList<>(byShape.values());
    }

    private static String shape(ScanWindow w) {
        return "" + w.personIds().isEmpty() + w.classIds().isEmpty() + w.providerIds().isEmpty() + w.bodyIds().isEmpty()
                + w.claimIds().isEmpty();
    }

    static ScanWindow join(ScanWindow a, ScanWindow b) {
        Instant from = a.from().isBefore(b.from()) ? a.from() : b.from();
        Instant to = a.to().isAfter(b.to()) ? a.to() : b.to();
        return new ScanWindow(from, to, union(a.personIds(), b.personIds()), union(a.classIds(), b.classIds()),
                union(a.providerIds(), b.providerIds()), union(a.bodyIds(), b.bodyIds()),
                union(a.claimIds(), b.claimIds()));
    }

    private static Set<Long> union(Set<Long> a, Set<Long> b) {
        Set<Long> out = new HashSet<>(a);
        out.addAll(b);
        return out;
    }

}
