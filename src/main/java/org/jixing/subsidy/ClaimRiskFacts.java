package org.jixing.subsidy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Unscoped reads of claims and payee accounts for the supervision engine (its rules run
 * as the province's reader, like {@code ScopeSql.UNSCOPED} reads): claims filed in a
 * period with what their rules look at, payee accounts entered by more than one provider,
 * the providers' open claims and claims filed per provider and day. Not for pages: they
 * read through {@link Claims}, in the reader's scope.
 */
@Service
public class ClaimRiskFacts {

    /** The statuses of a claim still to be approved or paid (what a lock can hold). */
    public static final List<String> OPEN_STATUSES = List.of("SUBMITTED", "PROVINCE_REVIEW", "RETURNED", "APPROVED");

    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;

    ClaimRiskFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A claim as filed, with what the supervision rules read: its payee (as copied on
     * filing) and the provider's name (as the registry had it when the class opened), its
     * lines, the share of its trainee-group adjustments and of those resting only on the
     * provider's declaration, and the rule set's highest adjustment with the lines at it.
     */
    public record FiledClaim(long id, String claimNo, long classId, String classNo, long providerId,
            String providerName, String regionCode, String lineCode, String status, int lines, long amountFen,
            String payeeName, String payeeAccount, Instant submittedAt, int adjustedLines, int declaredLines,
            long adjustmentFen, long declaredFen, int highestPercent, int linesAtHighest) {
    }

    /**
     * Claims not rejected: those given by id when {@code claimIds} is not empty (whenever
     * filed), else those filed from {@code from} (inclusive) to {@code to} (exclusive),
     * of the providers given when {@code providerIds} is not empty.
     */
    @Transactional(readOnly = true)
    public List<FiledClaim> filed(Instant from, Instant to, Set<Long> claimIds, Set<Long> providerIds) {
        String select = """
                select c.id, c.claim_no, c.class_id, c.class_no, c.provider_id, c.provider_name, c.region_code,
                  c.line_code, c.status, c.amount_fen, c.payee_name, c.payee_account, c.submitted_at,
                  c.adjusted_lines, c.declared_lines, c.adjustment_fen, c.declared_fen,
                  (select count(*) from subsidy_claim_line l where l.claim_id = c.id) line_count,
                  coalesce((select max(a.adjust_percent) from subsidy_group_adjustment a
                    where a.rule_set_id = c.rule_set_id), 0) highest,
                  (select count(*) from subsidy_claim_line l where l.claim_id = c.id and l.adjust_percent > 0
                    and l.adjust_percent = (select max(a.adjust_percent) from subsidy_group_adjustment a
                      where a.rule_set_id = c.rule_set_id)) at_highest
                from subsidy_claim c where c.status <> 'REJECTED'""";
        List<FiledClaim> out = new ArrayList<>();
        if (!claimIds.isEmpty()) {
            for (List<Long> chunk : chunks(claimIds)) {
                out.addAll(jdbc.sql(select + " and c.id in (:ids) order by c.id")
                    .param("ids", chunk)
                    .query(ClaimRiskFacts::claim)
                    .list());
            }
            return out;
        }
        String period = select + " and c.submitted_at >= :from and c.submitted_at < :to";
        if (providerIds.isEmpty()) {
            return jdbc.sql(period + " order by c.id")
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(ClaimRiskFacts::claim)
                .list();
        }
        for (List<Long> chunk : chunks(providerIds)) {
            out.addAll(jdbc.sql(period + " and c.provider_id in (:p) order by c.id")
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("p", chunk)
                .query(ClaimRiskFacts::claim)
                .list());
        }
        return out;
    }

    private static FiledClaim claim(ResultSet rs, int n) throws SQLException {
        return new FiledClaim(rs.getLong("id"), rs.getString("claim_no"), rs.getLong("class_id"),
                rs.getString("class_no"), rs.getLong("provider_id"), rs.getString("provider_name"),
                rs.getString("region_code"), rs.getString("line_code"), rs.getString("status"), rs.getInt("line_count"),
                rs.getLong("amount_fen"), rs.getString("payee_name"), rs.getString("payee_account"),
                rs.getTimestamp("submitted_at").toInstant(), rs.getInt("adjusted_lines"), rs.getInt("declared_lines"),
                rs.getLong("adjustment_fen"), rs.getLong("declared_fen"), rs.getInt("highest"),
                rs.getInt("at_highest"));
    }

    /** A provider's payee account as its staff entered it. */
    public record PayeeEntry(long providerId, String accountName, String accountNo, String bankName,
            Instant updatedAt) {
    }

    /**
     * Payee accounts entered by more than one provider, each with its entries (by
     * provider id); only the accounts one of {@code providerIds} entered when that is not
     * empty.
     */
    @Transactional(readOnly = true)
    public Map<String, List<PayeeEntry>> sharedAccounts(Set<Long> providerIds) {
        String sql = """
                select p.provider_id, p.account_name, p.account_no, p.bank_name, p.updated_at from provider_payee p
                where p.account_no in (select s.account_no from provider_payee s group by s.account_no
                  having count(*) > 1)""";
        List<PayeeEntry> rows = new ArrayList<>();
        if (providerIds.isEmpty()) {
            rows.addAll(jdbc.sql(sql + " order by p.account_no, p.provider_id").query(ClaimRiskFacts::payee).list());
        }
        else {
            for (List<Long> chunk : chunks(providerIds)) {
                rows.addAll(jdbc.sql(sql + """
                         and p.account_no in (select o.account_no from provider_payee o where o.provider_id in (:p))
                        order by p.account_no, p.provider_id""").param("p", chunk).query(ClaimRiskFacts::payee).list());
            }
        }
        Map<String, List<PayeeEntry>> out = new LinkedHashMap<>();
        for (PayeeEntry e : rows) {
            List<PayeeEntry> list = out.computeIfAbsent(e.accountNo(), k -> new ArrayList<>());
            if (list.stream().noneMatch(x -> x.providerId() == e.providerId())) {
                list.add(e);
            }
        }
        return out;
    }

    private static PayeeEntry payee(ResultSet rs, int n) throws SQLException {
        return new PayeeEntry(rs.getLong("provider_id"), rs.getString("account_name"), rs.getString("account_no"),
                rs.getString("bank_name"), rs.getTimestamp("updated_at").toInstant());
    }

    /** A claim still to be approved or paid: its id, number and provider. */
    public record OpenClaim(long id, String claimNo, long providerId) {
    }

    /** The open claims of these providers (see {@link #OPEN_STATUSES}), by id. */
    @Transactional(readOnly = true)
    public List<OpenClaim> openClaims(Collection<Long> providerIds) {
        List<OpenClaim> out = new ArrayList<>();
        for (List<Long> chunk : chunks(providerIds)) {
            out.addAll(jdbc
                .sql("select id, claim_no, provider_id from subsidy_claim where provider_id in (:p) "
                        + "and status in (:s) order by id")
                .param("p", chunk)
                .param("s", OPEN_STATUSES)
                .query((rs, n) -> new OpenClaim(rs.getLong(1), rs.getString(2), rs.getLong(3)))
                .list());
        }
        return out;
    }

    /** Claims a provider filed on one day (China time), with its name and city. */
    public record DailyClaims(long providerId, String providerName, String regionCode, java.time.LocalDate day,
            int claims) {
    }

    /**
     * Claims filed (rejected ones too) per provider and day (China time) in from
     * {@code from} (inclusive) to {@code to} (exclusive); of the providers given when not
     * empty.
     */
    @Transactional(readOnly = true)
    public List<DailyClaims> perDay(Instant from, Instant to, Set<Long> providerIds) {
        List<Object[]> raw = new ArrayList<>();
        String sql = "select provider_id, provider_name, region_code, submitted_at from subsidy_claim "
                + "where submitted_at >= :from and submitted_at < :to";
        if (providerIds.isEmpty()) {
            raw.addAll(jdbc.sql(sql)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs,
                        n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3),
                                rs.getTimestamp(4).toInstant() })
                .list());
        }
        else {
            for (List<Long> chunk : chunks(providerIds)) {
                raw.addAll(jdbc.sql(sql + " and provider_id in (:p)")
                    .param("from", Timestamp.from(from))
                    .param("to", Timestamp.from(to))
                    .param("p", chunk)
                    .query((rs,
                            n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3),
                                    rs.getTimestamp(4).toInstant() })
                    .list());
            }
        }
        Map<String, DailyClaims> byKey = new LinkedHashMap<>();
        java.time.ZoneId china = java.time.ZoneId.of("Asia/Shanghai");
        for (Object[] r : raw) {
            java.time.LocalDate day = java.time.LocalDate.ofInstant((Instant) r[3], china);
            long provider = (Long) r[0];
            byKey.merge(provider + "|" + day, new DailyClaims(provider, (String) r[1], (String) r[2], day, 1), (a,
                    b) -> new DailyClaims(a.providerId(), a.providerName(), a.regionCode(), a.day(), a.claims() + 1));
        }
        return List.copyOf(byKey.values());
    }

    private static List<List<Long>> chunks(Collection<Long> ids) {
        List<Long> all = new ArrayList<>(ids);
        List<List<Long>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            out.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return out;
    }

}
