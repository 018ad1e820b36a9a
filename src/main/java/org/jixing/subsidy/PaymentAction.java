package org.jixing.subsidy;

/**
 * What an officer may do with a payment order. Whether they may, and where it leads, the
 * order decides ({@link PaymentOrder#step}): from which state its status, who by the
 * module's policy ({@link SubsidyPermission#PAYMENT_WRITE}).
 */
public enum PaymentAction {

    /** Downloading the bank file; the first download marks the order exported. */
    EXPORT,
    /** Importing the bank's results for the order's lines. */
    IMPORT_RESULTS

}
