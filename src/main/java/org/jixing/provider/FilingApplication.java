package org.jixing.provider;

import java.util.List;

/**
 * What a body files: who it is, where, whom to contact, and what it may train or assess.
 * Whether it is a public training base follows its kind
 * ({@link BodyKind#PUBLIC_TRAINING_BASE}); {@code publicTrainingBase} may be left out,
 * and when given must say the same as the kind.
 */
public record FilingApplication(BodyKind kind, String name, String creditCode, String regionCode, String address,
        String legalRepresentative, String contactName, String contactPhone, Integer capacity,
        Boolean skillMasterStudio, Boolean publicTrainingBase, List<Permit> permits) {

    public FilingApplication {
        permits = permits == null ? List.of() : List.copyOf(permits);
        // An absent flag (an API client that leaves it out) means no.
        skillMasterStudio = Boolean.TRUE.equals(skillMasterStudio);
    }

    /** Whether the body files as a public training base: its kind decides. */
    public boolean filesAsPublicTrainingBase() {
        return kind == BodyKind.PUBLIC_TRAINING_BASE;
    }

}
