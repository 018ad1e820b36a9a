package org.jixing.shared.db;

import org.jixing.subsidy.ClaimFiling;

import static org.jixing.RunningAs.asStaff;
import org.jixing.IntegrationTest;
import org.jixing.subsidy.PaymentFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.jixing.subsidy.Claim;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database refuses impossible money and records written straight in SQL, as the
 * application's own role, whatever the services would have done (issue 16, item 7). Each
 * rule is tried on both databases where H2 can keep it; the tests that run on PostgreSQL
 * only say why (docs/integrity.md lists what H2 does not enforce).
 */
class DatabaseIntegrityIT extends IntegrationTest implements PaymentFixtures {

    @Autowired
    ClaimFiling claimFiling;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    DataSource dataSource;

    boolean postgres() throws Exception {
        try (var c = dataSource.getConnection()) {
            return c.getMetaData().getURL().startsWith("jdbc:postgresql:");
        }
    }

    /** The write is refused by the rule (at once, or at the commit on PostgreSQL). */
    void refused(String rule, Runnable write) {
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> write.run()))
            .isInstanceOf(DataIntegrityViolationException.class)
            .hasMessageContaining(rule);
    }

    long amount(String table, long id) {
        return jdbc.sql("select amount_fen from " + table + " where id = :id")
            .param("id", id)
            .query(Long.class)
            .single();
    }

    long firstLine(long claimId) {
        return jdbc.sql("select min(id) from subsidy_claim_line where claim_id = :c")
            .param("c", claimId)
            .query(Long.class)
            .single();
    }

    @Test
    void thePaidAmountOfAClaimOrOfItsLinesCannotBeChanged() throws Exception {
        Claim paid = paidClaim();
        long line = firstLine(paid.id());
        long claimAmount = amount("subsidy_claim", paid.id());
        long lineAmount = amount("subsidy_claim_line", line);

        refused("subsidy_claim_frozen",
                () -> jdbc.sql("update subsidy_claim set amount_fen = amount_fen + 100000 " + "where id = :id")
                    .param("id", paid.id())
                    .update());
        refused("subsidy_claim_line_frozen",
                () -> jdbc.sql("update subsidy_claim_line set amount_fen = amount_fen + 100000 where id = :id")
                    .param("id", line)
                    .update());
        refused("subsidy_claim_frozen",
                () -> jdbc.sql("delete from subsidy_claim_line where id = :id").param("id", line).update());
        // A line that stopped standing could be claimed again.
        refused("subsidy_claim_frozen",
                () -> jdbc.sql("update subsidy_claim_line set live = null where id = :id").param("id", line).update());
        refused("subsidy_claim_frozen",
                () -> jdbc.sql("update subsidy_claim set status = 'SUBMITTED' where id = :id")
                    .param("id", paid.id())
                    .update());

        assertThat(amount("subsidy_claim", paid.id())).isEqualTo(claimAmount);
        assertThat(amount("subsidy_claim_line", line)).isEqualTo(lineAmount);
    }

    @Test
    void anApprovedClaimTakesNoNewLine() throws Exception {
        Claim approved = approvedClaim();
        long line = firstLine(approved.id());
        refused("subsidy_claim_frozen", () -> jdbc.sql("""
                insert into subsidy_claim_line (claim_id, enrolment_id, person_id, training_year, tier, standard_fen,
                  group_code, adjust_percent, cap_kind, cap_cut_fen, amount_fen, live)
                select claim_id, enrolment_id, person_id, training_year, tier, standard_fen, group_code, adjust_percent,
                  cap_kind, cap_cut_fen, amount_fen, null from subsidy_claim_line where id = :id""")
            .param("id", line)
            .update());
    }

    @Test
    void aClaimIsNotApprovedWithATotalOtherThanTheSumOfItsLines() throws Exception {
        Claim filed = filedClaim();
        // On H2 the total is compared with the lines when the claim is approved; on
        // PostgreSQL at every commit.
        refused("subsidy_claim_total",
                () -> jdbc.sql("""
                        update subsidy_claim set status = 'APPROVED', amount_fen = amount_fen + 1 where id = :id""")
                    .param("id", filed.id())
                    .update());
        assertThat(jdbc.sql("select status from subsidy_claim where id = :id")
            .param("id", filed.id())
            .query(String.class)
            .single()).isEqualTo("SUBMITTED");
    }

    @Test
    void onPostgresqlAFiledClaimsTotalAndLinesAgreeAtEveryCommit() throws Exception {
        Assumptions.assumeTrue(postgres(),
                "H2 cannot defer a check to the commit: a claim and its lines are written one after the other, "
                        + "so H2 compares them when the claim is approved (the test above)");
        Claim filed = filedClaim();
        long line = firstLine(filed.id());
        refused("subsidy_claim_total",
                () -> jdbc.sql("update subsidy_claim set amount_fen = amount_fen + 1 where id = :id")
                    .param("id", filed.id())
                    .update());
        refused("subsidy_claim_total",
                () -> jdbc.sql("delete from subsidy_claim_line where id = :id").param("id", line).update());
        // Both changed in one transaction, the way a claim is filed again, pass the check
        // (made at once here, then rolled back).
        tx.executeWithoutResult(s -> {
            jdbc.sql("update subsidy_claim set amount_fen = amount_fen - :a where id = :id")
                .param("a", amount("subsidy_claim_line", line))
                .param("id", filed.id())
                .update();
            jdbc.sql("delete from subsidy_claim_line where id = :id").param("id", line).update();
            jdbc.sql("set constraints all immediate").update();
            s.setRollbackOnly();
        });
    }

    Claim filedClaim() throws Exception {
        rulesInForce();
        PastFixture f = completedClass("CLEANER", "JUNIOR", "L06-1", twoTrainees());
        return asStaff(f.provider().id(), () -> claimFiling.file(f.classId()));
    }

    @Test
    void aClaimIsNotPaidWithoutAPaidPaymentLineAndAPaidLineStaysPaid() throws Exception {
        Claim approved = approvedClaim();
        refused("subsidy_claim_paid",
                () -> jdbc.sql("update subsidy_claim set status = 'PAID' where id = :id")
                    .param("id", approved.id())
                    .update());

        Claim paid = paidClaim();
        refused("payment_line_paid",
                () -> jdbc.sql("update payment_line set status = 'FAILED', live = null where claim_id = :c")
                    .param("c", paid.id())
                    .update());
        refused("payment_line_paid",
                () -> jdbc.sql("delete from payment_line where claim_id = :c").param("c", paid.id()).update());
    }

    @Test
    void aCompletedEnrolmentHasItsCompletionDate() throws Exception {
        PastFixture f = completedClass("CLEANER", "JUNIOR", "L06-1", twoTrainees());
        long completed = jdbc.sql("select min(id) from enrolment where class_id = :c and status = 'COMPLETED'")
            .param("c", f.classId())
            .query(Long.class)
            .single();
        refused("enrolment_completed_on_ck",
                () -> jdbc.sql("update enrolment set completed_on = null where id = :id")
                    .param("id", completed)
                    .update());
        refused("enrolment_completed_on_ck", () -> jdbc.sql("""
                update enrolment set status = 'COMPLETED', completed_on = null
                where id = (select min(id) from enrolment where status = 'ENROLLED')""").update());
    }

    long selfFundedEnrolment() throws Exception {
        // No trainee group: line 6's group rule refuses the subsidy, so the trainee
        // trains
        // self-funded.
        PastFixture f = completedClass("CLEANER", "JUNIOR", "L06-1", List.of(new Trainee(null, true)));
        Map<String, Object> row = jdbc.sql("select id, subsidised from enrolment where class_id = :c")
            .param("c", f.classId())
            .query()
            .singleRow();
        assertThat(row.get("subsidised")).isEqualTo(false);
        return ((Number) row.get("id")).longValue();
    }

    @Test
    void aSelfFundedEnrolmentIsNotFlippedToSubsidisedWithoutItsSlotAndQualification() throws Exception {
        long enrolment = selfFundedEnrolment();
        refused("enrolment_subsidy_held",
                () -> jdbc.sql("update enrolment set subsidised = true where id = :id")
                    .param("id", enrolment)
                    .update());
    }

    @Test
    void theSubsidySlotOfASubsidisedEnrolmentStaysWithIt() throws Exception {
        PastFixture f = completedClass("CLEANER", "JUNIOR", "L06-1", twoTrainees());
        long enrolment = jdbc.sql("select min(id) from enrolment where class_id = :c and subsidised")
            .param("c", f.classId())
            .query(Long.class)
            .single();
        refused("enrolment_subsidy_held",
                () -> jdbc.sql("delete from subsidy_slot where enrolment_id = :e").param("e", enrolment).update());
        refused("enrolment_subsidy_held",
                () -> jdbc.sql("delete from subsidised_qualification where enrolment_id = :e")
                    .param("e", enrolment)
                    .update());
    }

    @Test
    void onPostgresqlANewSubsidisedEnrolmentWithoutItsSlotIsRefused() throws Exception {
        Assumptions.assumeTrue(postgres(), "H2 cannot defer a check to the commit, and an enrolment is written "
                + "before the slot and qualification that name it: H2 checks a row that becomes subsidised later");
        long enrolment = selfFundedEnrolment();
        refused("enrolment_subsidy_held", () -> jdbc.sql("""
                insert into enrolment (class_id, person_id, provider_id, region_code, line_code, subsidised, status,
                  token, enrolled_by, enrolled_at, version)
                select c.id, e.person_id, c.provider_id, c.region_code, c.line_code, true, 'ENROLLED', 'tok-integrity',
                  'test', e.enrolled_at, 0
                from enrolment e join training_class c on c.id <> e.class_id and c.status = 'APPROVED'
                where e.id = :e fetch first 1 rows only""").param("e", enrolment).update());
    }

    long someTransaction() {
        rulesInForce();
        fund(rulesInForce(), "L06", "100");
        return jdbc.sql("select max(id) from ledger_transaction").query(Long.class).single();
    }

    @Test
    void aLedgerTransactionsPostingsNeitherChangeNorGoOffBalance() {
        long transaction = someTransaction();
        refused("ledger_append_only",
                () -> jdbc.sql("update ledger_posting set amount_fen = amount_fen * 2 where transaction_id = :t")
                    .param("t", transaction)
                    .update());
        refused("ledger_append_only",
                () -> jdbc.sql("delete from ledger_posting where transaction_id = :t")
                    .param("t", transaction)
                    .update());
        refused("ledger_append_only",
                () -> jdbc.sql("update ledger_transaction set amount_fen = 1 where id = :t")
                    .param("t", transaction)
                    .update());
        refused("ledger_transaction_balanced", () -> jdbc.sql("""
                insert into ledger_posting (transaction_id, account_id, amount_fen)
                select transaction_id, account_id, amount_fen from ledger_posting
                where transaction_id = :t and amount_fen > 0""").param("t", transaction).update());
        assertThat(jdbc.sql("select sum(amount_fen) from ledger_posting where transaction_id = :t")
            .param("t", transaction)
            .query(Long.class)
            .single()).isZero();
    }

    @Test
    void onPostgresqlALedgerTransactionWithOneSidedPostingsIsRefused() throws Exception {
        Assumptions.assumeTrue(postgres(), "H2 cannot defer a check to the commit, and a transaction's postings are "
                + "written one by one: H2 keeps them from exceeding its amount, not from falling short of it");
        long transaction = someTransaction();
        refused("ledger_transaction_balanced", () -> {
            long id = jdbc.sql("""
                    insert into ledger_transaction (kind, budget_id, amount_fen, memo, created_by, created_at)
                    select kind, budget_id, 500, 'forged', 'test', created_at from ledger_transaction where id = :t
                    returning id""").param("t", transaction).query(Long.class).single();
            jdbc.sql("""
                    insert into ledger_posting (transaction_id, account_id, amount_fen)
                    select :id, account_id, 500 from ledger_posting where transaction_id = :t and amount_fen > 0""")
                .param("id", id)
                .param("t", transaction)
                .update();
        });
    }

    @Test
    void aProgressRollupIsNeverNegative() {
        refused("progress_rollup_completions_ck", () -> jdbc.sql("""
                insert into progress_rollup (training_year, completed_on, line_code, sub_target_code, region_code,
                  provider_id, occupation_code, subsidised, completions)
                values (1999, date '1999-01-04', 'L06', 'L06-1', '370100', 1, 'CLEANER', true, -1)""").update());
        refused("progress_month_completions_ck", () -> jdbc.sql("""
                insert into progress_month (training_year, training_month, line_code, sub_target_code, region_code,
                  subsidised, completions) values (1999, 1, 'L06', 'L06-1', '370100', true, -5)""").update());
        refused("progress_unique_persons_ck", () -> jdbc.sql("""
                insert into progress_unique (training_year, dimension, line_code, region_code, persons)
                values (1999, 'ALL', '', '370000', -1)""").update());
    }

    @Test
    void aClassCapacityIsNeverBelowItsRoster() throws Exception {
        PastFixture f = completedClass("CLEANER", "JUNIOR", "L06-1", twoTrainees());
        refused("training_class_capacity",
                () -> jdbc.sql("update training_class set capacity = 1 where id = :c")
                    .param("c", f.classId())
                    .update());
        // Down to the roster is allowed.
        tx.executeWithoutResult(s -> {
            assertThat(
                    jdbc.sql("update training_class set capacity = 2 where id = :c").param("c", f.classId()).update())
                .isOne();
            s.setRollbackOnly();
        });
    }

    @Test
    void onPostgresqlAnEnrolmentBeyondTheCapacityIsRefused() throws Exception {
        Assumptions.assumeTrue(postgres(), "on H2 counting the roster for every new row would make a 100,000-row "
                + "import quadratic; H2 checks a lowered capacity and a returning trainee (the test above)");
        PastFixture f = completedClass("CLEANER", "JUNIOR", "L06-1", twoTrainees());
        jdbc.sql("update training_class set capacity = 2 where id = :c").param("c", f.classId()).update();
        long stranger = jdbc
            .sql("select min(id) from person where id not in (select person_id from enrolment where class_id = :c)")
            .param("c", f.classId())
            .query(Long.class)
            .single();
        refused("training_class_capacity", () -> jdbc.sql("""
                insert into enrolment (class_id, person_id, provider_id, region_code, line_code, subsidised, status,
                  token, enrolled_by, enrolled_at, version)
                select c.id, :p, c.provider_id, c.region_code, c.line_code, false, 'ENROLLED', 'tok-capacity', 'test',
                  c.created_at, 0 from training_class c where c.id = :c""")
            .param("p", stranger)
            .param("c", f.classId())
            .update());
    }

    @Test
    void anEnrolmentClaimOrCertificateNamesOnlyPeopleProvidersAndClassesThatExist() throws Exception {
        long missing = Long.MAX_VALUE - 7;
        long enrolment = selfFundedEnrolment();
        refused("enrolment_person_id_fk",
                () -> jdbc.sql("update enrolment set person_id = :m where id = :id")
                    .param("m", missing)
                    .param("id", enrolment)
                    .update());
        refused("enrolment_provider_id_fk",
                () -> jdbc.sql("update enrolment set provider_id = :m where id = :id")
                    .param("m", missing)
                    .param("id", enrolment)
                    .update());
        refused("training_class_provider_id_fk",
                () -> jdbc
                    .sql("update training_class set provider_id = :m where id = (select min(id) from training_class)")
                    .param("m", missing)
                    .update());
        Claim filed = filedClaim();
        refused("subsidy_claim_class_id_fk",
                () -> jdbc.sql("update subsidy_claim set class_id = :m where id = :id")
                    .param("m", missing)
                    .param("id", filed.id())
                    .update());
        refused("subsidy_claim_line_enrolment_id_fk", () -> jdbc.sql("""
                insert into subsidy_claim_line (claim_id, enrolment_id, person_id, training_year, tier, standard_fen,
                  group_code, adjust_percent, cap_kind, cap_cut_fen, amount_fen, live)
                select claim_id, :m, person_id, training_year, tier, standard_fen, group_code, adjust_percent,
                  cap_kind, cap_cut_fen, 0, null from subsidy_claim_line where id = :id""")
            .param("m", missing)
            .param("id", firstLine(filed.id()))
            .update());
        long certificate = jdbc.sql("select min(id) from certificate").query(Long.class).single();
        refused("certificate_person_id_fk",
                () -> jdbc.sql("update certificate set person_id = :m where id = :id")
                    .param("m", missing)
                    .param("id", certificate)
                    .update());
    }

}
