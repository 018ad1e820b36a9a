package org.jixing.training.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.jixing.shared.InvalidInputException;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.Role;
import org.jixing.shared.web.XlsxDownload;
import org.jixing.training.ClassOpenings;
import org.jixing.training.ClassStatus;
import org.jixing.training.ImportMode;
import org.jixing.training.RosterImport;
import org.jixing.training.RosterImports;
import org.jixing.training.TrainingClass;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The roster import pages: the upload form with the class's past imports, and an import's
 * page, whose progress panel reloads itself (htmx) until the import ends. The template
 * and the result file download from here too; the REST API has the same under
 * {@code /api/v1}.
 */
@Controller
class RosterImportPages {

    static final int INVALID_SHOWN = 100;

    private final RosterImports imports;

    private final ClassOpenings classes;

    RosterImportPages(RosterImports imports, ClassOpenings classes) {
        this.imports = imports;
        this.classes = classes;
    }

    @GetMapping("/classes/{id}/imports")
    String form(@PathVariable long id, Model model) {
        TrainingClass c = classes.get(id);
        model.addAttribute("c", c);
        model.addAttribute("imports", imports.ofClass(id));
        model.addAttribute("modes", ImportMode.values());
        model.addAttribute("canImport", CurrentUser.require().hasRole(Role.PROVIDER_STAFF)
                && (c.status() == ClassStatus.APPROVED || c.status() == ClassStatus.RUNNING));
        return "training/import";
    }

    @PostMapping("/classes/{id}/imports")
    String upload(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) ImportMode mode, @RequestParam(defaultValue = "false") boolean selfFunded,
            Model model, RedirectAttributes redirect) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw InvalidInputException.of("file", "table.error.empty");
            }
            RosterImport started = imports.start(id, file.getOriginalFilename(), file.getInputStream(), mode,
                    selfFunded);
            redirect.addFlashAttribute("notice", "training.import.started");
            return "redirect:/classes/" + id + "/imports/" + started.id();
        }
        catch (InvalidInputException ex) {
            model.addAttribute("problems", ex.problems());
            model.addAttribute("chosenMode", mode);
            return form(id, model);
        }
    }

    @GetMapping("/classes/{id}/imports/{importId}")
    String show(@PathVariable long id, @PathVariable long importId, Model model, Locale locale) {
        model.addAttribute("c", classes.get(id));
        progress(id, importId, model, locale);
        return "training/import-status";
    }

    /** The progress panel alone, which the page polls while the import runs. */
    @GetMapping("/classes/{id}/imports/{importId}/progress")
    String progress(@PathVariable long id, @PathVariable long importId, Model model, Locale locale) {
        RosterImport i = imports.get(id, importId);
        model.addAttribute("i", i);
        model.addAttribute("classId", id);
        model.addAttribute("failure", imports.failure(i, locale));
        model.addAttribute("canAct", CurrentUser.require().hasRole(Role.PROVIDER_STAFF));
        if (i.status().finished()) {
            model.addAttribute("invalid", imports.invalidRows(id, importId, INVALID_SHOWN));
            model.addAttribute("invalidShown", INVALID_SHOWN);
        }
        return "training/import-status :: progress";
    }

    @PostMapping("/classes/{id}/imports/{importId}/cancel")
    String cancel(@PathVariable long id, @PathVariable long importId, RedirectAttributes redirect) {
        try {
            imports.cancel(id, importId);
            redirect.addFlashAttribute("notice", "training.import.cancelRequested");
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("notice", "training.import.error.finished");
        }
        return "redirect:/classes/" + id + "/imports/" + importId;
    }

    @GetMapping({ "/classes/{id}/imports/{importId}/result.xlsx",
            "/api/v1/classes/{id}/imports/{importId}/result.xlsx" })
    void result(@PathVariable long id, @PathVariable long importId, Locale locale, HttpServletResponse response) {
        imports.result(id, importId, locale, (header, rows) -> {
            try {
                XlsxDownload.write(response, "roster-import-" + importId + "-result.xlsx", "result", header, rows);
            }
            catch (IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        });
    }

    @GetMapping({ "/classes/imports/template.xlsx", "/api/v1/roster-template.xlsx" })
    void template(Locale locale, HttpServletResponse response) throws IOException {
        response.setContentType(XlsxDownload.CONTENT_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                    .filename("zh".equals(locale.getLanguage()) ? "花名册导入模板.xlsx" : "roster-template.xlsx",
                            StandardCharsets.UTF_8)
                    .build()
                    .toString());
        imports.template(response.getOutputStream(), locale);
    }

}
