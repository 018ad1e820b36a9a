package org.jixing.supervision;

import java.util.List;

/**
 * A sample's draw done again from its stored salt and candidates: whether the seed and
 * the classes come out as stored.
 */
public record SampleVerification(long sampleId, boolean matches, boolean seedMatches, List<Long> stored,
        List<Long> recomputed) {
}
