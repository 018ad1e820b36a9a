package org.jixing.employment;

import java.util.Collection;
import java.util.Map;

/**
 * Where employment services learn whether a trainee is employed. Hires recorded through
 * order classes count as employed already; every bean of this type adds what it knows
 * (the social-insurance contribution records, when they arrive). A person no source knows
 * is {@link Status#UNKNOWN} and is offered demands.
 */
public interface EmploymentStatusSource {

    enum Status {

        EMPLOYED, NOT_EMPLOYED, UNKNOWN

    }

    /** What the source knows of these people; a person left out is unknown to it. */
    Map<Long, Status> statusOf(Collection<Long> personIds);

}
