package org.jixing.subsidy.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.jixing.subsidy.Payee;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the accounts providers are paid into. */
@Repository
public class PayeeStore {

    private final JdbcClient jdbc;

    PayeeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Payee> payee(long providerId) {
        return jdbc
            .sql("select provider_id, account_name, account_no, bank_name from provider_payee "
                    + "where provider_id = :p")
            .param("p", providerId)
            .query(Payee.class)
            .optional();
    }

    public void savePayee(Payee p, String by, Instant at) {
        int n = jdbc.sql("""
                update provider_payee set account_name = :n, account_no = :a, bank_name = :b, updated_by = :by,
                  updated_at = :at where provider_id = :p""")
            .param("n", p.accountName())
            .param("a", p.accountNo())
            .param("b", p.bankName())
            .param("by", by)
            .param("at", Timestamp.from(at))
            .param("p", p.providerId())
            .update();
        if (n == 0) {
            jdbc.sql("""
                    insert into provider_payee (provider_id, account_name, account_no, bank_name, updated_by,
                      updated_at) values (:p, :n, :a, :b, :by, :at)""")
                .param("n", p.accountName())
                .param("a", p.accountNo())
                .param("b", p.bankName())
                .param("by", by)
                .param("at", Timestamp.from(at))
                .param("p", p.providerId())
                .update();
        }
    }

}
