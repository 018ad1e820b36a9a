package org.jixing.supervision;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The inspection sample's draw, a pure function: weighted random sampling without
 * replacement (Efraimidis and Spirakis, 2006). Each candidate in the given order takes a
 * uniform u (0 < u <= 1) from a {@link SplittableRandom} seeded with the sample's seed
 * and gets the key ln(u) / weight; the k largest keys are drawn. A candidate of weight w
 * is drawn first with probability w / (sum of weights), and so on among those left. The
 * same seed and the same candidates in the same order give the same classes.
 */
public final class WeightedDraw {

    private WeightedDraw() {
    }

    /** A class the draw may pick, with its weight (at least 1). */
    public record Candidate(long classId, int weight) {

        public Candidate {
            if (weight < 1) {
                throw new IllegalArgumentException("weight must be at least 1: " + weight);
            }
        }

    }

    /**
     * The seed of a city's month: the first eight bytes of SHA-256 of
     * {@code "<region>|<yyyy-MM>|<salt>"}. The salt is drawn at random on the draw and
     * stored with the sample, so nobody could know the seed before the draw, and anybody
     * can recompute it afterwards.
     */
    public static long seed(String regionCode, YearMonth month, long salt) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                .digest((regionCode + "|" + month + "|" + salt).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(h, 0, 8).getLong();
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * How many of {@code candidates} a share of {@code shareBasisPoints} (1/10000) takes:
     * rounded up, at least one, at most all; none of none.
     */
    public static int sampleSize(int candidates, int shareBasisPoints) {
        if (candidates <= 0) {
            return 0;
        }
        long k = ((long) candidates * shareBasisPoints + 9999) / 10000;
        return (int) Math.min(candidates, Math.max(1, k));
    }

    /**
     * The ids of the {@code k} classes drawn, in the order of their keys (largest first).
     */
    public static List<Long> draw(long seed, List<Candidate> candidates, int k) {
        Set<Long> ids = new HashSet<>();
        for (Candidate c : candidates) {
            if (!ids.add(c.classId())) {
                throw new IllegalArgumentException("class listed twice: " + c.classId());
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        record Keyed(long classId, double key, int order) {
        }
        List<Keyed> keyed = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            double u = 1.0 - random.nextDouble();
            keyed.add(new Keyed(c.classId(), Math.log(u) / c.weight(), i));
        }
        keyed.sort(Comparator.comparingDouble(Keyed::key).reversed().thenComparingInt(Keyed::order));
        return keyed.stream().limit(Math.max(0, Math.min(k, keyed.size()))).map(Keyed::classId).toList();
    }

}
