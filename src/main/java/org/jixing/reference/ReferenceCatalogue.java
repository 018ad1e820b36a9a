package org.jixing.reference;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Read access to the reference data for every module. Reads are cheap: the data is small
 * and cached.
 */
public interface ReferenceCatalogue {

    Plan plan();

    List<ActionLine> actionLines();

    Optional<ActionLine> actionLine(String code);

    List<Department> departments();

    /**
     * The codes of the action lines a department leads (empty for an unknown department).
     */
    Set<String> linesLedBy(String departmentCode);

    List<Region> regions();

    Optional<Region> region(String code);

    /** The cities (second level) in code order. */
    List<Region> cities();

    List<SkillLevel> skillLevels();

    List<TraineeGroup> traineeGroups();

    List<Occupation> occupations();

    Optional<Occupation> occupation(String code);

}
