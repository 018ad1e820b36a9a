package org.jixing.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.jixing.shared.scope.CurrentUser;
import org.springframework.stereotype.Service;

/**
 * The planted-fraud generator: plants known patterns among honest records, for the tests,
 * the benchmarks (recall and precision of the rules) and the demo (a new user finds
 * alerts on the supervision desk).
 */
@Service
public class PlantedFraud {

    private final List<PlantedPattern> patterns;

    PlantedFraud(List<PlantedPattern> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /** The codes of the patterns known, in bean order. */
    public List<String> codes() {
        return patterns.stream().map(PlantedPattern::code).toList();
    }

    /**
     * Plants {@code copies} instances of each pattern named in {@code only} (all when
     * empty), spread over {@code cities} in turn, from a seeded random source.
     */
    public List<Planted> plant(LocalDate today, CurrentUser admin, List<String> cities, int copies, Set<String> only,
            long seed) {
        Random random = new Random(seed);
        List<Planted> out = new ArrayList<>();
        int i = 0;
        for (PlantedPattern p : patterns) {
            if (!only.isEmpty() && !only.contains(p.code())) {
                continue;
            }
            for (int n = 0; n < copies; n++) {
                String city = cities.get(i++ % cities.size());
                out.addAll(p.plant(new PlantingContext(today, admin, city, random)));
            }
        }
        return out;
    }

}
