package org.jixing.demo;

import java.util.List;

/**
 * One known fraud pattern the generator plants among honest records, through the same
 * services a fraudster would use (so it passes every rule those services enforce). Each
 * pattern is a bean; {@link PlantedFraud} runs them. What a pattern returns is the truth
 * the rules are measured against: which rule should fire on which subject.
 */
public interface PlantedPattern {

    /** A short code, e.g. GHOST_CLASS. */
    String code();

    /**
     * Plants one instance of the pattern in the context's city; what the rules should
     * find.
     */
    List<Planted> plant(PlantingContext context);

}
