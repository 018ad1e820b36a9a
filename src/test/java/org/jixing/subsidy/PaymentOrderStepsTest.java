package org.jixing.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.jixing.shared.InvalidInputException;
import org.jixing.shared.Money;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.DataScope;
import org.jixing.shared.scope.Role;
import org.jixing.subsidy.PaymentOrder.Status;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

/**
 * The guarded transitions of a payment order ({@link PaymentOrder#step}): the bank file
 * first, then the bank's results, by the officers of the policy.
 */
class PaymentOrderStepsTest {

    static final CurrentUser OFFICER = new CurrentUser(2, "jinan", "jinan", Role.CITY_OFFICER,
            DataScope.region("370100"));

    static final CurrentUser AUDITOR = new CurrentUser(5, "audit", "audit", Role.AUDITOR, DataScope.province("370000"));

    static PaymentOrder order(Status status) {
        return new PaymentOrder(1, "ZF370100-1", "CENTRAL", "370100", status, 2, Money.ofYuan("2000"), "jinan",
                Instant.EPOCH, null, null, 0);
    }

    static PaymentStep.Allowed allowed(PaymentStep step) {
        assertThat(step).isInstanceOf(PaymentStep.Allowed.class);
        return (PaymentStep.Allowed) step;
    }

    static PaymentStep.Refused refused(PaymentStep step) {
        assertThat(step).isInstanceOf(PaymentStep.Refused.class);
        return (PaymentStep.Refused) step;
    }

    @Nested
    class AnOfficerWithAnOpenOrder {

        @Test
        void exports_it_by_downloading_the_bank_file() {
            assertThat(allowed(order(Status.OPEN).step(PaymentAction.EXPORT, OFFICER)).to()).isEqualTo(Status.EXPORTED);
        }

        @Test
        void may_not_import_results_before_the_file_went_to_the_bank() {
            PaymentStep.Refused r = refused(order(Status.OPEN).step(PaymentAction.IMPORT_RESULTS, OFFICER));
            assertThat(r.problem().messageKey()).isEqualTo("subsidy.payment.error.notExported");
            assertThatThrownBy(r::orThrow).isInstanceOf(InvalidInputException.class);
        }

        @Test
        void is_offered_the_file_and_the_results_form() {
            assertThat(order(Status.OPEN).waitsOnBankFor(OFFICER)).isTrue();
        }

    }

    @Nested
    class AnOfficerWithAnExportedOrder {

        @Test
        void downloads_the_file_again_without_moving_it() {
            assertThat(allowed(order(Status.EXPORTED).step(PaymentAction.EXPORT, OFFICER)).to())
                .isEqualTo(Status.EXPORTED);
        }

        @Test
        void imports_the_banks_results() {
            assertThat(order(Status.EXPORTED).step(PaymentAction.IMPORT_RESULTS, OFFICER).allowed()).isTrue();
            assertThat(order(Status.EXPORTED).waitsOnBankFor(OFFICER)).isTrue();
        }

    }

    @Nested
    class ASettledOrder {

        @Test
        void takes_no_more_results() {
            assertThat(
                    refused(order(Status.SETTLED).step(PaymentAction.IMPORT_RESULTS, OFFICER)).problem().messageKey())
                .isEqualTo("subsidy.payment.error.settled");
        }

        @Test
        void still_gives_its_bank_file_of_what_is_pending_which_is_nothing() {
            assertThat(allowed(order(Status.SETTLED).step(PaymentAction.EXPORT, OFFICER)).to())
                .isEqualTo(Status.SETTLED);
        }

        @Test
        void is_no_longer_offered_to_act_on() {
            assertThat(order(Status.SETTLED).waitsOnBankFor(OFFICER)).isFalse();
        }

    }

    @Nested
    class SomeoneOutsideThePolicy {

        @Test
        void may_neither_export_nor_import() {
            for (PaymentAction a : PaymentAction.values()) {
                PaymentStep.Refused r = refused(order(Status.EXPORTED).step(a, AUDITOR));
                assertThat(r.notPermitted()).isTrue();
                assertThatThrownBy(r::orThrow).isInstanceOf(AccessDeniedException.class);
            }
            assertThat(order(Status.OPEN).waitsOnBankFor(AUDITOR)).isFalse();
        }

    }

}
