package org.jixing.provider;

import java.util.List;

/**
 * What a body files: who it is, where, whom to contact, and what it may train or assess.
 */
public record FilingApplication(BodyKind kind, String name, String creditCode, String regionCode, String address,
        String legalRepresentative, String contactName, String contactPhone, Integer capacity,
        Boolean skillMasterStudio, Boolean publicTrainingBase, List<Permit> permits) {

    public FilingApplication {
        permits = permits == null ? List.of() : List.copyOf(permits);
        // Absent flags (an API client that leaves them out) mean no.
        skillMasterStudio = Boolean.TRUE.equals(skillMasterStudio);
        publicTrainingBase = Boolean.TRUE.equals(publicTrainingBase);
    }

}
