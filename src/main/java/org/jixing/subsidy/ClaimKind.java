package org.jixing.subsidy;

/**
 * What a claim is paid for: the class's completions (the standards of the rules), or the
 * employment of its trainees within the months the rules name, proven by the
 * social-insurance records. A class has one standing claim of each kind, and a trainee's
 * enrolment one standing line of each kind.
 */
public enum ClaimKind {

    COMPLETION("BT"), EMPLOYMENT("JY");

    private final String prefix;

    ClaimKind(String prefix) {
        this.prefix = prefix;
    }

    /** The letters the claim numbers of this kind begin with. */
    public String prefix() {
        return prefix;
    }

}
