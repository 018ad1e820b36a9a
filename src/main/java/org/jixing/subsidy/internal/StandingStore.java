package org.jixing.subsidy.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.jixing.subsidy.Claim;
import org.jixing.subsidy.ClaimKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What already stands when a class is claimed: its standing claim, and what each person
 * has on standing claim lines in a year (the yearly cap's "already").
 */
@Repository
public class StandingStore {

    private final JdbcClient jdbc;

    StandingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Claim> standingClaimOfClass(long classId) {
        return standingClaimOfClass(classId, ClaimKind.COMPLETION);
    }

    /** The class's standing claim of a kind. */
    public Optional<Claim> standingClaimOfClass(long classId, ClaimKind kind) {
        return jdbc.sql("select " + ClaimStore.COLUMNS + " where c.class_id = :c and c.kind = :k and c.live = 1")
            .param("c", classId)
            .param("k", kind.name())
            .query((rs, n) -> ClaimStore.claim(rs))
            .optional();
    }

    /**
     * What each person has on standing claims in a year (the yearly cap's "already"),
     * leaving out one claim.
     */
    public Map<Long, Long> standingByPerson(Collection<Long> personIds, int year, long exceptClaimId) {
        Map<Long, Long> sums = new HashMap<>();
        if (personIds.isEmpty()) {
            return sums;
        }
        jdbc.sql("""
                select person_id, sum(amount_fen) as amount_fen from subsidy_claim_line
                where live = 1 and training_year = :y and claim_id <> :except and person_id in (:ids)
                group by person_id""")
            .param("y", year)
            .param("except", exceptClaimId)
            .param("ids", personIds)
            .query((rs, n) -> sums.put(rs.getLong("person_id"), rs.getLong("amount_fen")))
            .list();
        return sums;
    }

}
