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
        return page + 1 < totalPages();
    }

    /**
     * The row offset of this page for {@code offset ... rows fetch next ... rows only}.
     */
    public static int offset(int page, int size) {
        return Math.max(0, page) * size;
    }

    /** Clamps a requested page size to 1..200, 20 when absent. */
    public static int size(Integer requested) {
        if (requested == null || requested < 1) {
            return 20;
        }
        return Math.min(requested, 200);
    }
}
