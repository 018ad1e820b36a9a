package org.jixing.subsidy;

/**
 * A trainee of the class left out of the claim; {@code reasonKey} is a message key
 * ({@code subsidy.exclusion.*}) shown in the reader's language with {@code reasonArg}.
 */
public record ClaimExclusion(long enrolmentId, long personId, String name, String idNumberMasked, String reasonKey,
        String reasonArg) {
}
