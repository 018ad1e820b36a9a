package org.jixing.subsidy;

import org.jixing.shared.Money;
import org.jixing.shared.scope.ScopeSql;
import org.jixing.statistics.AnnualFigureContribution;
import org.jixing.subsidy.internal.ClaimStore;
import org.jixing.subsidy.internal.RecoveryStore;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The money of a year's classes in the caller's scope, for the annual figures: claims
 * filed, what stands claimed, approved and paid, and what was found improper and
 * recovered.
 */
@Service
@Order(100)
public class SubsidyFigures implements AnnualFigureContribution<SubsidyFigures.Figures> {

    private final JdbcClient jdbc;

    SubsidyFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param claims claims filed for the year's classes (rejected ones too)
     * @param claimed what the claims not rejected ask for
     * @param approved what was approved (paid or not)
     * @param paid what the bank paid
     * @param recovered what was found improper and ordered back
     * @param repaid what of that was paid back
     */
    public record Figures(long claims, Money claimed, Money approved, Money paid, Money recovered, Money repaid) {
    }

    @Override
    public String name() {
        return "money";
    }

    @Override
    public String template() {
        return "subsidy/annual-money";
    }

    @Override
    @Transactional(readOnly = true)
    public Figures of(int year) {
        ScopeSql.Clause claimScope = ScopeSql.forCurrentUser(ClaimStore.SCOPE);
        ScopeSql.Clause recoveryScope = ScopeSql.forCurrentUser(RecoveryStore.SCOPE);
        long[] c = jdbc.sql("""
                select count(*),
                  coalesce(sum(case when c.status <> 'REJECTED' then c.amount_fen else 0 end), 0),
                  coalesce(sum(case when c.status in ('APPROVED','IN_PAYMENT','PAID') then c.amount_fen else 0 end), 0),
                  coalesce(sum(case when c.status = 'PAID' then c.amount_fen else 0 end), 0)
                from subsidy_claim c where c.training_year = :y and """ + " " + claimScope.sql())
            .param("y", year)
            .params(claimScope.params())
            .query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4) })
            .single();
        long[] r = jdbc.sql("""
                select coalesce(sum(r.amount_fen), 0), coalesce(sum(r.repaid_fen), 0)
                from recovery_order r join subsidy_claim c on c.id = r.claim_id
                where c.training_year = :y and """ + " " + recoveryScope.sql())
            .param("y", year)
            .params(recoveryScope.params())
            .query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
            .single();
        return new Figures(c[0], Money.ofFen(c[1]), Money.ofFen(c[2]), Money.ofFen(c[3]), Money.ofFen(r[0]),
                Money.ofFen(r[1]));
    }

}
