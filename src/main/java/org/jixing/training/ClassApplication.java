package org.jixing.training;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A provider's application to open a class. */
public record ClassApplication(Long providerId, Long programmeId, ClassType classType, String employerName,
        String employerCreditCode, Boolean subsidised, String venueAddress, BigDecimal venueLat, BigDecimal venueLng,
        LocalDate startDate, LocalDate endDate, Integer capacity, List<PlannedSession> sessions) {

    public ClassApplication {
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
        subsidised = !Boolean.FALSE.equals(subsidised);
        classType = classType == null ? ClassType.REGULAR : classType;
    }

}
