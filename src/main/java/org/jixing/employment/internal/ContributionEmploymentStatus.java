package org.jixing.employment.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jixing.employment.EmploymentStatusSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the social-insurance records say of trainees for employment services: a person
 * with a contribution record in the latest month any import carried is employed. Nothing
 * else is claimed: a person without one may have been discarded as not yet a trainee when
 * that month came in, so the rest stay unknown and are offered demands.
 */
@Component
class ContributionEmploymentStatus implements EmploymentStatusSource {

    private final JdbcClient jdbc;

    ContributionEmploymentStatus(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, Status> statusOf(Collection<Long> personIds) {
        Map<Long, Status> out = new HashMap<>();
        if (personIds.isEmpty()) {
            return out;
        }
        List<Long> all = List.copyOf(personIds);
        for (int from = 0; from < all.size(); from += 1000) {
            jdbc.sql("""
                    select m.person_id from contribution_month m
                    where m.month_no = (select max(k.month_no) from contribution_known_month k)
                      and m.person_id in (:ids)""")
                .param("ids", all.subList(from, Math.min(all.size(), from + 1000)))
                .query(Long.class)
                .list()
                .forEach(p -> out.put(p, Status.EMPLOYED));
        }
        return out;
    }

}
