package org.jixing.subsidy.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.jixing.subsidy.ClaimReview;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for a claim's review history and the reviewers' declared ties to providers. */
@Repository
public class ClaimReviewStore {

    private final JdbcClient jdbc;

    ClaimReviewStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void review(long claimId, String stage, String decision, String comment, String by, Instant at) {
        jdbc.sql("""
                insert into subsidy_claim_review (claim_id, stage, decision, comment, decided_by, decided_at)
                values (:c, :s, :d, :m, :by, :at)""")
            .param("c", claimId)
            .param("s", stage)
            .param("d", decision)
            .param("m", comment)
            .param("by", by)
            .param("at", Timestamp.from(at))
            .update();
    }

    public List<ClaimReview> reviews(long claimId) {
        return jdbc.sql("""
                select stage, decision, comment, decided_by, decided_at from subsidy_claim_review
                where claim_id = :c order by id""")
            .param("c", claimId)
            .query((rs, n) -> new ClaimReview(rs.getString("stage"), rs.getString("decision"), rs.getString("comment"),
                    rs.getString("decided_by"), rs.getTimestamp("decided_at").toInstant()))
            .list();
    }

    public boolean conflictDeclared(String username, long providerId) {
        return jdbc.sql("select count(*) from subsidy_reviewer_conflict where username = :u and provider_id = :p")
            .param("u", username)
            .param("p", providerId)
            .query(Long.class)
            .single() > 0;
    }

    public void declareConflict(String username, long providerId, String reason, String by, Instant at) {
        jdbc.sql("""
                insert into subsidy_reviewer_conflict (username, provider_id, reason, declared_by, declared_at)
                values (:u, :p, :r, :by, :at)""")
            .param("u", username)
            .param("p", providerId)
            .param("r", reason)
            .param("by", by)
            .param("at", Timestamp.from(at))
            .update();
    }

}
