package org.jixing.employment.api;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jixing.employment.EmploymentCandidate;
import org.jixing.employment.EmploymentPermission;
import org.jixing.employment.EmploymentPermission.Allowed;
import org.jixing.employment.EmploymentServices;
import org.jixing.employment.Referral;
import org.jixing.employment.ReferralStatus;
import org.jixing.shared.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Employment services: candidates for open demands, referrals and their steps. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Employment services", description = "Trainees not known employed, matching demands and referrals")
class ReferralsApi {

    private final EmploymentServices services;

    ReferralsApi(EmploymentServices services) {
        this.services = services;
    }

    record NewReferral(Long enrolmentId, String note) {
    }

    record Step(int version, ReferralStatus status, String note) {
    }

    @Allowed(EmploymentPermission.SERVICE_READ)
    @GetMapping("/employment/candidates")
    @Operation(summary = "Trainees who completed in the caller's region and are not known employed, with open demands")
    List<EmploymentCandidate> candidates(@RequestParam(required = false) String city,
            @RequestParam(required = false) String occupation, @RequestParam(defaultValue = "200") int limit) {
        return services.candidates(city, occupation, limit);
    }

    @Allowed(EmploymentPermission.REFERRAL_WRITE)
    @GetMapping("/employment/demands/{id}/candidates")
    @Operation(summary = "Trainees who completed the demand's occupation in its city and are not known employed")
    List<EmploymentCandidate> candidatesFor(@PathVariable long id, @RequestParam(defaultValue = "200") int limit) {
        return services.candidatesFor(id, limit);
    }

    @Allowed(EmploymentPermission.REFERRAL_WRITE)
    @PostMapping("/employment/demands/{id}/referrals")
    @Operation(summary = "Refer a trainee who completed (by the completed enrolment) to an open demand")
    ResponseEntity<Referral> refer(@PathVariable long id, @RequestBody NewReferral body) {
        Referral r = services.refer(id, body == null ? null : body.enrolmentId(), body == null ? null : body.note());
        return ResponseEntity.created(URI.create("/api/v1/employment/referrals/" + r.id())).body(r);
    }

    @Allowed(EmploymentPermission.REFERRAL_READ)
    @GetMapping("/employment/referrals")
    @Operation(summary = "Referrals in the caller's scope, by status")
    PageResult<Referral> list(@RequestParam(required = false) ReferralStatus status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size) {
        return services.search(status, page, PageResult.size(size));
    }

    @Allowed(EmploymentPermission.REFERRAL_WRITE)
    @PostMapping("/employment/referrals/{id}/status")
    @Operation(summary = "Move a referral on: INTERVIEWED, then HIRED or DECLINED")
    Referral move(@PathVariable long id, @RequestBody Step body) {
        return services.move(id, body.version(), body.status(), body.note());
    }

    @Allowed(EmploymentPermission.OWN_REFERRALS)
    @GetMapping("/me/referrals")
    @Operation(summary = "The signed-in trainee's own referrals")
    PageResult<Referral> mine(@RequestParam(defaultValue = "0") int page) {
        return services.mine(page, 50);
    }

}
