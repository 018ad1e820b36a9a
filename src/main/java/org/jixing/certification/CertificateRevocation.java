package org.jixing.certification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.certification.internal.CertificateStore;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.ScopeSql;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Revoking a certificate: at once, with a reason and details, by the province or the
 * issuing body; audited, and announced to the modules that follow certificates.
 */
@Service
public class CertificateRevocation {

    private final CertificateStore store;

    private final Certificates certificates;

    private final AuditTrail audit;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    CertificateRevocation(CertificateStore store, Certificates certificates, AuditTrail audit,
            ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.certificates = certificates;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Revokes a certificate at once: the province administrator or an evaluator of the
     * issuing body, with a reason and details.
     */
    @Transactional
    public Certificate revoke(String number, RevocationReason reason, String details) {
        CurrentUser me = CurrentUser.require();
        if (!CertificationPermission.CERTIFICATE_ISSUE.allows(me)) {
            throw new AccessDeniedException("the province or the issuing body revokes certificates");
        }
        Certificate c = certificates.byNumber(number);
        List<Problem> problems = new ArrayList<>();
        if (!c.valid()) {
            problems.add(new Problem(null, "certificates.error.revoked"));
        }
        if (reason == null) {
            problems.add(new Problem("reason", "certificates.error.required"));
        }
        if (details == null || details.isBlank()) {
            problems.add(new Problem("details", "certificates.error.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        if (!store.revoke(c.id(), c.version(), reason, details.strip(), me.username(), now)) {
            throw new OptimisticLockingFailureException("certificate " + number + " changed meanwhile");
        }
        audit.record(AuditEvent.of("certification.certificate.revoke", "certificate", c.id(),
                Map.of("status", c.status().name()), Map.of("status", CertificateStatus.REVOKED.name(), "reason",
                        reason.name(), "details", details.strip())));
        events.publishEvent(new CertificateRevoked(c.id(), c.number(), c.personId(), c.occupationCode(), c.levelCode(),
                c.regionCode(), c.issuedOn(), now, reason));
        return store.find(c.id(), ScopeSql.UNSCOPED).orElseThrow();
    }

}
