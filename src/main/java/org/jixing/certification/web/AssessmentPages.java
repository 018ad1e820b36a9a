package org.jixing.certification.web;

import org.jixing.certification.CertificationPermission;
import org.jixing.certification.CertificationPermission.Allowed;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jixing.certification.AssessmentBatch;
import org.jixing.certification.AssessmentBatches;
import org.jixing.certification.AssessmentCandidates;
import org.jixing.certification.AssessmentChallenges;
import org.jixing.certification.AssessmentFinalising;
import org.jixing.certification.AssessmentScores;
import org.jixing.certification.Assessments;
import org.jixing.certification.Candidate;
import org.jixing.certification.Challenge;
import org.jixing.person.People;
import org.jixing.person.Person;
import org.jixing.provider.FiledBody;
import org.jixing.provider.Filings;
import org.jixing.provider.Permit;
import org.jixing.provider.Registry;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.PageResult;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.Role;
import org.jixing.shared.web.NavItem;
import org.jixing.training.CompletedTraining;
import org.jixing.training.Enrolments;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Assessment batches: the list by status with the evaluator's new-batch form, a batch
 * with its candidates, the score sheet (one form for all rows, errors shown on their
 * row), sign-off, publication, challenges and finalising; the publicity list (公示) where
 * anyone signed in may challenge a result.
 */
@Controller
@RequestMapping("/certification")
class AssessmentPages {

    private final Assessments assessments;

    private final AssessmentBatches batches;

    private final AssessmentCandidates candidacy;

    private final AssessmentScores scoring;

    private final AssessmentChallenges challenging;

    private final AssessmentFinalising finalising;

    private final Filings filings;

    private final Enrolments enrolments;

    private final People people;

    private final ReferenceCatalogue reference;

    AssessmentPages(Assessments assessments, AssessmentBatches batches, AssessmentCandidates candidacy,
            AssessmentScores scoring, AssessmentChallenges challenging, AssessmentFinalising finalising,
            Filings filings, Enrolments enrolments, People people, ReferenceCatalogue reference) {
        this.assessments = assessments;
        this.batches = batches;
        this.candidacy = candidacy;
        this.scoring = scoring;
        this.challenging = challenging;
        this.finalising = finalising;
        this.filings = filings;
        this.enrolments = enrolments;
        this.people = people;
        this.reference = reference;
    }

    @Allowed(CertificationPermission.BATCHES_PAGE)
    @GetMapping("/batches")
    String list(@RequestParam(required = false) AssessmentBatch.Status status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size, Model model) {
        model.addAttribute("result", assessments.search(status, Math.max(0, page), PageResult.size(size)));
        model.addAttribute("status", status);
        model.addAttribute("statuses", AssessmentBatch.Status.values());
        CurrentUser me = CurrentUser.require();
        if (me.hasRole(Role.EVALUATOR)) {
            List<Permit> permits = filings.find(Registry.EVALUATION_BODY, Long.parseLong(me.scope().ref()))
                .map(FiledBody::permits)
                .orElse(List.of());
            model.addAttribute("permits", permits);
            model.addAttribute("kinds", AssessmentBatch.Kind.values());
            if (!model.containsAttribute("form")) {
                model.addAttribute("form", new BatchForm(null, AssessmentBatch.Kind.BODY, assessments.today(), "", ""));
            }
        }
        if (me.hasRole(Role.TRAINEE)) {
            model.addAttribute("mine", assessments.myCandidacies());
        }
        return "certification/batches";
    }

    /**
     * The new-batch form as entered: permit is "OCCUPATION|LEVEL", evaluators one a line.
     */
    record BatchForm(String permit, AssessmentBatch.Kind kind, LocalDate assessedOn, String venue, String evaluators) {
    }

    @Allowed(CertificationPermission.ASSESSMENT_RECORD)
    @PostMapping("/batches")
    String schedule(@RequestParam(required = false) String permit,
            @RequestParam(defaultValue = "BODY") AssessmentBatch.Kind kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate assessedOn,
            @RequestParam(required = false) String venue, @RequestParam(required = false) String evaluators,
            Model model, RedirectAttributes redirect) {
        String[] p = permit == null ? new String[0] : permit.split("\\|");
        try {
            AssessmentBatch b = batches
                .schedule(new AssessmentBatches.NewBatch(kind, p.length > 0 ? p[0] : null, p.length > 1 ? p[1] : null,
                        assessedOn, venue, evaluators == null ? List.of() : List.of(evaluators.split("[\\r\\n,，、]+"))));
            redirect.addFlashAttribute("notice", "assessment.batch.scheduled");
            return "redirect:/certification/batches/" + b.id();
        }
        catch (InvalidInputException ex) {
            model.addAttribute("problems", ex.problems());
            model.addAttribute("form", new BatchForm(permit, kind, assessedOn, venue, evaluators));
            return list(null, 0, null, model);
        }
    }

    @Allowed(CertificationPermission.ASSESSMENT_READ)
    @GetMapping("/batches/{id}")
    String detail(@PathVariable long id, Model model) {
        AssessmentBatch b = assessments.get(id);
        List<Candidate> candidates = assessments.candidates(id);
        List<Challenge> challenges = assessments.challenges(id);
        CurrentUser me = CurrentUser.require();
        boolean evaluator = me.hasRole(Role.EVALUATOR);
        boolean open = b.status() == AssessmentBatch.Status.PLANNED || b.status() == AssessmentBatch.Status.SCORING;
        model.addAttribute("b", b);
        model.addAttribute("candidates", candidates);
        model.addAttribute("challenges", challenges);
        model.addAttribute("byResult", challenges.stream()
            .collect(Collectors.groupingBy(Challenge::resultId, LinkedHashMap::new, Collectors.toList())));
        model.addAttribute("mayAdd", evaluator && open);
        model.addAttribute("mayScore",
                evaluator && open && b.provinceApproval() != AssessmentBatch.Approval.REQUIRED && candidates.stream()
                    .anyMatch(c -> c.resultStatus() == null || c.resultStatus() == Candidate.ResultStatus.ENTERED));
        model.addAttribute("maySignOff", evaluator && b.status() == AssessmentBatch.Status.SCORING
                && candidates.stream().anyMatch(c -> c.resultStatus() == Candidate.ResultStatus.ENTERED));
        model.addAttribute("mayPublish",
                evaluator && b.status() == AssessmentBatch.Status.SCORING && !candidates.isEmpty()
                        && candidates.stream().allMatch(c -> c.resultStatus() == Candidate.ResultStatus.SIGNED_OFF));
        model.addAttribute("mayApprove",
                me.hasRole(Role.PROVINCE_ADMIN) && b.provinceApproval() == AssessmentBatch.Approval.REQUIRED);
        boolean decider = me.hasAnyRole(Role.EVALUATOR, Role.PROVINCE_ADMIN);
        model.addAttribute("mayDecide", decider && b.status() == AssessmentBatch.Status.PUBLICITY);
        model.addAttribute("mayFinalise", decider && b.status() == AssessmentBatch.Status.PUBLICITY
                && assessments.today().isAfter(b.publicityUntil()));
        model.addAttribute("levels", reference.skillLevels());
        model.addAttribute("decisions", Challenge.Decision.values());
        if (!model.containsAttribute("rowProblems")) {
            model.addAttribute("rowProblems", Map.of());
            model.addAttribute("entered", Map.of());
        }
        return "certification/batch-detail";
    }

    @Allowed(CertificationPermission.ASSESSMENT_RECORD)
    @PostMapping("/batches/{id}/candidates")
    String addCandidates(@PathVariable long id, @RequestParam(required = false) Long classId,
            @RequestParam(required = false) String idNumber,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate tradeSince,
            @RequestParam(required = false) String declaredLevelCode,
            @RequestParam(required = false) String declaredEvidence, RedirectAttributes redirect) {
        try {
            List<AssessmentCandidates.NewCandidate> rows = new ArrayList<>();
            if (classId != null) {
                AssessmentBatch b = assessments.get(id);
                List<CompletedTraining> done = enrolments.completedTrainingsOfClass(classId);
                Set<Long> already = assessments.candidates(id)
                    .stream()
                    .map(Candidate::personId)
                    .collect(Collectors.toSet());
                done.stream()
                    .filter(t -> t.occupationCode().equals(b.occupationCode()) && t.levelCode().equals(b.levelCode()))
                    .filter(t -> !already.contains(t.personId()))
                    .forEach(t -> rows
                        .add(new AssessmentCandidates.NewCandidate(t.enrolmentId(), null, tradeSince, null, null)));
                if (rows.isEmpty()) {
                    throw InvalidInputException.of("classId", "assessment.error.classNone");
                }
            }
            else {
                Optional<Person> person = idNumber == null ? Optional.empty() : people.findByIdNumber(idNumber);
                if (person.isEmpty()) {
                    throw InvalidInputException.of("idNumber", "assessment.error.person", 1);
                }
                rows.add(new AssessmentCandidates.NewCandidate(null, person.get().id(), tradeSince, declaredLevelCode,
                        declaredEvidence));
            }
            List<Candidate> added = candidacy.addCandidates(id, rows);
            redirect.addFlashAttribute("notice", "assessment.candidates.added");
            redirect.addFlashAttribute("noticeCount", added.size());
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("problems", ex.problems());
        }
        return "redirect:/certification/batches/" + id;
    }

    @Allowed(CertificationPermission.ASSESSMENT_RECORD)
    @PostMapping("/batches/{id}/scores")
    String scores(@PathVariable long id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        List<Candidate> candidates = assessments.candidates(id);
        List<AssessmentScores.ScoreRow> rows = new ArrayList<>();
        Map<String, String> entered = new HashMap<>();
        List<Long> rowCandidates = new ArrayList<>();
        for (Candidate c : candidates) {
            String t = form.get("theory-" + c.id());
            String p = form.get("practical-" + c.id());
            if (t == null && p == null) {
                continue;
            }
            entered.put("theory-" + c.id(), t);
            entered.put("practical-" + c.id(), p);
            rows.add(new AssessmentScores.ScoreRow(c.id(), score(t), score(p)));
            rowCandidates.add(c.id());
        }
        try {
            scoring.recordScores(id, rows);
            redirect.addFlashAttribute("notice", "assessment.scores.saved");
            return "redirect:/certification/batches/" + id;
        }
        catch (InvalidInputException ex) {
            Map<Long, List<Problem>> byRow = new HashMap<>();
            List<Problem> general = new ArrayList<>();
            for (Problem pr : ex.problems()) {
                Integer index = rowIndex(pr.field());
                if (index != null && index < rowCandidates.size()) {
                    byRow.computeIfAbsent(rowCandidates.get(index), k -> new ArrayList<>()).add(pr);
                }
                else {
                    general.add(pr);
                }
            }
            model.addAttribute("problems",
                    general.isEmpty() ? List.of(new Problem(null, "assessment.error.rows")) : general);
            model.addAttribute("rowProblems", byRow);
            model.addAttribute("entered", entered);
            return detail(id, model);
        }
    }

    private static Integer score(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(s.strip());
        }
        catch (NumberFormatException ex) {
            return -1;
        }
    }

    private static Integer rowIndex(String field) {
        if (field == null || !field.startsWith("rows[")) {
            return null;
        }
        int end = field.indexOf(']');
        return end < 0 ? null : Integer.valueOf(field.substring(5, end));
    }

    @Allowed(CertificationPermission.ASSESSMENT_RECORD)
    @PostMapping("/batches/{id}/sign-off")
    String signOff(@PathVariable long id, RedirectAttributes redirect) {
        return step(id, redirect, "assessment.scores.signedOff", () -> scoring.signOff(id));
    }

    @Allowed(CertificationPermission.ASSESSMENT_APPROVE)
    @PostMapping("/batches/{id}/approve")
    String approve(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        return step(id, redirect, "assessment.batch.approved", () -> batches.approve(id, version));
    }

    @Allowed(CertificationPermission.ASSESSMENT_RECORD)
    @PostMapping("/batches/{id}/publish")
    String publish(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        return step(id, redirect, "assessment.batch.published", () -> scoring.publish(id, version));
    }

    @Allowed(CertificationPermission.ASSESSMENT_RECORD)
    @PostMapping("/batches/{id}/finalise")
    String finalise(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        return step(id, redirect, "assessment.batch.finalised", () -> finalising.finalise(id, version));
    }

    @Allowed(CertificationPermission.CHALLENGE_DECIDE)
    @PostMapping("/challenges/{challengeId}/decision")
    String decide(@PathVariable long challengeId, @RequestParam long batchId,
            @RequestParam(required = false) Challenge.Decision decision, @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        return step(batchId, redirect, "assessment.challenge.decided",
                () -> challenging.decideChallenge(challengeId, decision, note));
    }

    private String step(long id, RedirectAttributes redirect, String notice, Runnable work) {
        try {
            work.run();
            redirect.addFlashAttribute("notice", notice);
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("problems", ex.problems());
        }
        catch (OptimisticLockingFailureException ex) {
            redirect.addFlashAttribute("problems", List.of(new Problem(null, "assessment.error.stale")));
        }
        return "redirect:/certification/batches/" + id;
    }

    @Allowed(CertificationPermission.PUBLICITY_READ)
    @GetMapping("/publicity")
    String publicity(Model model) {
        model.addAttribute("publicity", assessments.publicity());
        return "certification/publicity";
    }

    @Allowed(CertificationPermission.RESULT_CHALLENGE)
    @PostMapping("/results/{resultId}/challenges")
    String challenge(@PathVariable long resultId, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        try {
            challenging.challenge(resultId, reason);
            redirect.addFlashAttribute("notice", "assessment.challenge.raised");
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("problems", ex.problems());
        }
        return "redirect:/certification/publicity";
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavItem batchesNav() {
            return new NavItem("nav.batches", "/certification/batches", 500,
                    CertificationPermission.BATCHES_PAGE.roles())
                .inGroup("nav.group.certification");
        }

        @Bean
        NavItem recognitionsNav() {
            return new NavItem("nav.recognitions", "/certification/recognitions", 510,
                    CertificationPermission.RECOGNITION_READ.roles())
                .inGroup("nav.group.certification");
        }

    }

}
