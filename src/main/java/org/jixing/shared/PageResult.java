package org.jixing.shared;

import java.util.List;

/** One page of a server-side paged list, with what the pagination fragment needs. */
public record PageResult<T>(List<T> items, int page, int size, long total) {

    public int totalPages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return (long) page + 1 < totalPages();
    }

    /**
     * The row offset of this page for {@code offset ... rows fetch next ... rows only}:
     * never negative, and a page far beyond the end ({@code page=2147483647}) is an
     * offset past every row (an empty page), not an overflow.
     */
    public static int offset(int page, int size) {
        return (int) Math.min(Integer.MAX_VALUE, (long) Math.max(0, page) * Math.max(0, size));
    }

    /** A requested page number, never below 0. */
    public static int page(Integer requested) {
        return requested == null ? 0 : Math.max(0, requested);
    }

    /** Clamps a requested page size to 1..200, 20 when absent. */
    public static int size(Integer requested) {
        if (requested == null || requested < 1) {
            return 20;
        }
        return Math.min(requested, 200);
    }
}
