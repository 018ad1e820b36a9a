package org.jixing.certification;

/**
 * How a certificate was earned: an evaluation body's assessment, an enterprise's own
 * evaluation, direct recognition of an outstanding worker, or a past certificate imported
 * from a previous system.
 */
public enum CertificateRoute {

    ASSESSMENT, ENTERPRISE, DIRECT_RECOGNITION, IMPORTED

}
