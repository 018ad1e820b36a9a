package org.jixing.certification;

import java.util.List;
import java.util.Map;

import org.jixing.certification.internal.CertificateStore;
import org.jixing.shared.scope.ScopeSql;
import org.jixing.statistics.AnnualFigureContribution;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The certificates of a year for the annual figures: issued by level, and how many of
 * them are revoked since.
 */
@Service
@Order(200)
class CertificateFigures implements AnnualFigureContribution<List<LevelCount>> {

    private final CertificateStore store;

    private final Certificates certificates;

    CertificateFigures(CertificateStore store, Certificates certificates) {
        this.store = store;
        this.certificates = certificates;
    }

    @Override
    public String name() {
        return "certificatesByLevel";
    }

    @Override
    public String template() {
        return "certification/annual-certificates";
    }

    /**
     * Certificates issued in a year by level, in rank order (every level, zero included),
     * as far as the caller's scope shows them.
     */
    @Override
    @Transactional(readOnly = true)
    public List<LevelCount> of(int year) {
        Map<String, long[]> counts = store.issuedByLevel(year, ScopeSql.forCurrentUser(CertificateStore.SCOPE));
        return certificates.levels().stream().map(l -> {
            long[] c = counts.getOrDefault(l.code(), new long[2]);
            return new LevelCount(l, c[0], c[1]);
        }).toList();
    }

}
