package org.jixing.certification;

/** A certificate is valid until it is revoked; revocation is final. */
public enum CertificateStatus {

    VALID, REVOKED

}
