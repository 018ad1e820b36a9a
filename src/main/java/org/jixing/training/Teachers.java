package org.jixing.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
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

    Teachers(TeacherStore store, AuditTrail audit) {
        this.store = store;
        this.audit = audit;
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

    @Transactional
    public Teacher register(String name, String qualificationNo) {
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
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = store.insert(provider, name.strip(), q);
        audit.record(AuditEvent.of("teacher.register", "teacher", id, null,
                Map.of("provider", provider, "name", name.strip(), "qualificationNo", q)));
        return store.find(id).orElseThrow();
    }

}
