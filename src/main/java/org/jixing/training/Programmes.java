package org.jixing.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.reference.SubTarget;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.RecordNotFoundException;
import org.jixing.shared.scope.Role;
import org.jixing.training.internal.ProgrammeStore;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The programme catalogue. Everybody reads it; the province administrator adds to it. A
 * programme's action line follows from its sub-target.
 */
@Service
public class Programmes {

    private final ProgrammeStore store;

    private final ReferenceCatalogue reference;

    private final AuditTrail audit;

    Programmes(ProgrammeStore store, ReferenceCatalogue reference, AuditTrail audit) {
        this.store = store;
        this.reference = reference;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<Programme> list(String lineCode) {
        return store.list(lineCode, false);
    }

    @Transactional(readOnly = true)
    public Programme get(long id) {
        return store.find(id).orElseThrow(() -> new RecordNotFoundException("programme", id));
    }

    @Transactional
    public Programme create(NewProgramme p) {
        if (!TrainingPermission.PROGRAMME_WRITE.allows(CurrentUser.require())) {
            throw new AccessDeniedException("only the province edits the catalogue");
        }
        List<Problem> problems = new ArrayList<>();
        if (p.code() == null || !p.code().strip().matches("[A-Za-z0-9_-]{2,40}")) {
            problems.add(new Problem("code", "training.error.programme.code"));
        }
        else if (store.codeTaken(p.code())) {
            problems.add(new Problem("code", "training.error.programme.codeTaken"));
        }
        if (p.nameZh() == null || p.nameZh().isBlank()) {
            problems.add(new Problem("nameZh", "training.error.required"));
        }
        if (p.occupationCode() == null || reference.occupation(p.occupationCode()).isEmpty()) {
            problems.add(new Problem("occupationCode", "training.error.occupation.unknown"));
        }
        if (p.levelCode() == null || reference.skillLevels().stream().noneMatch(l -> l.code().equals(p.levelCode()))) {
            problems.add(new Problem("levelCode", "training.error.level.unknown"));
        }
        if (p.hours() == null || p.hours() < 1 || p.hours() > 2000) {
            problems.add(new Problem("hours", "training.error.hours.range", 1, 2000));
        }
        if (p.deliveryMode() == null) {
            problems.add(new Problem("deliveryMode", "training.error.required"));
        }
        SubTarget sub = reference.actionLines()
            .stream()
            .flatMap(l -> l.subTargets().stream())
            .filter(s -> s.code().equals(p.subTargetCode()))
            .findFirst()
            .orElse(null);
        if (sub == null) {
            problems.add(new Problem("subTargetCode", "training.error.subTarget.unknown"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = store.insert(p, sub.lineCode());
        Programme created = get(id);
        audit.record(AuditEvent.of("programme.create", "programme", id, null,
                Map.of("code", created.code(), "occupation", created.occupationCode(), "level", created.levelCode(),
                        "hours", created.hours(), "subTarget", created.subTargetCode())));
        return created;
    }

}
