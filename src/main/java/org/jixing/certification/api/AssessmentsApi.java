package org.jixing.certification.api;

import org.jixing.certification.CertificationPermission;
import org.jixing.certification.CertificationPermission.Allowed;
import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jixing.certification.AssessmentBatch;
import org.jixing.certification.AssessmentBatches;
import org.jixing.certification.AssessmentCandidates;
import org.jixing.certification.AssessmentChallenges;
import org.jixing.certification.AssessmentFinalising;
import org.jixing.certification.AssessmentScores;
import org.jixing.certification.Assessments;
import org.jixing.certification.Candidate;
import org.jixing.certification.Challenge;
import org.jixing.shared.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Skill-level assessment batches: scheduling, candidates, scores, sign-off, publicity,
 * challenges and finalising.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Skill assessment", description = "Assessment batches of filed evaluation bodies, from scheduling "
        + "to final results (announced for certificates)")
class AssessmentsApi {

    private final Assessments assessments;

    private final AssessmentBatches batches;

    private final AssessmentCandidates candidacy;

    private final AssessmentScores scoring;

    private final AssessmentChallenges challenging;

    private final AssessmentFinalising finalising;

    AssessmentsApi(Assessments assessments, AssessmentBatches batches, AssessmentCandidates candidacy,
            AssessmentScores scoring, AssessmentChallenges challenging, AssessmentFinalising finalising) {
        this.assessments = assessments;
        this.batches = batches;
        this.candidacy = candidacy;
        this.scoring = scoring;
        this.challenging = challenging;
        this.finalising = finalising;
    }

    record BatchDetail(AssessmentBatch batch, List<Candidate> candidates, List<Challenge> challenges) {
    }

    record Candidates(List<AssessmentCandidates.NewCandidate> candidates) {
    }

    record Scores(List<AssessmentScores.ScoreRow> rows) {
    }

    record Version(int version) {
    }

    record NewChallenge(String reason) {
    }

    record Decision(Challenge.Decision decision, String note) {
    }

    @Allowed(CertificationPermission.ASSESSMENT_READ)
    @GetMapping("/assessment-batches")
    @Operation(summary = "Batches in the caller's scope (evaluators their body's, officers their city's), "
            + "optionally of one status (PLANNED, SCORING, PUBLICITY, FINAL)")
    PageResult<AssessmentBatch> list(@RequestParam(required = false) AssessmentBatch.Status status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size) {
        return assessments.search(status, page, PageResult.size(size));
    }

    @Allowed(CertificationPermission.ASSESSMENT_RECORD)
    @PostMapping("/assessment-batches")
    @Operation(summary = "Schedule a batch of the evaluator's body for an occupation and level it is filed for; "
            + "kind BODY or ENTERPRISE (self-evaluation; required for 特级技师 and 首席技师, which the province "
            + "approves before scoring)")
    ResponseEntity<BatchDetail> create(@RequestBody AssessmentBatches.NewBatch batch) {
        AssessmentBatch b = batches.schedule(batch);
        return ResponseEntity.created(URI.create("/api/v1/assessment-batches/" + b.id())).body(detail(b.id()));
    }

    @Allowed(CertificationPermission.ASSESSMENT_READ)
    @GetMapping("/assessment-batches/{id}")
    @Operation(summary = "A batch with its candidates, results and challenges")
    BatchDetail get(@PathVariable long id) {
        return detail(id);
    }

    @Allowed(CertificationPermission.ASSESSMENT_RECORD)
    @PostMapping("/assessment-batches/{id}/candidates")
    @Operation(summary = "Add candidates, all or none: completed enrolments (enrolmentId) or applicants "
            + "(personId), each checked against the prerequisite rules")
    BatchDetail candidates(@PathVariable long id, @RequestBody Candidates body) {
        candidacy.addCandidates(id, body == null ? List.of() : body.candidates());
        return detail(id);
    }

    @Allowed(CertificationPermission.ASSESSMENT_RECORD)
    @PostMapping("/assessment-batches/{id}/scores")
    @Operation(summary = "Enter or correct theory and practical scores (0-100) for all rows at once; the pass "
            + "rule decides each result")
    BatchDetail scores(@PathVariable long id, @RequestBody Scores body) {
        scoring.recordScores(id, body == null ? List.of() : body.rows());
        return detail(id);
    }

    @Allowed(CertificationPermission.ASSESSMENT_RECORD)
    @PostMapping("/assessment-batches/{id}/sign-off")
    @Operation(summary = "A second evaluator of the body confirms the entered scores")
    BatchDetail signOff(@PathVariable long id) {
        scoring.signOff(id);
        return detail(id);
    }

    @Allowed(CertificationPermission.ASSESSMENT_APPROVE)
    @PostMapping("/assessment-batches/{id}/approval")
    @Operation(summary = "The province approves a special-level batch (特级技师, 首席技师) for scoring")
    BatchDetail approve(@PathVariable long id, @RequestBody Version body) {
        batches.approve(id, body.version());
        return detail(id);
    }

    @Allowed(CertificationPermission.ASSESSMENT_RECORD)
    @PostMapping("/assessment-batches/{id}/publish")
    @Operation(summary = "Publish the signed-off results: the publicity period (公示) starts")
    BatchDetail publish(@PathVariable long id, @RequestBody Version body) {
        scoring.publish(id, body.version());
        return detail(id);
    }

    @Allowed(CertificationPermission.ASSESSMENT_RECORD)
    @PostMapping("/assessment-batches/{id}/finalise")
    @Operation(summary = "Make the results final after the publicity period; each pass is announced for its "
            + "certificate")
    BatchDetail finalise(@PathVariable long id, @RequestBody Version body) {
        finalising.finalise(id, body.version());
        return detail(id);
    }

    @Allowed(CertificationPermission.PUBLICITY_READ)
    @GetMapping("/assessment-batches/publicity")
    @Operation(summary = "Results in their publicity period (公示), for everyone signed in")
    List<Assessments.Publicity> publicity() {
        return assessments.publicity();
    }

    @Allowed(CertificationPermission.OWN_CERTIFICATES)
    @GetMapping("/assessment-batches/mine")
    @Operation(summary = "The signed-in trainee's candidacies and results")
    List<Candidate> mine() {
        return assessments.myCandidacies();
    }

    @Allowed(CertificationPermission.RESULT_CHALLENGE)
    @PostMapping("/assessment-results/{resultId}/challenges")
    @Operation(summary = "Challenge a published result with a reason (anyone signed in, during publicity)")
    ResponseEntity<Challenge> challenge(@PathVariable long resultId, @RequestBody NewChallenge body) {
        Challenge c = challenging.challenge(resultId, body == null ? null : body.reason());
        return ResponseEntity.created(URI.create("/api/v1/assessment-batches/" + c.batchId())).body(c);
    }

    @Allowed(CertificationPermission.CHALLENGE_DECIDE)
    @PostMapping("/assessment-challenges/{id}/decision")
    @Operation(summary = "The body or the province decides a challenge: UPHELD cancels the result, DISMISSED "
            + "keeps it")
    Challenge decide(@PathVariable long id, @RequestBody Decision body) {
        return challenging.decideChallenge(id, body.decision(), body.note());
    }

    private BatchDetail detail(long id) {
        return new BatchDetail(assessments.get(id), assessments.candidates(id), assessments.challenges(id));
    }

}
