package org.jixing.training;

/** Filters of the class lists; null or blank means any. */
public record ClassFilter(ClassStatus status, String lineCode, String regionCode, Long providerId, String text) {

    public static ClassFilter none() {
        return new ClassFilter(null, null, null, null, null);
    }

}
