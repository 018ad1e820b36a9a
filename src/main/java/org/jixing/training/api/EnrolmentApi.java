package org.jixing.training.api;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.jixing.shared.InvalidInputException;
import org.jixing.shared.PageResult;
import org.jixing.shared.ResidentIdNumbers;
import org.jixing.training.ClassCompletions;
import org.jixing.training.Eligibility;
import org.jixing.training.EligibilityChecks;
import org.jixing.training.Enrolling;
import org.jixing.training.Enrolment;
import org.jixing.training.EnrolmentRequest;
import org.jixing.training.Enrolments;
import org.jixing.training.TrainingPermission;
import org.jixing.training.TrainingPermission.Allowed;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A class's roster: eligibility checks, enrolment, withdrawal, completion. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Training", description = "Programme catalogue, teachers, class opening and its life")
class EnrolmentApi {

    private final EligibilityChecks eligibility;

    private final Enrolments enrolments;

    private final Enrolling enrolling;

    private final ClassCompletions completions;

    private final MessageSource messages;

    EnrolmentApi(EligibilityChecks eligibility, Enrolments enrolments, Enrolling enrolling,
            ClassCompletions completions, MessageSource messages) {
        this.eligibility = eligibility;
        this.enrolments = enrolments;
        this.enrolling = enrolling;
        this.completions = completions;
        this.messages = messages;
    }

    record Withdrawal(Integer version, String reason) {
    }

    /**
     * A rule a person fails: the field, the rule's key and the reason in the caller's
     * language.
     */
    record RuleResult(String field, String rule, String message) {
    }

    /**
     * {@code blocking} rules refuse the enrolment; {@code subsidy} rules allow it only
     * self-funded.
     */
    record EligibilityResult(boolean eligibleForSubsidy, List<RuleResult> blocking, List<RuleResult> subsidy) {
    }

    /** The person to check: ID number, and the name as on the ID card. */
    record EligibilityCheck(String idNumber, String name) {

        @Override
        public String toString() {
            return "EligibilityCheck[" + ResidentIdNumbers.mask(idNumber) + "]";
        }

    }

    @Allowed(TrainingPermission.ELIGIBILITY_CHECK)
    @PostMapping("/classes/{id}/eligibility-checks")
    @Operation(summary = "Check a person against the enrolment and subsidy rules of a class",
            description = "Whether the person may enrol in this class, and why not. A caller outside the person's "
                    + "region gives the name too: the registry's record is used when ID number and name match it, "
                    + "otherwise the person is judged as a newcomer (by the ID number and the class alone). "
                    + "Another provider's class is never named. Throttled per account: 429 with Retry-After.")
    EligibilityResult check(@PathVariable long id, @RequestBody EligibilityCheck body) {
        Eligibility e = eligibility.check(id, body.idNumber(), body.name());
        return new EligibilityResult(e.eligibleForSubsidy(), results(e.blocking()), results(e.subsidy()));
    }

    private List<RuleResult> results(List<InvalidInputException.Problem> problems) {
        Locale locale = LocaleContextHolder.getLocale();
        return problems.stream()
            .map(p -> new RuleResult(p.field(), p.messageKey(),
                    messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale)))
            .toList();
    }

    @Allowed(TrainingPermission.CLASS_READ)
    @GetMapping("/classes/{id}/enrolments")
    @Operation(summary = "The class roster in enrolment order, paged (size 1 to 200, 20 when absent), "
            + "ID numbers masked")
    PageResult<Enrolment> roster(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) Integer size) {
        return enrolments.rosterPage(id, Math.max(0, page), PageResult.size(size));
    }

    @Allowed(TrainingPermission.CLASS_RUN)
    @PostMapping("/classes/{id}/enrolments")
    @Operation(summary = "Enrol a person by ID number (provider staff); every failed rule is listed")
    ResponseEntity<Enrolment> enrol(@PathVariable long id, @RequestBody EnrolmentRequest request) {
        Enrolment e = enrolling.enrol(id, request);
        return ResponseEntity.created(URI.create("/api/v1/classes/" + id + "/enrolments/" + e.id())).body(e);
    }

    @Allowed(TrainingPermission.CLASS_RUN)
    @PostMapping("/classes/{id}/enrolments/{enrolmentId}/withdrawal")
    @Operation(summary = "Take a person off the roster, with a reason; frees the subsidy place")
    Enrolment withdraw(@PathVariable long id, @PathVariable long enrolmentId, @RequestBody Withdrawal body) {
        if (body.version() == null) {
            throw InvalidInputException.of("version", "training.error.required");
        }
        return enrolling.withdraw(id, enrolmentId, body.version(), body.reason());
    }

    record Completion(Integer version, Set<Long> failedAssessment) {
    }

    @Allowed(TrainingPermission.CLASS_RUN)
    @PostMapping("/classes/{id}/completion")
    @Operation(summary = "Complete a running class: trainees with enough attendance who passed complete")
    List<Enrolment> complete(@PathVariable long id, @RequestBody Completion body) {
        if (body.version() == null) {
            throw InvalidInputException.of("version", "training.error.required");
        }
        return completions.complete(id, body.version(), body.failedAssessment());
    }

}
