package org.jixing.employment.api;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jixing.employment.ContributionImport;
import org.jixing.employment.ContributionImports;
import org.jixing.employment.OutcomePermission;
import org.jixing.employment.OutcomePermission.Allowed;
import org.jixing.employment.RefusedRow;
import org.jixing.training.ImportMode;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Social-insurance contribution files: the province uploads them and reads their imports.
 */
@RestController
@RequestMapping("/api/v1/employment/contributions")
@Tag(name = "Employment contributions",
        description = "Monthly social-insurance contribution files matched to trainees for the employment follow-up")
class ContributionsApi {

    private final ContributionImports imports;

    private final MessageSource messages;

    ContributionsApi(ContributionImports imports, MessageSource messages) {
        this.imports = imports;
        this.messages = messages;
    }

    /** An import with, when the same file was imported before, that import's id. */
    record ImportView(ContributionImport contributionImport, int percent, Long sameFileAs) {
    }

    /** A refused row: its number, the rule and the reason in the reader's language. */
    record RefusedRowView(int row, String reason, String detail, String message) {
    }

    @Allowed(OutcomePermission.CONTRIBUTION_IMPORT)
    @PostMapping(consumes = "multipart/form-data")
    @Operation(summary = "Upload a contribution file (CSV in UTF-8 or GB18030, or XLSX: ID number, employer "
            + "credit code, month YYYY-MM, contribution base in yuan); mode VALID_ROWS imports the rest of a file "
            + "with refused rows, ALL_OR_NOTHING imports nothing then")
    ResponseEntity<ImportView> upload(@RequestParam("file") MultipartFile file, @RequestParam ImportMode mode)
            throws IOException {
        ContributionImport i = imports.start(file.getOriginalFilename(), file.getInputStream(), mode);
        return ResponseEntity.accepted()
            .location(URI.create("/api/v1/employment/contributions/" + i.id()))
            .body(view(i));
    }

    @Allowed(OutcomePermission.CONTRIBUTION_IMPORT)
    @GetMapping
    @Operation(summary = "The latest imports with their counts: read, matched, not trainees, refused, changed")
    List<ImportView> list() {
        return imports.latest().stream().map(this::view).toList();
    }

    @Allowed(OutcomePermission.CONTRIBUTION_IMPORT)
    @GetMapping("/{id}")
    @Operation(summary = "One import with its counts and status")
    ImportView get(@PathVariable long id) {
        return view(imports.get(id));
    }

    @Allowed(OutcomePermission.CONTRIBUTION_IMPORT)
    @GetMapping("/{id}/refused")
    @Operation(summary = "The refused rows of an import by number, with the reason")
    List<RefusedRowView> refused(@PathVariable long id, @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "1000") int limit) {
        return imports.refusedRows(id, offset, limit).stream().map(this::view).toList();
    }

    private ImportView view(ContributionImport i) {
        return new ImportView(i, i.percent(), imports.sameFileAs(i).orElse(null));
    }

    private RefusedRowView view(RefusedRow r) {
        return new RefusedRowView(r.rowNo(), r.reason().name(), r.detail(),
                messages.getMessage("employment.contribution.refused." + r.reason().name(),
                        new Object[] { r.detail() == null ? "" : r.detail() }, LocaleContextHolder.getLocale()));
    }

}
