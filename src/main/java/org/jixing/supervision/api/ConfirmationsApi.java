package org.jixing.supervision.api;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jixing.shared.access.Public;
import org.jixing.supervision.Confirmation;
import org.jixing.supervision.Confirmations;
import org.jixing.supervision.SupervisionPermission;
import org.jixing.supervision.SupervisionPermission.Allowed;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Trainees confirm or deny having attended a claimed class: through the one-time code
 * they were sent (no account: the code is the credential, throttled per client), or
 * signed in, their own requests.
 */
@RestController
@Tag(name = "Attendance confirmations",
        description = "Trainees confirm or deny having attended a claimed class; a denial holds the claim")
class ConfirmationsApi {

    private final Confirmations confirmations;

    ConfirmationsApi(Confirmations confirmations) {
        this.confirmations = confirmations;
    }

    /** A trainee's answer: attended or not, and a remark. */
    record Answer(Boolean attended, String remark) {
    }

    /** What an answer through a code returns: the class asked about and the answer. */
    record Answered(String classNo, String providerName, LocalDate startDate, LocalDate endDate,
            Confirmation.Status status) {

        static Answered of(Confirmation c) {
            return new Answered(c.classNo(), c.providerName(), c.startDate(), c.endDate(), c.status());
        }

    }

    @Public
    @PostMapping("/api/v1/supervision/confirmations/{code}")
    @Operation(summary = "Confirm or deny with the one-time code sent to the trainee (no sign-in; used once, "
            + "expires; an unknown, used or expired code is refused alike)")
    Answered answerByCode(@PathVariable String code, @RequestBody(required = false) Answer body,
            HttpServletRequest request) {
        return Answered.of(confirmations.answerByCode(code, body == null ? null : body.attended(),
                body == null ? null : body.remark(), request.getRemoteAddr()));
    }

    @Allowed(SupervisionPermission.ATTENDANCE_CONFIRM)
    @GetMapping("/api/v1/me/confirmations")
    @Operation(summary = "The signed-in trainee's confirmation requests, newest first")
    List<Confirmation> mine() {
        return confirmations.mine();
    }

    @Allowed(SupervisionPermission.ATTENDANCE_CONFIRM)
    @PostMapping("/api/v1/me/confirmations/{id}")
    @Operation(summary = "The signed-in trainee answers one of their own requests")
    Confirmation answerMine(@PathVariable long id, @RequestBody(required = false) Answer body) {
        return confirmations.answerMine(id, body == null ? null : body.attended(), body == null ? null : body.remark());
    }

}
