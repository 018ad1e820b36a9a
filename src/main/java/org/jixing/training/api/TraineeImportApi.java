package org.jixing.training.api;

import org.jixing.training.TrainingPermission;
import org.jixing.training.TrainingPermission.Allowed;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.jixing.shared.InvalidInputException;
import org.jixing.training.ImportMode;
import org.jixing.training.RosterImport;
import org.jixing.training.RosterImports;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Trainee-list imports into the registry, for province and city officers. */
@RestController
@RequestMapping("/api/v1/people/imports")
@Tag(name = "Roster imports")
class TraineeImportApi {

    private final RosterImports imports;

    TraineeImportApi(RosterImports imports) {
        this.imports = imports;
    }

    @Operation(summary = "Upload a trainee list (CSV or XLSX) for a region's registry; 202 with the queued import")
    @Allowed(TrainingPermission.PEOPLE_IMPORT)
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<RosterImport> start(@RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) ImportMode mode, @RequestParam(required = false) String regionCode)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw InvalidInputException.of("file", "table.error.empty");
        }
        RosterImport i = imports.startTrainees(regionCode, file.getOriginalFilename(), file.getInputStream(), mode);
        return ResponseEntity.accepted().location(URI.create("/api/v1/people/imports/" + i.id())).body(i);
    }

    @Operation(summary = "The latest trainee-list imports in the caller's region, newest first")
    @Allowed(TrainingPermission.PEOPLE_IMPORT_READ)
    @GetMapping
    List<RosterImport> list() {
        return imports.traineeImports();
    }

    @Operation(summary = "A trainee-list import: status, counts, and once ended its first 100 invalid rows")
    @Allowed(TrainingPermission.PEOPLE_IMPORT_READ)
    @GetMapping("/{importId}")
    RosterImportApi.ImportView get(@PathVariable long importId, Locale locale) {
        return RosterImportApi.view(imports, null, importId, locale);
    }

    @Operation(summary = "Ask a running trainee-list import to stop after its current chunk")
    @Allowed(TrainingPermission.PEOPLE_IMPORT)
    @PostMapping("/{importId}/cancel")
    RosterImport cancel(@PathVariable long importId) {
        return imports.cancel(null, importId);
    }

}
