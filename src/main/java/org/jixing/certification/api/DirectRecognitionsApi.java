package org.jixing.certification.api;

import org.jixing.certification.CertificationPermission;
import org.jixing.certification.CertificationPermission.Allowed;
import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jixing.certification.DirectRecognition;
import org.jixing.certification.DirectRecognitions;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Direct recognition of outstanding front-line workers. */
@RestController
@RequestMapping("/api/v1/direct-recognitions")
@Tag(name = "Direct recognition", description = "Skill levels recognised directly for outstanding front-line "
        + "workers, decided by the province")
class DirectRecognitionsApi {

    private final DirectRecognitions recognitions;

    DirectRecognitionsApi(DirectRecognitions recognitions) {
        this.recognitions = recognitions;
    }

    record Decision(int version, boolean approve, String note) {
    }

    @Allowed(CertificationPermission.RECOGNITION_READ)
    @GetMapping
    @Operation(summary = "Applications in the caller's scope; open=true for those awaiting a decision")
    List<DirectRecognition> list(@RequestParam(defaultValue = "false") boolean open) {
        return recognitions.search(open);
    }

    @Allowed(CertificationPermission.RECOGNITION_APPLY)
    @PostMapping
    @Operation(summary = "An evaluation body applies for a person, with the justification and employer")
    ResponseEntity<DirectRecognition> apply(@RequestBody DirectRecognitions.Application application) {
        DirectRecognition d = recognitions.apply(application);
        return ResponseEntity.created(URI.create("/api/v1/direct-recognitions/" + d.id())).body(d);
    }

    @Allowed(CertificationPermission.RECOGNITION_READ)
    @GetMapping("/{id}")
    DirectRecognition get(@PathVariable long id) {
        return recognitions.get(id);
    }

    @Allowed(CertificationPermission.RECOGNITION_DECIDE)
    @PostMapping("/{id}/decision")
    @Operation(summary = "The province approves (the level is announced as passed) or rejects with a note")
    DirectRecognition decide(@PathVariable long id, @RequestBody Decision body) {
        return recognitions.decide(id, body.version(), body.approve(), body.note());
    }

}
