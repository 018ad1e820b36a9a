package org.jixing.employment;

import java.util.List;

import org.jixing.training.CompletedTraining;

/**
 * A trainee who completed a class and is not known to be employed, with the open demands
 * of the class's occupation in the class's city.
 */
public record EmploymentCandidate(CompletedTraining training, String name, String idNumberMasked,
        EmploymentStatusSource.Status status, List<OpenDemand> demands) {
}
