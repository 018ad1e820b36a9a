package org.jixing.employment.api;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jixing.employment.DemandDecision;
import org.jixing.employment.DemandFilter;
import org.jixing.employment.DemandStatus;
import org.jixing.employment.EmploymentPermission;
import org.jixing.employment.EmploymentPermission.Allowed;
import org.jixing.employment.JobDemand;
import org.jixing.employment.JobDemands;
import org.jixing.employment.NewDemand;
import org.jixing.employment.OpenDemand;
import org.jixing.shared.PageResult;
import org.jixing.shared.access.Public;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Job demands: published by enterprises or officers for them, decided by the city. */
@RestController
@RequestMapping("/api/v1/employment")
@Tag(name = "Employment demands", description = "Job demands of enterprises, their approval and the open list")
class DemandsApi {

    private final JobDemands demands;

    DemandsApi(JobDemands demands) {
        this.demands = demands;
    }

    /**
     * A step of a demand: approve, return (with reason), resubmit, close (with reason).
     */
    record Decision(String verb, int version, String reason) {
    }

    @Allowed(EmploymentPermission.DEMAND_READ)
    @GetMapping("/demands")
    @Operation(summary = "Demands in the caller's scope (providers: the approved ones), by status, occupation, city")
    PageResult<JobDemand> list(@RequestParam(required = false) DemandStatus status,
            @RequestParam(required = false) String occupation, @RequestParam(required = false) String city,
            @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size) {
        return demands.search(new DemandFilter(status, occupation, city), page, PageResult.size(size));
    }

    @Allowed(EmploymentPermission.DEMAND_PUBLISH)
    @PostMapping("/demands")
    @Operation(summary = "Publish a demand: an enterprise for itself, an employment officer for a registered one")
    ResponseEntity<JobDemand> publish(@RequestBody NewDemand body) {
        JobDemand d = demands
            .publish(body == null ? new NewDemand(null, null, null, null, null, null, null, null, null, null) : body);
        return ResponseEntity.created(URI.create("/api/v1/employment/demands/" + d.id())).body(d);
    }

    @Allowed(EmploymentPermission.DEMAND_READ)
    @GetMapping("/demands/{id}")
    JobDemand get(@PathVariable long id) {
        return demands.get(id);
    }

    @Allowed(EmploymentPermission.DEMAND_READ)
    @PostMapping("/demands/{id}/decisions")
    @Operation(summary = "Approve or return a submitted demand (the city), resubmit a returned one, close one")
    JobDemand decide(@PathVariable long id, @RequestBody Decision body) {
        return demands.decide(id, body.version(), DemandDecision.of(body.verb(), body.reason()));
    }

    @Public
    @GetMapping("/open-demands")
    @Operation(summary = "Approved, open demands for the public, by occupation and city; no personal data")
    PageResult<OpenDemand> open(@RequestParam(required = false) String occupation,
            @RequestParam(required = false) String city, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) Integer size) {
        return demands.openDemands(occupation, city, page, PageResult.size(size));
    }

}
