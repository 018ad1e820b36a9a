package org.jixing.reference;

import java.util.List;
import java.util.Locale;

import org.jixing.shared.PageResult;

/** Server-side filtering and paging of the catalogue's lists, shared by pages and API. */
public final class ReferenceLists {

    private ReferenceLists() {
    }

    public static PageResult<Occupation> occupations(ReferenceCatalogue reference, String line, String q, int page,
            int size) {
        String query = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        List<Occupation> all = reference.occupations()
            .stream()
            .filter(o -> line == null || line.isBlank() || line.equals(o.lineCode()))
            .filter(o -> query.isEmpty() || o.nameZh().toLowerCase(Locale.ROOT).contains(query)
                    || o.nameEn().toLowerCase(Locale.ROOT).contains(query)
                    || o.code().toLowerCase(Locale.ROOT).contains(query)
                    || (o.nationalCode() != null && o.nationalCode().startsWith(query)))
            .toList();
        int from = Math.min(PageResult.offset(page, size), all.size());
        return new PageResult<>(all.subList(from, Math.min(from + size, all.size())), page, size, all.size());
    }

}
