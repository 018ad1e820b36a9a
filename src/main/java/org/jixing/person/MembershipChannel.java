package org.jixing.person;

/** The path by which a group membership reached the registry. */
public enum MembershipChannel {

    /**
     * An officer's import of a trainee list into the registry ({@code /people/imports}).
     */
    REGISTRY_IMPORT,
    /** The groups column of a provider's roster file ({@code /classes/{id}/imports}). */
    ROSTER_IMPORT,
    /**
     * Recorded through the registry's service itself, one at a time or in bulk: a
     * province's migration of its old records, the demo, a single entry.
     */
    DIRECT,
    /** Recorded before the registry kept the source of a membership. */
    UNRECORDED

}
