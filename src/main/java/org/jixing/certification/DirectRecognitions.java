package org.jixing.certification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.certification.internal.RecognitionStore;
import org.jixing.person.People;
import org.jixing.person.Person;
import org.jixing.provider.FiledBody;
import org.jixing.provider.Filings;
import org.jixing.provider.Registry;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeGuard;
import org.jixing.shared.scope.ScopeSql;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Direct recognition (直接认定) of an outstanding front-line worker: an evaluation body (an
 * enterprise's too) applies, breaking the usual limits of degree, seniority, age and
 * quota; the province approves or rejects. Approval is announced as
 * {@link AssessmentPassed} with route DIRECT_RECOGNITION.
 */
@Service
public class DirectRecognitions {

    public static final String ROUTE = "DIRECT_RECOGNITION";

    private final RecognitionStore store;

    private final Filings filings;

    private final People people;

    private final ReferenceCatalogue reference;

    private final ScopeGuard guard;

    private final AuditTrail audit;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    DirectRecognitions(RecognitionStore store, Filings filings, People people, ReferenceCatalogue reference,
            ScopeGuard guard, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.filings = filings;
        this.people = people;
        this.reference = reference;
        this.guard = guard;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    public record Application(Long personId, String occupationCode, String levelCode, String justification,
            String employerName) {
    }

    /** The signed-in evaluator's body applies for a person. */
    @Transactional
    public DirectRecognition apply(Application a) {
        CurrentUser me = CurrentUser.require();
        if (!CertificationPermission.RECOGNITION_APPLY.allows(me)) {
            throw new AccessDeniedException("evaluation bodies apply for direct recognition");
        }
        FiledBody body = filings.find(Registry.EVALUATION_BODY, Long.parseLong(me.scope().ref()))
            .orElseThrow(() -> new AccessDeniedException("no evaluation body"));
        List<Problem> problems = new ArrayList<>();
        if (!body.inGoodStanding(LocalDate.now(clock.withZone(Assessments.CHINA)))) {
            problems.add(new Problem(null, "assessment.error.bodyNotFiled"));
        }
        Person person = a.personId() == null ? null : people.find(a.personId()).orElse(null);
        if (person == null) {
            problems.add(new Problem("personId", "assessment.error.person", 1));
        }
        if (a.occupationCode() == null || reference.occupation(a.occupationCode()).isEmpty()) {
            problems.add(new Problem("occupationCode", "assessment.error.occupation"));
        }
        if (a.levelCode() == null || reference.skillLevels().stream().noneMatch(l -> l.code().equals(a.levelCode()))) {
            problems.add(new Problem("levelCode", "assessment.error.level"));
        }
        if (a.justification() == null || a.justification().isBlank()) {
            problems.add(new Problem("justification", "assessment.error.required"));
        }
        else if (a.justification().strip().length() > 2000) {
            problems.add(new Problem("justification", "assessment.error.tooLong", 2000));
        }
        if (a.employerName() == null || a.employerName().isBlank()) {
            problems.add(new Problem("employerName", "assessment.error.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String no = "ZJRD" + LocalDate.now(clock.withZone(Assessments.CHINA)).getYear()
                + String.format("%05d", store.count() + 1);
        long id = store.insert(no, person.id(), a.occupationCode(), a.levelCode(), a.justification().strip(),
                a.employerName().strip(), body.id(), body.name(), body.regionCode(), me.username(), clock.instant());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("person", person.id());
        after.put("occupation", a.occupationCode());
        after.put("level", a.levelCode());
        after.put("employer", a.employerName().strip());
        after.put("body", body.name());
        audit.record(AuditEvent.of("assessment.recognition.apply", "direct_recognition", id, null, after));
        return get(id);
    }

    /** The province approves (announcing the pass) or rejects with a note. */
    @Transactional
    public DirectRecognition decide(long id, int version, boolean approve, String note) {
        CurrentUser me = CurrentUser.require();
        if (!CertificationPermission.RECOGNITION_DECIDE.allows(me)) {
            throw new AccessDeniedException("the province decides direct recognition");
        }
        DirectRecognition d = get(id);
        if (d.status() != DirectRecognition.Status.SUBMITTED) {
            throw InvalidInputException.of(null, "assessment.error.recognitionDecided");
        }
        if (!approve && (note == null || note.isBlank())) {
            throw InvalidInputException.of("note", "assessment.error.required");
        }
        DirectRecognition.Status status = approve ? DirectRecognition.Status.APPROVED
                : DirectRecognition.Status.REJECTED;
        String n = note == null || note.isBlank() ? null : note.strip();
        if (!store.decide(id, version, status, n, me.username(), clock.instant())) {
            throw new OptimisticLockingFailureException("direct recognition " + id);
        }
        LocalDate today = LocalDate.now(clock.withZone(Assessments.CHINA));
        if (approve) {
            events.publishEvent(new AssessmentPassed(id, d.personId(), d.occupationCode(), d.levelCode(),
                    d.evaluationBodyId(), 0, ROUTE, today));
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", status.name());
        if (n != null) {
            after.put("note", n);
        }
        audit.record(AuditEvent.of("assessment.recognition.decide", "direct_recognition", id,
                Map.of("status", "SUBMITTED"), after));
        return get(id);
    }

    /** An application in the caller's scope, or 404. */
    @Transactional(readOnly = true)
    public DirectRecognition get(long id) {
        return named(guard.require(store.find(id, ScopeSql.forCurrentUser(RecognitionStore.SCOPE)),
                "direct_recognition", id, () -> store.exists(id)));
    }

    @Transactional(readOnly = true)
    public List<DirectRecognition> search(boolean openOnly) {
        return store.search(ScopeSql.forCurrentUser(RecognitionStore.SCOPE), openOnly, 200)
            .stream()
            .map(this::named)
            .toList();
    }

    private DirectRecognition named(DirectRecognition d) {
        String name = people.find(d.personId()).map(Person::name).orElse(null);
        return new DirectRecognition(d.id(), d.applicationNo(), d.personId(), name, d.occupationCode(), d.levelCode(),
                d.justification(), d.employerName(), d.evaluationBodyId(), d.bodyName(), d.regionCode(), d.status(),
                d.decisionNote(), d.decidedBy(), d.decidedAt(), d.submittedBy(), d.submittedAt(), d.version());
    }

}
