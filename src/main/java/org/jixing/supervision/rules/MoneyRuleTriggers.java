package org.jixing.supervision.rules;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;

import org.jixing.certification.CertificateIssued;
import org.jixing.subsidy.ClaimFiled;
import org.jixing.supervision.RiskScans;
import org.jixing.supervision.RuleDefinition.Trigger;
import org.jixing.supervision.ScanWindow;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs the claim and certificate rules as claims are filed and certificates issued:
 * synchronous listeners that only hand the event's records to {@link RiskScans#onEvent},
 * which runs the rules after the filing commits, off the filer's thread.
 */
@Component
class MoneyRuleTriggers {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final RiskScans scans;

    MoneyRuleTriggers(RiskScans scans) {
        this.scans = scans;
    }

    /** A claim filed (or filed again): its claim, class, provider and people. */
    @EventListener
    void on(ClaimFiled e) {
        Instant at = e.filedAt();
        scans.onEvent(Trigger.CLAIM, new ScanWindow(at, at.plusSeconds(1), Set.copyOf(e.personIds()),
                Set.of(e.classId()), Set.of(e.providerId()), Set.of(), Set.of(e.claimId())));
    }

    /** A certificate issued: its body and holder, over its day. */
    @EventListener
    void on(CertificateIssued e) {
        Instant from = e.issuedOn().atStartOfDay(CHINA).toInstant();
        scans.onEvent(Trigger.CERTIFICATE,
                new ScanWindow(from, e.issuedOn().plusDays(1).atStartOfDay(CHINA).toInstant(), Set.of(e.personId()),
                        Set.of(), Set.of(), Set.of(e.evaluationBodyId()), Set.of()));
    }

}
