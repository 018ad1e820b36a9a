package org.jixing.subsidy.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jixing.subsidy.ClaimAttachment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for the evidence attached to claims. */
@Repository
public class ClaimAttachmentStore {

    private final JdbcClient jdbc;

    ClaimAttachmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insertAttachment(long claimId, String kind, String fileName, String contentType, byte[] content,
            String sha256, String by, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into subsidy_claim_attachment (claim_id, kind, file_name, content_type, size_bytes, sha256,
                  content, uploaded_by, uploaded_at)
                values (:c, :k, :f, :t, :s, :h, :x, :by, :at)""")
            .param("c", claimId)
            .param("k", kind)
            .param("f", fileName)
            .param("t", contentType)
            .param("s", (long) content.length)
            .param("h", sha256)
            .param("x", content)
            .param("by", by)
            .param("at", Timestamp.from(at))
            .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public List<ClaimAttachment> attachments(long claimId) {
        return jdbc.sql("""
                select id, kind, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at
                from subsidy_claim_attachment where claim_id = :c order by id""")
            .param("c", claimId)
            .query((rs, n) -> new ClaimAttachment(rs.getLong("id"), rs.getString("kind"), rs.getString("file_name"),
                    rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                    rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant()))
            .list();
    }

    public Optional<byte[]> attachmentContent(long claimId, long attachmentId) {
        return jdbc.sql("select content from subsidy_claim_attachment where claim_id = :c and id = :id")
            .param("c", claimId)
            .param("id", attachmentId)
            .query((rs, n) -> rs.getBytes(1))
            .optional();
    }

}
