package org.jixing.statistics.internal;

import java.util.List;

/**
 * Completions of a group: the values of the group's keys as text (numbers without
 * decimals), in the order they were asked for, and the completions subsidised and not.
 */
public record Grouped(List<String> keys, long subsidised, long notSubsidised) {

    /** The value of the i-th key. */
    public String key(int i) {
        return keys.get(i);
    }

}
