package org.jixing.training;

import java.time.LocalDate;

/**
 * Filters and order of the class lists; null or blank means any. {@code startsFrom} and
 * {@code startsUntil} bound the first day (both inclusive). {@code opened} keeps the
 * classes the region approved and nobody called off ({@link ClassStatus#opened()}), as
 * the annual figures count them. {@code completedFrom}, {@code completedUntil} and
 * {@code completedGroup} keep the classes with a trainee who completed in that span
 * (holding that trainee group): the classes behind a progress figure;
 * {@code subTargetCode} keeps one sub-target's classes. {@code sort} is one of
 * {@code start} (default: latest start first), {@code -start}, {@code no},
 * {@code provider}, {@code submitted} (oldest application first).
 */
public record ClassFilter(ClassStatus status, String lineCode, String regionCode, Long providerId, String text,
        String sort, LocalDate startsFrom, LocalDate startsUntil, ClassType type, boolean opened,
        LocalDate completedFrom, LocalDate completedUntil, String completedGroup, String subTargetCode) {

    public ClassFilter(ClassStatus status, String lineCode, String regionCode, Long providerId, String text,
            String sort, LocalDate startsFrom, LocalDate startsUntil, ClassType type, boolean opened,
            LocalDate completedFrom, LocalDate completedUntil, String completedGroup) {
        this(status, lineCode, regionCode, providerId, text, sort, startsFrom, startsUntil, type, opened, completedFrom,
                completedUntil, completedGroup, null);
    }

    public ClassFilter(ClassStatus status, String lineCode, String regionCode, Long providerId, String text,
            String sort, LocalDate startsFrom, LocalDate startsUntil, ClassType type, boolean opened) {
        this(status, lineCode, regionCode, providerId, text, sort, startsFrom, startsUntil, type, opened, null, null,
                null);
    }

    public ClassFilter(ClassStatus status, String lineCode, String regionCode, Long providerId, String text,
            String sort, LocalDate startsFrom, LocalDate startsUntil) {
        this(status, lineCode, regionCode, providerId, text, sort, startsFrom, startsUntil, null, false);
    }

    public ClassFilter(ClassStatus status, String lineCode, String regionCode, Long providerId, String text,
            String sort) {
        this(status, lineCode, regionCode, providerId, text, sort, null, null);
    }

    public ClassFilter(ClassStatus status, String lineCode, String regionCode, Long providerId, String text) {
        this(status, lineCode, regionCode, providerId, text, null);
    }

    public static ClassFilter none() {
        return new ClassFilter(null, null, null, null, null, null, null, null, null, false);
    }

    /** Whether the filter asks for classes by their completions. */
    public boolean byCompletion() {
        return completedFrom != null || completedUntil != null || (completedGroup != null && !completedGroup.isBlank());
    }

    /** The ORDER BY of a sort key; only these constants ever reach SQL. */
    public String orderBy() {
        return switch (sort == null ? "" : sort) {
            case "-start" -> "c.start_date, c.id";
            case "no" -> "c.class_no";
            case "provider" -> "c.provider_name, c.start_date desc, c.id";
            case "submitted" -> "c.created_at, c.id";
            default -> "c.start_date desc, c.id desc";
        };
    }

}
