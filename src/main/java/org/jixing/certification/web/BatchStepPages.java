package org.jixing.certification.web;

import java.util.List;

import org.jixing.certification.AssessmentBatches;
import org.jixing.certification.AssessmentChallenges;
import org.jixing.certification.AssessmentFinalising;
import org.jixing.certification.AssessmentScores;
import org.jixing.certification.Challenge;
import org.jixing.certification.CertificationPermission;
import org.jixing.certification.CertificationPermission.Allowed;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.InvalidInputException.Problem;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The buttons of an assessment batch's page that move it on: sign-off, the province's
 * approval, publication, deciding a challenge and finalising. Each goes back to the batch
 * with a notice, or with what refused it.
 */
@Controller
@RequestMapping("/certification")
class BatchStepPages {

    private final AssessmentBatches batches;

    private final AssessmentScores scoring;

    private final AssessmentChallenges challenging;

    private final AssessmentFinalising finalising;

    BatchStepPages(AssessmentBatches batches, AssessmentScores scoring, AssessmentChallenges challenging,
            AssessmentFinalising finalising) {
        this.batches = batches;
        this.scoring = scoring;
        this.challenging = challenging;
        this.finalising = finalising;
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

}
