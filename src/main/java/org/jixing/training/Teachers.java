package org.jixing.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.person.IdNumberSeals;
import org.jixing.person.People;
import org.jixing.person.SealedIdNumber;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeKind;
import org.jixing.training.internal.TeacherStore;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A provider's teachers; provider staff register them for their own provider. */
@Service
public class Teachers {

    private final TeacherStore store;

    private final AuditTrail audit;

    private final People people;

    private final IdNumberSeals seals;

    Teachers(TeacherStore store, AuditTrail audit, People people, IdNumberSeals seals) {
        this.seals = seals;
        this.store = store;
        this.audit = audit;
        this.people = people;
    }

    /** The provider the signed-in staff member works for. */
    static long ownProvider() {
        CurrentUser me = CurrentUser.require();
        if (!me.hasRole(Role.PROVIDER_STAFF) || me.scope().kind() != ScopeKind.PROVIDER
                || !me.scope().ref().matches("\\d{1,18}")) {
            throw new AccessDeniedException("provider staff only");
        }
        return Long.parseLong(me.scope().ref());
    }

    @Transactional(readOnly = true)
    public List<Teacher> ofOwnProvider() {
        return store.ofProvider(ownProvider());
    }

    /** A teacher without an ID number (as registered before it was asked). */
    @Transactional
    public Teacher register(String name, String qualificationNo) {
        return register(name, qualificationNo, null);
    }

    /**
     * Registers a teacher of the staff member's provider. The ID number, when given, is
     * kept sealed as trainees' are, so that one person registered by two providers is one
     * teacher to supervision.
     */
    @Transactional
    public Teacher register(String name, String qualificationNo, String idNumber) {
        long provider = ownProvider();
        List<Problem> problems = new ArrayList<>();
        if (name == null || name.isBlank() || name.strip().length() > 60) {
            problems.add(new Problem("name", "training.error.required"));
        }
        String q = qualificationNo == null ? "" : qualificationNo.strip();
        if (!q.matches("[A-Za-z0-9-]{4,40}")) {
            problems.add(new Problem("qualificationNo", "training.error.teacher.qualification"));
        }
        else if (store.qualificationTaken(q)) {
            problems.add(new Problem("qualificationNo", "training.error.teacher.taken"));
        }
        SealedIdNumber sealed = null;
        if (idNumber != null && !idNumber.isBlank()) {
            people.checkIdNumber("idNumber", idNumber).ifPresent(problems::add);
            sealed = seals.sealIdNumber(idNumber).orElse(null);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = sealed == null ? store.insert(provider, name.strip(), q)
                : store.insert(provider, name.strip(), q, sealed.cipher(), sealed.index());
        audit.record(AuditEvent.of("teacher.register", "teacher", id, null,
                Map.of("provider", provider, "name", name.strip(), "qualificationNo", q, "idNumber", sealed != null)));
        return store.find(id).orElseThrow();
    }

}
