package org.jixing.subsidy;

/**
 * The five accounts of a budget. Each keeps its balance on its normal side, never below
 * zero: ALLOCATED (credit side) equals the sum of the other four (debit side) at all
 * times.
 */
public enum LedgerAccount {

    /** What the budget was given. */
    ALLOCATED(false),
    /** Not yet promised to any claim. */
    AVAILABLE(true),
    /** Promised to approved claims not yet paid. */
    COMMITTED(true),
    /** Paid out to providers (less what was found improper). */
    PAID(true),
    /** Found improper and owed back by providers. */
    RECEIVABLE(true);

    private final boolean debitNormal;

    LedgerAccount(boolean debitNormal) {
        this.debitNormal = debitNormal;
    }

    /**
     * How a posting (debit positive, credit negative) changes the balance kept on the
     * normal side.
     */
    public long balanceChange(long posting) {
        return debitNormal ? posting : -posting;
    }

}
