package org.jixing.certification.web;

import org.jixing.certification.CertificationPermission;
import org.jixing.certification.CertificationPermission.Allowed;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jixing.certification.AssessmentBatch;
import org.jixing.certification.AssessmentBatches;
import org.jixing.certification.AssessmentChallenges;
import org.jixing.certification.AssessmentScores;
import org.jixing.certification.BatchStep;
import org.jixing.certification.Assessments;
import org.jixing.certification.Candidate;
import org.jixing.certification.Challenge;
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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
 * with its candidates and the steps the user may take on it, the score sheet (one form
 * for all rows, errors shown on their row); the publicity list (公示) where anyone signed
 * in may challenge a result. Adding candidates is {@link BatchCandidatePages}, the other
 * steps {@link BatchStepPages}.
 */
@Controller
@RequestMapping("/certification")
class AssessmentPages {

    private final Assessments assessments;

    private final AssessmentBatches batches;

    private final AssessmentScores scoring;

    private final AssessmentChallenges challenging;

    private final Filings filings;

    private final ReferenceCatalogue reference;

    AssessmentPages(Assessments assessments, AssessmentBatches batches, AssessmentScores scoring,
            AssessmentChallenges challenging, Filings filings, ReferenceCatalogue reference) {
        this.assessments = assessments;
        this.batches = batches;
        this.scoring = scoring;
        this.challenging = challenging;
        this.filings = filings;
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
        LocalDate today = assessments.today();
        model.addAttribute("b", b);
        model.addAttribute("candidates", candidates);
        model.addAttribute("challenges", challenges);
        model.addAttribute("byResult", challenges.stream()
            .collect(Collectors.groupingBy(Challenge::resultId, LinkedHashMap::new, Collectors.toList())));
        // The batch says which steps the user may take now; the candidates, which have
        // something to take them on.
        model.addAttribute("mayAdd", b.allows(BatchStep.ADD_CANDIDATES, me, today));
        model.addAttribute("mayScore", b.allows(BatchStep.SCORE, me, today) && candidates.stream()
            .anyMatch(c -> c.resultStatus() == null || c.resultStatus() == Candidate.ResultStatus.ENTERED));
        model.addAttribute("maySignOff", b.allows(BatchStep.SIGN_OFF, me, today)
                && candidates.stream().anyMatch(c -> c.resultStatus() == Candidate.ResultStatus.ENTERED));
        model.addAttribute("mayPublish", b.allows(BatchStep.PUBLISH, me, today) && !candidates.isEmpty()
                && candidates.stream().allMatch(c -> c.resultStatus() == Candidate.ResultStatus.SIGNED_OFF));
        model.addAttribute("mayApprove", b.allows(BatchStep.APPROVE, me, today));
        model.addAttribute("mayDecide", b.allows(BatchStep.DECIDE_CHALLENGE, me, today));
        model.addAttribute("mayFinalise", b.allows(BatchStep.FINALISE, me, today));
        model.addAttribute("levels", reference.skillLevels());
        model.addAttribute("decisions", Challenge.Decision.values());
        if (!model.containsAttribute("rowProblems")) {
            model.addAttribute("rowProblems", Map.of());
            model.addAttribute("entered", Map.of());
        }
        return "certification/batch-detail";
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
