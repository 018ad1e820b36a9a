package org.jixing.employment.internal;

import java.util.Collection;
import java.util.Map;

import org.jixing.employment.EmploymentStatusSource;
import org.springframework.stereotype.Component;

/**
 * The default source: it knows nothing, so every trainee not hired through an order class
 * is unknown. The contribution records will add a source that knows.
 */
@Component
class UnknownEmploymentStatus implements EmploymentStatusSource {

    @Override
    public Map<Long, Status> statusOf(Collection<Long> personIds) {
        return Map.of();
    }

}
