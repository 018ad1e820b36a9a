package org.jixing.subsidy.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jixing.person.GroupBasis;
import org.jixing.person.MembershipChannel;
import org.jixing.shared.Money;
import org.jixing.shared.RegionCode;
import org.jixing.shared.scope.ScopeColumns;
import org.jixing.shared.scope.ScopeSql;
import org.jixing.subsidy.Claim;
import org.jixing.subsidy.ClaimFilter;
import org.jixing.subsidy.ClaimKind;
import org.jixing.subsidy.ClaimStatus;
import org.jixing.subsidy.ClaimSupervision;
import org.jixing.subsidy.GroupEvidence;
import org.jixing.subsidy.AdjustmentShare;
import org.jixing.subsidy.RuleSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * SQL for claims as filed: their heads, lines and exclusions, their status, and the
 * searches over them.
 */
@Repository
public class ClaimStore {

    public static final ScopeColumns SCOPE = ScopeColumns.create()
        .region("c.region_code")
        .actionLine("c.line_code")
        .provider("c.provider_id");

    static final String COLUMNS = """
            c.id, c.claim_no, c.class_id, c.class_no, c.provider_id, c.provider_name, c.region_code, c.line_code,
            c.occupation_code, c.level_code, c.training_year, c.fund_source_code, c.rule_set_id, r.version as rule_version,
            c.budget_id, c.trainees, c.amount_fen, c.province_review, c.status, c.review_due_on, c.payee_name,
            c.payee_account, c.payee_bank, c.submitted_by, c.submitted_at, c.status_since, c.version,
            c.adjusted_lines, c.declared_lines, c.adjustment_fen, c.declared_fen, c.kind
            from subsidy_claim c join subsidy_rule_set r on r.id = c.rule_set_id""";

    private final JdbcClient jdbc;

    ClaimStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A claim's head as filed. */
    public record NewClaim(String claimNo, long classId, String classNo, long providerId, String providerName,
            String regionCode, String lineCode, String occupationCode, String levelCode, int trainingYear,
            String fundSourceCode, long ruleSetId, int trainees, long amountFen, boolean provinceReview,
            LocalDate reviewDueOn, String payeeName, String payeeAccount, String payeeBank, String submittedBy,
            Instant at, AdjustmentShare adjustments, ClaimKind kind) {
    }

    public long insert(NewClaim c) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into subsidy_claim (claim_no, class_id, class_no, provider_id, provider_name, region_code,
                  line_code, occupation_code, level_code, training_year, fund_source_code, rule_set_id, trainees,
                  amount_fen, province_review, status, review_due_on, payee_name, payee_account, payee_bank, live,
                  submitted_by, submitted_at, status_since, adjusted_lines, declared_lines, adjustment_fen,
                  declared_fen, kind)
                values (:no, :class, :classNo, :provider, :providerName, :region, :line, :occupation, :level, :year,
                  :fund, :rules, :trainees, :amount, :province, 'SUBMITTED', :due, :payee, :account, :bank, 1, :by,
                  :at, :at, :adjustedLines, :declaredLines, :adjustment, :declared, :kind)""")
            .param("kind", c.kind().name())
            .param("adjustedLines", c.adjustments().adjustedLines())
            .param("declaredLines", c.adjustments().declaredLines())
            .param("adjustment", c.adjustments().adjustment().fen())
            .param("declared", c.adjustments().declared().fen())
            .param("no", c.claimNo())
            .param("class", c.classId())
            .param("classNo", c.classNo())
            .param("provider", c.providerId())
            .param("providerName", c.providerName())
            .param("region", c.regionCode())
            .param("line", c.lineCode())
            .param("occupation", c.occupationCode())
            .param("level", c.levelCode())
            .param("year", c.trainingYear())
            .param("fund", c.fundSourceCode())
            .param("rules", c.ruleSetId())
            .param("trainees", c.trainees())
            .param("amount", c.amountFen())
            .param("province", c.provinceReview())
            .param("due", c.reviewDueOn())
            .param("payee", c.payeeName())
            .param("account", c.payeeAccount())
            .param("bank", c.payeeBank())
            .param("by", c.submittedBy())
            .param("at", Timestamp.from(c.at()))
            .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** How many claims a class has had: the next claim number's sequence. */
    public int claimsOfClass(long classId) {
        return jdbc.sql("select count(*) from subsidy_claim where class_id = :c")
            .param("c", classId)
            .query(Integer.class)
            .single();
    }

    /** Replaces the figures of a claim being filed again after correction. */
    public void refigure(long id, int trainees, long amountFen, boolean provinceReview, AdjustmentShare adjustments) {
        jdbc.sql("""
                update subsidy_claim set trainees = :t, amount_fen = :a, province_review = :p,
                  adjusted_lines = :adjustedLines, declared_lines = :declaredLines, adjustment_fen = :adjustment,
                  declared_fen = :declared
                where id = :id""")
            .param("t", trainees)
            .param("a", amountFen)
            .param("p", provinceReview)
            .param("adjustedLines", adjustments.adjustedLines())
            .param("declaredLines", adjustments.declaredLines())
            .param("adjustment", adjustments.adjustment().fen())
            .param("declared", adjustments.declared().fen())
            .param("id", id)
            .update();
    }

    public void insertLine(long claimId, long enrolmentId, long personId, int year, RuleSet.Quote q,
            GroupEvidence evidence) {
        insertLine(claimId, ClaimKind.COMPLETION, enrolmentId, personId, year, q, evidence);
    }

    /**
     * A line of a claim of a kind; an enrolment already on a standing line of that kind
     * is refused by the database ({@code subsidy_claim_line_enrolment_uk}).
     */
    public void insertLine(long claimId, ClaimKind kind, long enrolmentId, long personId, int year, RuleSet.Quote q,
            GroupEvidence evidence) {
        jdbc.sql("""
                insert into subsidy_claim_line (claim_id, enrolment_id, person_id, training_year, tier, standard_fen,
                  group_code, adjust_percent, cap_kind, cap_cut_fen, amount_fen, live, group_basis, group_channel,
                  group_recorded_by, group_membership_id, kind)
                values (:c, :e, :p, :y, :t, :s, :g, :pct, :ck, :cut, :a, 1, :basis, :channel, :recordedBy,
                  :membership, :kind)""")
            .param("kind", kind.name())
            .param("basis", evidence == null ? null : evidence.basis().name())
            .param("channel", evidence == null ? null : evidence.channel().name())
            .param("recordedBy", evidence == null ? null : evidence.recordedBy())
            .param("membership", evidence == null ? null : evidence.membershipId())
            .param("c", claimId)
            .param("e", enrolmentId)
            .param("p", personId)
            .param("y", year)
            .param("t", q.tier().name())
            .param("s", q.standard().fen())
            .param("g", q.groupCode())
            .param("pct", q.adjustPercent())
            .param("ck", q.capKind() == null ? null : q.capKind().name())
            .param("cut", q.capCut().fen())
            .param("a", q.amount().fen())
            .update();
    }

    public void insertExclusion(long claimId, long enrolmentId, long personId, String key, String arg) {
        jdbc.sql("""
                insert into subsidy_claim_exclusion (claim_id, enrolment_id, person_id, reason_key, reason_arg)
                values (:c, :e, :p, :k, :a)""")
            .param("c", claimId)
            .param("e", enrolmentId)
            .param("p", personId)
            .param("k", key)
            .param("a", arg)
            .update();
    }

    /** Removes the lines and exclusions of a claim about to be figured again. */
    public void clearLines(long claimId) {
        jdbc.sql("delete from subsidy_claim_line where claim_id = :c").param("c", claimId).update();
        jdbc.sql("delete from subsidy_claim_exclusion where claim_id = :c").param("c", claimId).update();
    }

    /**
     * Moves a claim from one status to another at the version seen; false when someone
     * else moved it first. A rejected claim stops standing, and so do its lines.
     */
    public boolean changeStatus(long id, int version, ClaimStatus from, ClaimStatus to, LocalDate dueOn, Long budgetId,
            Instant at) {
        int n = jdbc.sql("""
                update subsidy_claim set status = :to, review_due_on = :due, status_since = :at,
                  budget_id = coalesce(:budget, budget_id), live = :live, version = version + 1
                where id = :id and version = :v and status = :from""")
            .param("to", to.name())
            .param("due", dueOn)
            .param("at", Timestamp.from(at))
            .param("budget", budgetId)
            .param("live", to == ClaimStatus.REJECTED ? null : 1)
            .param("id", id)
            .param("v", version)
            .param("from", from.name())
            .update();
        if (n == 1 && to == ClaimStatus.REJECTED) {
            jdbc.sql("update subsidy_claim_line set live = null where claim_id = :c").param("c", id).update();
        }
        return n == 1;
    }

    /** Moves every listed claim in one status to another, for payment orders. */
    public int changeStatusAll(Collection<Long> ids, ClaimStatus from, ClaimStatus to, Instant at) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                update subsidy_claim set status = :to, status_since = :at, version = version + 1
                where id in (:ids) and status = :from""")
            .param("to", to.name())
            .param("at", Timestamp.from(at))
            .param("ids", ids)
            .param("from", from.name())
            .update();
    }

    /**
     * Approved claims not on a live payment line, in the caller's scope, optionally of a
     * region (and what lies in it) and a fund source; oldest first.
     */
    public List<Claim> awaitingPayment(String regionCode, String fundSourceCode, ScopeSql.Clause scope) {
        ScopeSql.Conditions where = ScopeSql
            .conditions(new ScopeSql.Clause("c.status = 'APPROVED' and c.amount_fen > 0 and c.budget_id is not null",
                    Map.of()))
            .and(scope)
            .and("not exists (select 1 from payment_line pl where pl.claim_id = c.id and pl.live = 1)");
        if (regionCode != null && RegionCode.isWellFormed(regionCode)) {
            where.and("c.region_code like :f_region", "f_region", new RegionCode(regionCode).prefix() + "%");
        }
        if (fundSourceCode != null && !fundSourceCode.isBlank()) {
            where.and("c.fund_source_code = :f_fund", "f_fund", fundSourceCode);
        }
        ScopeSql.Clause clause = where.clause();
        return jdbc.sql("select " + COLUMNS + " where " + clause.sql() + " order by c.id")
            .params(clause.params())
            .query((rs, n) -> claim(rs))
            .list();
    }

    public Optional<Claim> find(long id, ScopeSql.Clause scope) {
        return jdbc.sql("select " + COLUMNS + " where c.id = :id and " + scope.sql())
            .param("id", id)
            .params(scope.params())
            .query((rs, n) -> claim(rs))
            .optional();
    }

    public boolean exists(long id) {
        return jdbc.sql("select count(*) from subsidy_claim where id = :id")
            .param("id", id)
            .query(Long.class)
            .single() > 0;
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private static Where where(ClaimFilter f, ScopeSql.Clause scope) {
        ScopeSql.Conditions where = ScopeSql.conditions(scope);
        if (f.status() != null) {
            where.and("c.status = :f_status", "f_status", f.status().name());
        }
        if (f.lineCode() != null && !f.lineCode().isBlank()) {
            where.and("c.line_code = :f_line", "f_line", f.lineCode());
        }
        if (f.regionCode() != null && RegionCode.isWellFormed(f.regionCode())) {
            where.and("c.region_code like :f_region", "f_region", new RegionCode(f.regionCode()).prefix() + "%");
        }
        if (f.providerId() != null) {
            where.and("c.provider_id = :f_provider", "f_provider", f.providerId());
        }
        if (f.text() != null && !f.text().isBlank()) {
            where.and(
                    "(lower(c.claim_no) like :f_text or lower(c.class_no) like :f_text"
                            + " or lower(c.provider_name) like :f_text)",
                    "f_text", "%" + f.text().strip().toLowerCase(Locale.ROOT) + "%");
        }
        ScopeSql.Clause clause = where.clause();
        return new Where(" where " + clause.sql(), clause.params());
    }

    public List<Claim> search(ClaimFilter f, ScopeSql.Clause scope, String order, long offset, int limit) {
        Where w = where(f, scope);
        return jdbc.sql("select " + COLUMNS + w.sql() + " order by " + order + " limit :limit offset :offset")
            .params(w.params())
            .param("limit", limit)
            .param("offset", offset)
            .query((rs, n) -> claim(rs))
            .list();
    }

    public long count(ClaimFilter f, ScopeSql.Clause scope) {
        Where w = where(f, scope);
        return jdbc.sql("select count(*) from subsidy_claim c" + w.sql()).params(w.params()).query(Long.class).single();
    }

    /** A line as stored, without the person's particulars. */
    public record LineRow(long id, long enrolmentId, long personId, String tier, long standardFen, String groupCode,
            int adjustPercent, String capKind, long capCutFen, long amountFen, boolean recovered, String groupBasis,
            String groupChannel, String groupRecordedBy, Long groupMembershipId) {

        /** What the line's group adjustment rested on, or null. */
        public GroupEvidence groupEvidence() {
            return groupBasis == null ? null : new GroupEvidence(GroupBasis.valueOf(groupBasis),
                    MembershipChannel.valueOf(groupChannel), groupRecordedBy, groupMembershipId);
        }

    }

    public List<LineRow> lines(long claimId) {
        return jdbc.sql("""
                select l.id, l.enrolment_id, l.person_id, l.tier, l.standard_fen, l.group_code, l.adjust_percent,
                  l.cap_kind, l.cap_cut_fen, l.amount_fen,
                  exists (select 1 from recovery_order_line r where r.claim_line_id = l.id) as recovered,
                  l.group_basis, l.group_channel, l.group_recorded_by, l.group_membership_id
                from subsidy_claim_line l where l.claim_id = :c order by l.id""")
            .param("c", claimId)
            .query(LineRow.class)
            .list();
    }

    /**
     * The claims given with their class and their current lines' enrolments, as
     * supervision is asked about them (unscoped: the callers have read the claims).
     */
    public List<ClaimSupervision.Subject> subjects(Collection<Long> claimIds) {
        if (claimIds.isEmpty()) {
            return List.of();
        }
        Map<Long, Long> classes = new java.util.LinkedHashMap<>();
        Map<Long, List<Long>> enrolments = new java.util.HashMap<>();
        jdbc.sql("""
                select c.id, c.class_id, l.enrolment_id from subsidy_claim c
                left join subsidy_claim_line l on l.claim_id = c.id
                where c.id in (:ids) order by c.id, l.enrolment_id""").param("ids", claimIds).query(rs -> {
            long id = rs.getLong(1);
            classes.put(id, rs.getLong(2));
            long e = rs.getLong(3);
            if (!rs.wasNull()) {
                enrolments.computeIfAbsent(id, k -> new java.util.ArrayList<>()).add(e);
            }
        });
        return classes.entrySet()
            .stream()
            .map(e -> new ClaimSupervision.Subject(e.getKey(), e.getValue(),
                    enrolments.getOrDefault(e.getKey(), List.of())))
            .toList();
    }

    public record ExclusionRow(long enrolmentId, long personId, String reasonKey, String reasonArg) {
    }

    public List<ExclusionRow> exclusions(long claimId) {
        return jdbc.sql("""
                select enrolment_id, person_id, reason_key, reason_arg from subsidy_claim_exclusion
                where claim_id = :c order by enrolment_id""").param("c", claimId).query(ExclusionRow.class).list();
    }

    /** Maps a row of {@link #COLUMNS} by column name. */
    static Claim claim(ResultSet rs) throws SQLException {
        return new Claim(rs.getLong("id"), rs.getString("claim_no"), rs.getLong("class_id"), rs.getString("class_no"),
                rs.getLong("provider_id"), rs.getString("provider_name"), rs.getString("region_code"),
                rs.getString("line_code"), rs.getString("occupation_code"), rs.getString("level_code"),
                rs.getInt("training_year"), rs.getString("fund_source_code"), rs.getLong("rule_set_id"),
                rs.getInt("rule_version"), rs.getObject("budget_id", Long.class), rs.getInt("trainees"),
                Money.ofFen(rs.getLong("amount_fen")), rs.getBoolean("province_review"),
                ClaimStatus.valueOf(rs.getString("status")), rs.getObject("review_due_on", LocalDate.class),
                rs.getString("payee_name"), rs.getString("payee_account"), rs.getString("payee_bank"),
                rs.getString("submitted_by"), rs.getTimestamp("submitted_at").toInstant(),
                rs.getTimestamp("status_since").toInstant(), rs.getInt("version"),
                AdjustmentShare.of(rs.getInt("adjusted_lines"), rs.getInt("declared_lines"),
                        rs.getLong("adjustment_fen"), rs.getLong("declared_fen")),
                ClaimKind.valueOf(rs.getString("kind")));
    }

}
