package org.jixing.certification;

/**
 * Why a certificate was revoked: the category shown on the public verification page (the
 * details stay internal).
 */
public enum RevocationReason {

    FRAUDULENT_EVALUATION, ISSUED_IN_ERROR, FALSE_DOCUMENTS, OTHER

}
