package org.jixing.person;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Unscoped reads for the supervision engine (its rules run as the province's reader, like
 * {@code ScopeSql.UNSCOPED} reads): people registered with the same phone number,
 * compared by the number's blind index, never in clear. Not for pages.
 */
@Service
public class SharedPhones {

    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;

    SharedPhones(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One person behind a shared phone: masked, as the evidence shows them. */
    public record PhoneHolder(long personId, String name, String idNumberMasked, String phoneMasked,
            String regionCode) {
    }

    /**
     * The groups of at least {@code minPeople} people registered with one phone number,
     * keyed by an opaque key (the blind index): the groups of the people given when
     * {@code personIds} is not empty, else those with someone registered in from
     * {@code from} (inclusive) to {@code to} (exclusive).
     */
    @Transactional(readOnly = true)
    public Map<String, List<PhoneHolder>> shared(Instant from, Instant to, Set<Long> personIds, int minPeople) {
        String sql = """
                select p.phone_index, p.id, p.name, p.id_number_masked, p.phone_masked, p.region_code from person p
                where p.phone_index in (select s.phone_index from person s where s.phone_index is not null
                  group by s.phone_index having count(*) >= :min)""";
        List<Object[]> rows = new ArrayList<>();
        if (personIds.isEmpty()) {
            rows.addAll(jdbc.sql(sql + """
                     and p.phone_index in (select o.phone_index from person o where o.created_at >= :from
                      and o.created_at < :to and o.phone_index is not null)
                    order by p.phone_index, p.id""")
                .param("min", minPeople)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> row(rs))
                .list());
        }
        else {
            List<Long> all = new ArrayList<>(personIds);
            for (int i = 0; i < all.size(); i += CHUNK) {
                rows.addAll(jdbc.sql(sql + """
                         and p.phone_index in (select o.phone_index from person o where o.id in (:ids)
                          and o.phone_index is not null)
                        order by p.phone_index, p.id""")
                    .param("min", minPeople)
                    .param("ids", all.subList(i, Math.min(all.size(), i + CHUNK)))
                    .query((rs, n) -> row(rs))
                    .list());
            }
        }
        Map<String, List<PhoneHolder>> out = new LinkedHashMap<>();
        for (Object[] r : rows) {
            PhoneHolder h = (PhoneHolder) r[1];
            List<PhoneHolder> list = out.computeIfAbsent((String) r[0], k -> new ArrayList<>());
            if (list.stream().noneMatch(x -> x.personId() == h.personId())) {
                list.add(h);
            }
        }
        return out;
    }

    private static Object[] row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Object[] { rs.getString(1),
                new PhoneHolder(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)) };
    }

}
