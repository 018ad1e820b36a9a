package org.jixing.subsidy;

/** Bank account numbers as pages and the audit trail show them. */
final class AccountNumbers {

    private AccountNumbers() {
    }

    /** All but the last four digits hidden. */
    static String mask(String accountNo) {
        String a = accountNo == null ? "" : accountNo;
        return a.length() <= 4 ? a : "*".repeat(a.length() - 4) + a.substring(a.length() - 4);
    }

}
