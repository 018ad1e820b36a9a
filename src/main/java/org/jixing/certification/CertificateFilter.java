package org.jixing.certification;

/**
 * A search of certificates: part of a number or of the holder's name, a level, a status
 * (all null: everything in scope).
 */
public record CertificateFilter(String query, String levelCode, CertificateStatus status) {

    public static CertificateFilter none() {
        return new CertificateFilter(null, null, null);
    }

}
