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

/**
 * Roster imports for other systems: upload, watch, cancel (the result file is beside).
 */
@RestController
@RequestMapping("/api/v1/classes/{id}/imports")
@Tag(name = "Roster imports", description = "Bulk enrolment from CSV or XLSX files, in the background")
class RosterImportApi {

    /**
     * An import with the first invalid rows and their problems in the caller's language.
     */
    record ImportView(RosterImport rosterImport, String failure, List<InvalidRow> invalidRows) {
    }

    record InvalidRow(int row, String problems) {
    }

    private final RosterImports imports;

    RosterImportApi(RosterImports imports) {
        this.imports = imports;
    }

    @Operation(summary = "Upload a roster file (CSV or XLSX) and start its import; 202 with the queued import")
    @Allowed(TrainingPermission.ROSTER_IMPORT)
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<RosterImport> start(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) ImportMode mode, @RequestParam(defaultValue = "false") boolean selfFunded)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw InvalidInputException.of("file", "table.error.empty");
        }
        RosterImport i = imports.start(id, file.getOriginalFilename(), file.getInputStream(), mode, selfFunded);
        return ResponseEntity.accepted().location(URI.create("/api/v1/classes/" + id + "/imports/" + i.id())).body(i);
    }

    @Operation(summary = "The latest imports of a class, newest first")
    @Allowed(TrainingPermission.ROSTER_IMPORT_READ)
    @GetMapping
    List<RosterImport> list(@PathVariable long id) {
        return imports.ofClass(id);
    }

    @Operation(summary = "An import: its status and counts, and when it has ended its first 100 invalid rows")
    @Allowed(TrainingPermission.ROSTER_IMPORT_READ)
    @GetMapping("/{importId}")
    ImportView get(@PathVariable long id, @PathVariable long importId, Locale locale) {
        return view(imports, id, importId, locale);
    }

    static ImportView view(RosterImports imports, Long classId, long importId, Locale locale) {
        RosterImport i = imports.get(classId, importId);
        List<InvalidRow> invalid = i.status().finished() ? imports.invalidRows(classId, importId, 100)
            .stream()
            .map(r -> new InvalidRow(r.row(), imports.describe(r.problems(), locale)))
            .toList() : List.of();
        return new ImportView(i, imports.failure(i, locale), invalid);
    }

    @Operation(summary = "Ask a running import to stop after its current chunk")
    @Allowed(TrainingPermission.ROSTER_IMPORT)
    @PostMapping("/{importId}/cancel")
    RosterImport cancel(@PathVariable long id, @PathVariable long importId) {
        return imports.cancel(id, importId);
    }

}
