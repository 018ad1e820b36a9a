package org.jixing.demo;

import java.time.LocalDate;
import java.util.Random;

import org.jixing.shared.scope.CurrentUser;

/**
 * Where and when to plant: the day the records happen (the pattern may go back a few days
 * from it), the province administrator to act as where an officer must (approving a
 * class, say), the city, and a seeded random source so a run is reproducible.
 */
public record PlantingContext(LocalDate today, CurrentUser admin, String cityCode, Random random) {
}
