package org.jixing.supervision.api;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jixing.supervision.InspectionSample;
import org.jixing.supervision.NewVisit;
import org.jixing.supervision.SampleVerification;
import org.jixing.supervision.Samples;
import org.jixing.supervision.SupervisionPermission;
import org.jixing.supervision.SupervisionPermission.Allowed;
import org.jixing.supervision.Visit;
import org.jixing.supervision.Visits;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The monthly inspection samples and the inspectors' visits, within the caller's scope.
 */
@RestController
@RequestMapping("/api/v1/supervision")
@Tag(name = "Supervision: sampling and visits",
        description = "Each city's monthly risk-weighted sample of running classes for unannounced visits, "
                + "reproducible from its stored seed and candidates; inspectors' visits")
class SamplingApi {

    private final Samples samples;

    private final Visits visits;

    SamplingApi(Samples samples, Visits visits) {
        this.samples = samples;
        this.visits = visits;
    }

    /** What a draw names: the city and the month ({@code yyyy-MM}). */
    record DrawRequest(String regionCode, String month) {
    }

    @Allowed(SupervisionPermission.CASE_READ)
    @GetMapping("/samples")
    @Operation(summary = "Samples in the caller's scope (newest month first, at most 500), of a month "
            + "(yyyy-MM) and a city if given; without their candidates")
    List<InspectionSample> list(@RequestParam(required = false) String month,
            @RequestParam(required = false) String regionCode) {
        return samples.list(month, regionCode);
    }

    @Allowed(SupervisionPermission.SAMPLE_DRAW)
    @PostMapping("/samples")
    @Operation(summary = "Draw a city's sample of a month; refused (422, with the reason) when already drawn, "
            + "without running classes, or for a city outside the caller's scope")
    ResponseEntity<InspectionSample> draw(@RequestBody DrawRequest request) {
        InspectionSample s = samples.draw(request.regionCode(), request.month());
        return ResponseEntity.created(URI.create("/api/v1/supervision/samples/" + s.id())).body(s);
    }

    @Allowed(SupervisionPermission.CASE_READ)
    @GetMapping("/samples/{id}")
    @Operation(summary = "One sample with every candidate class, its weight, whether drawn and its visit; "
            + "404 outside the caller's scope")
    InspectionSample get(@PathVariable long id) {
        return samples.get(id);
    }

    @Allowed(SupervisionPermission.CASE_READ)
    @GetMapping("/samples/{id}/verification")
    @Operation(summary = "The draw done again from the stored salt and candidates: whether it matches")
    SampleVerification verify(@PathVariable long id) {
        return samples.verify(id);
    }

    @Allowed(SupervisionPermission.CASE_WORK)
    @PostMapping("/visits")
    @Operation(summary = "Record a visit to a class (photos through the page); 404 for a class outside the scope")
    ResponseEntity<Visit> record(@RequestBody NewVisit visit) {
        Visit v = visits.record(visit, List.of());
        return ResponseEntity.created(URI.create("/api/v1/supervision/visits/" + v.id())).body(v);
    }

    @Allowed(SupervisionPermission.CASE_READ)
    @GetMapping("/visits/{id}")
    @Operation(summary = "One visit with the roster as found and its photos' particulars; 404 outside the scope")
    Visit visit(@PathVariable long id) {
        return visits.get(id);
    }

}
