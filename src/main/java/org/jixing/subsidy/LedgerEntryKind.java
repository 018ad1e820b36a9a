package org.jixing.subsidy;

/**
 * The movements of money, each a balanced transaction of two postings (debit, credit):
 * <ul>
 * <li>ALLOCATION: AVAILABLE / ALLOCATED, money given to a budget;</li>
 * <li>REDUCTION: ALLOCATED / AVAILABLE, money taken back from a budget's unused
 * part;</li>
 * <li>COMMITMENT: COMMITTED / AVAILABLE, a claim approved;</li>
 * <li>PAYMENT: PAID / COMMITTED, the bank paid a claim;</li>
 * <li>RECOVERY: RECEIVABLE / PAID, paid money found improper;</li>
 * <li>REPAYMENT: AVAILABLE / RECEIVABLE, the provider paid it back and it may be used
 * again;</li>
 * <li>REVERSAL: the opposite of an earlier transaction, which it names.</li>
 * </ul>
 */
public enum LedgerEntryKind {

    ALLOCATION(LedgerAccount.AVAILABLE, LedgerAccount.ALLOCATED),
    REDUCTION(LedgerAccount.ALLOCATED, LedgerAccount.AVAILABLE),
    COMMITMENT(LedgerAccount.COMMITTED, LedgerAccount.AVAILABLE), PAYMENT(LedgerAccount.PAID, LedgerAccount.COMMITTED),
    RECOVERY(LedgerAccount.RECEIVABLE, LedgerAccount.PAID),
    REPAYMENT(LedgerAccount.AVAILABLE, LedgerAccount.RECEIVABLE), REVERSAL(null, null);

    private final LedgerAccount debit;

    private final LedgerAccount credit;

    LedgerEntryKind(LedgerAccount debit, LedgerAccount credit) {
        this.debit = debit;
        this.credit = credit;
    }

    public LedgerAccount debit() {
        return debit;
    }

    public LedgerAccount credit() {
        return credit;
    }

}
