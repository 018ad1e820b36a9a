package org.jixing.certification;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jixing.certification.internal.AssessmentStore;
import org.jixing.certification.internal.AssessmentStore.CandidateRow;
import org.jixing.person.People;
import org.jixing.person.Person;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.reference.SkillLevel;
import org.jixing.shared.PageResult;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeGuard;
import org.jixing.shared.scope.ScopeKind;
import org.jixing.shared.scope.ScopeSql;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Skill-level assessment (职业技能等级认定) by filed evaluation bodies, read side: batches, their
 * candidates with results, challenges and what is in publicity (公示). The use cases live
 * beside it: {@link AssessmentBatches} (schedule, approve), {@link AssessmentCandidates}
 * (candidates and the prerequisite rules), {@link AssessmentScores} (scores, sign-off,
 * publishing), {@link AssessmentChallenges} and {@link AssessmentFinalising}. The rules
 * are data (assessment_prerequisite_rule, assessment_pass_rule).
 */
@Service
public class Assessments {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final AssessmentStore store;

    private final People people;

    private final ReferenceCatalogue reference;

    private final ScopeGuard guard;

    private final Clock clock;

    private final int publicityDays;

    Assessments(AssessmentStore store, People people, ReferenceCatalogue reference, ScopeGuard guard, Clock clock,
            @Value("${jixing.certification.publicity-days:7}") int publicityDays) {
        this.store = store;
        this.people = people;
        this.reference = reference;
        this.guard = guard;
        this.clock = clock;
        this.publicityDays = publicityDays;
    }

    public int publicityDays() {
        return publicityDays;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    /** A batch in the caller's scope, or 404. */
    @Transactional(readOnly = true)
    public AssessmentBatch get(long id) {
        return guard.require(store.findBatch(id, ScopeSql.forCurrentUser(AssessmentStore.SCOPE)), "assessment_batch",
                id, () -> store.batchExists(id));
    }

    @Transactional(readOnly = true)
    public PageResult<AssessmentBatch> search(AssessmentBatch.Status status, int page, int size) {
        var scope = ScopeSql.forCurrentUser(AssessmentStore.SCOPE);
        return new PageResult<>(store.searchBatches(scope, status, PageResult.offset(page, size), size), page, size,
                store.countBatches(scope, status));
    }

    /** The candidates of a batch in the caller's scope, with their results. */
    @Transactional(readOnly = true)
    public List<Candidate> candidates(long batchId) {
        get(batchId);
        return toCandidates(store.candidates(batchId));
    }

    @Transactional(readOnly = true)
    public List<Challenge> challenges(long batchId) {
        get(batchId);
        return store.challenges(batchId);
    }

    /** A published batch's results (公示), shown to everyone signed in. */
    public record Publicity(AssessmentBatch batch, List<Candidate> results, List<Challenge> challenges) {
    }

    @Transactional(readOnly = true)
    public List<Publicity> publicity() {
        CurrentUser.require();
        return store.inPublicity()
            .stream()
            .map(b -> new Publicity(b, toCandidates(store.candidates(b.id())), store.challenges(b.id())))
            .toList();
    }

    /** The signed-in trainee's own candidacies with their results, newest first. */
    @Transactional(readOnly = true)
    public List<Candidate> myCandidacies() {
        CurrentUser me = CurrentUser.require();
        if (me.scope().kind() != ScopeKind.PERSON || !me.scope().ref().matches("\\d{1,18}")) {
            return List.of();
        }
        return toCandidates(store.candidaciesOf(Long.parseLong(me.scope().ref())));
    }

    public List<SkillLevel> levels() {
        return reference.skillLevels();
    }

    List<Candidate> toCandidates(List<CandidateRow> rows) {
        Map<Long, Person> persons = people.findAll(rows.stream().map(CandidateRow::personId).toList());
        return rows.stream().map(c -> {
            Person p = persons.get(c.personId());
            return new Candidate(c.id(), c.batchId(), c.personId(), p == null ? null : p.name(),
                    p == null ? null : p.idNumberMasked(), Candidate.Source.valueOf(c.source()), c.enrolmentId(),
                    c.tradeSince(), c.declaredLevel(), c.prerequisiteOutcome(), c.resultId(), c.theory(), c.practical(),
                    c.passed(), c.resultStatus() == null ? null : Candidate.ResultStatus.valueOf(c.resultStatus()),
                    c.enteredBy(), c.signedOffBy());
        }).toList();
    }

    Optional<SkillLevel> level(String code) {
        return code == null ? Optional.empty()
                : reference.skillLevels().stream().filter(l -> l.code().equals(code)).findFirst();
    }

    static CurrentUser requireEvaluator() {
        CurrentUser me = CurrentUser.require();
        if (!me.hasRole(Role.EVALUATOR)) {
            throw new AccessDeniedException("evaluators run assessment batches");
        }
        return me;
    }

}
