package org.jixing.certification.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jixing.certification.AssessmentBatch;
import org.jixing.certification.AssessmentCandidates;
import org.jixing.certification.Assessments;
import org.jixing.certification.Candidate;
import org.jixing.certification.CertificationPermission;
import org.jixing.certification.CertificationPermission.Allowed;
import org.jixing.person.People;
import org.jixing.person.Person;
import org.jixing.shared.InvalidInputException;
import org.jixing.training.CompletedTraining;
import org.jixing.training.Enrolments;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Adding candidates to an assessment batch from its page: everyone of a class who
 * completed its training in the batch's occupation and level, or one person by ID number
 * with what they declare.
 */
@Controller
@RequestMapping("/certification")
class BatchCandidatePages {

    private final Assessments assessments;

    private final AssessmentCandidates candidacy;

    private final Enrolments enrolments;

    private final People people;

    BatchCandidatePages(Assessments assessments, AssessmentCandidates candidacy, Enrolments enrolments, People people) {
        this.assessments = assessments;
        this.candidacy = candidacy;
        this.enrolments = enrolments;
        this.people = people;
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

}
