package org.jixing.supervision;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jixing.provider.Filings;
import org.jixing.provider.Registry;
import org.jixing.shared.scope.ScopeSql;
import org.jixing.subsidy.Claim;
import org.jixing.subsidy.ClaimSupervision;
import org.jixing.supervision.internal.AlertStore;
import org.jixing.supervision.internal.ConfirmationStore;
import org.jixing.training.Attendance;
import org.jixing.training.AttendanceEvent;
import org.jixing.training.AttendanceKind;
import org.jixing.training.ClassOpenings;
import org.jixing.training.ClassSession;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supervision's answer to subsidy's {@link ClaimSupervision}: the holds (数据锁) on claims
 * from the blocking alerts ({@link Alerts#holding}) and the claim page's risk panel,
 * computed from training's, provider's and supervision's own records in the reviewer's
 * scope.
 */
@Component
class ClaimLocks implements ClaimSupervision {

    private final Alerts alerts;

    private final AlertStore alertStore;

    private final RiskRules rules;

    private final ConfirmationStore confirmations;

    private final ClassOpenings classes;

    private final Attendance attendance;

    private final Filings filings;

    ClaimLocks(Alerts alerts, AlertStore alertStore, RiskRules rules, ConfirmationStore confirmations,
            ClassOpenings classes, Attendance attendance, Filings filings) {
        this.alerts = alerts;
        this.alertStore = alertStore;
        this.rules = rules;
        this.confirmations = confirmations;
        this.classes = classes;
        this.attendance = attendance;
        this.filings = filings;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Hold> holds(Collection<Subject> claims) {
        if (claims.isEmpty()) {
            return List.of();
        }
        Map<SubjectKind, Set<Long>> records = new LinkedHashMap<>();
        records.put(SubjectKind.CLAIM, new HashSet<>());
        records.put(SubjectKind.CLASS, new HashSet<>());
        records.put(SubjectKind.ENROLMENT, new HashSet<>());
        for (Subject s : claims) {
            records.get(SubjectKind.CLAIM).add(s.claimId());
            records.get(SubjectKind.CLASS).add(s.classId());
            records.get(SubjectKind.ENROLMENT).addAll(s.enrolmentIds());
        }
        List<Alert> holding = alerts.holding(records);
        List<Hold> out = new ArrayList<>();
        for (Subject s : claims) {
            for (Alert a : holding) {
                if (concerns(a, s)) {
                    out.add(hold(s.claimId(), a));
                }
            }
        }
        return out;
    }

    /** Whether an alert is about or targets the claim, its class or one of its lines. */
    static boolean concerns(Alert a, Subject s) {
        if (is(a.subjectKind(), a.subjectId(), s)) {
            return true;
        }
        for (Hit.Target t : a.targets()) {
            if (is(t.kind(), t.id(), s)) {
                return true;
            }
        }
        return false;
    }

    private static boolean is(SubjectKind kind, long id, Subject s) {
        return switch (kind) {
            case CLAIM -> id == s.claimId();
            case CLASS -> id == s.classId();
            case ENROLMENT -> s.enrolmentIds().contains(id);
            default -> false;
        };
    }

    private Hold hold(long claimId, Alert a) {
        RuleVersion v = rules.inForce(a.ruleCode()).orElse(null);
        return new Hold(claimId, a.id(), a.alertNo(), a.ruleCode(), HoldCategory.of(a.ruleCode()), a.severity().name(),
                v == null ? a.ruleCode() : v.descriptionZh(), v == null ? a.ruleCode() : v.descriptionEn(),
                city(a.regionCode()), a.firstSeenAt());
    }

    /** The city of a region code (the province itself stays as it is). */
    static String city(String regionCode) {
        if (regionCode == null || regionCode.length() != 6 || regionCode.endsWith("0000")) {
            return regionCode;
        }
        return regionCode.substring(0, 4) + "00";
    }

    @Override
    @Transactional(readOnly = true)
    public Risk risk(Claim claim, List<Long> enrolmentIds) {
        List<ClassSession> sessions = classes.sessions(claim.classId());
        Instant ended = sessions.stream().map(ClassSession::endsAt).max(Instant::compareTo).orElse(null);
        List<AttendanceEvent> events = new ArrayList<>();
        for (ClassSession s : sessions) {
            events.addAll(attendance.events(claim.classId(), s.id()));
        }
        AttendanceFigures f = AttendanceFigures.of(events);
        String registered = filings.get(Registry.PROVIDER, claim.providerId()).name();
        Map<String, Collection<Long>> about = new LinkedHashMap<>();
        about.put(SubjectKind.CLAIM.name(), List.of(claim.id()));
        about.put(SubjectKind.CLASS.name(), List.of(claim.classId()));
        about.put(SubjectKind.ENROLMENT.name(), enrolmentIds);
        List<AlertRef> refs = new ArrayList<>();
        for (long id : confirmations.alertsAbout(about)) {
            alertStore.find(id, ScopeSql.UNSCOPED).ifPresent(a -> {
                RuleVersion v = rules.inForce(a.ruleCode()).orElse(null);
                refs.add(new AlertRef(a.id(), a.alertNo(), a.ruleCode(), a.severity().name(), a.blocking(),
                        a.status().name(), v == null ? a.ruleCode() : v.descriptionZh(),
                        v == null ? a.ruleCode() : v.descriptionEn()));
            });
        }
        int yes = 0;
        int no = 0;
        int silent = 0;
        for (Confirmation c : confirmations.ofClaim(claim.id())) {
            if (!enrolmentIds.contains(c.enrolmentId())) {
                continue;
            }
            switch (c.status()) {
                case CONFIRMED -> yes++;
                case DENIED -> no++;
                default -> silent++;
            }
        }
        long minutes = ended == null ? 0 : Duration.between(ended, claim.submittedAt()).toMinutes();
        return new Risk(ended, claim.submittedAt(), minutes, sessions.size(), events.size(), f.corrections(),
                f.sameSecond(), f.lateUploads(), registered, sameName(registered, claim.payeeName()), refs, yes, no,
                silent);
    }

    static boolean sameName(String a, String b) {
        return a != null && b != null && a.replaceAll("\\s", "").equals(b.replaceAll("\\s", ""));
    }

    /**
     * What the risk panel counts of a class's attendance events: manual corrections,
     * events uploaded late, and accepted check-ins that share their second with another
     * trainee's in the same session.
     */
    record AttendanceFigures(int corrections, int lateUploads, int sameSecond) {

        static AttendanceFigures of(List<AttendanceEvent> events) {
            int corrections = 0;
            int late = 0;
            Map<Instant, Set<Long>> bySecond = new HashMap<>();
            for (AttendanceEvent e : events) {
                if (e.kind().isCorrection()) {
                    corrections++;
                }
                if (e.uploadedLate()) {
                    late++;
                }
                if (e.kind() == AttendanceKind.CHECK_IN && e.accepted() && e.enrolmentId() != null) {
                    bySecond.computeIfAbsent(e.occurredAt().truncatedTo(ChronoUnit.SECONDS), k -> new HashSet<>())
                        .add(e.enrolmentId());
                }
            }
            int same = bySecond.values().stream().filter(s -> s.size() > 1).mapToInt(Set::size).sum();
            return new AttendanceFigures(corrections, late, same);
        }

    }

}
