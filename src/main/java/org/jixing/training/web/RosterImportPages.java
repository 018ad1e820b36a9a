package org.jixing.training.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.jixing.reference.ReferenceCatalogue;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.RegionCode;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.Role;
import org.jixing.shared.web.XlsxDownload;
import org.jixing.training.ClassOpenings;
import org.jixing.training.ClassStatus;
import org.jixing.training.ImportMode;
import org.jixing.training.RosterImport;
import org.jixing.training.RosterImportFiles;
import org.jixing.training.RosterImports;
import org.jixing.training.TrainingClass;
import org.jixing.training.TrainingPermission;
import org.jixing.training.TrainingPermission.Allowed;
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

    private final RosterImportFiles files;

    private final ClassOpenings classes;

    private final ReferenceCatalogue reference;

    RosterImportPages(RosterImports imports, RosterImportFiles files, ClassOpenings classes,
            ReferenceCatalogue reference) {
        this.imports = imports;
        this.files = files;
        this.classes = classes;
        this.reference = reference;
    }

    @Allowed(TrainingPermission.ROSTER_IMPORT_READ)
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

    @Allowed(TrainingPermission.ROSTER_IMPORT)
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

    @Allowed(TrainingPermission.ROSTER_IMPORT_READ)
    @GetMapping("/classes/{id}/imports/{importId}")
    String show(@PathVariable long id, @PathVariable long importId, Model model, Locale locale) {
        model.addAttribute("c", classes.get(id));
        progress(id, importId, model, locale);
        return "training/import-status";
    }

    /** The progress panel alone, which the page polls while the import runs. */
    @Allowed(TrainingPermission.ROSTER_IMPORT_READ)
    @GetMapping("/classes/{id}/imports/{importId}/progress")
    String progress(@PathVariable long id, @PathVariable long importId, Model model, Locale locale) {
        return panel(id, importId, "/classes/" + id + "/imports/" + importId, model, locale);
    }

    private String panel(Long classId, long importId, String base, Model model, Locale locale) {
        RosterImport i = imports.get(classId, importId);
        model.addAttribute("i", i);
        model.addAttribute("base", base);
        model.addAttribute("failure", imports.failure(i, locale));
        model.addAttribute("canAct", imports.mayAct(i));
        if (i.status().finished()) {
            model.addAttribute("invalid", imports.invalidRows(classId, importId, INVALID_SHOWN));
            model.addAttribute("invalidShown", INVALID_SHOWN);
        }
        return "training/import-status :: progress";
    }

    @Allowed(TrainingPermission.ROSTER_IMPORT)
    @PostMapping("/classes/{id}/imports/{importId}/cancel")
    String cancel(@PathVariable long id, @PathVariable long importId, RedirectAttributes redirect) {
        requestCancel(id, importId, redirect);
        return "redirect:/classes/" + id + "/imports/" + importId;
    }

    private void requestCancel(Long classId, long importId, RedirectAttributes redirect) {
        try {
            imports.cancel(classId, importId);
            redirect.addFlashAttribute("notice", "training.import.cancelRequested");
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("notice", "training.import.error.finished");
        }
    }

    // Trainee lists: officers register people (and their groups) from a file.

    @Allowed(TrainingPermission.PEOPLE_IMPORT_READ)
    @GetMapping("/people/imports")
    String traineeForm(Model model) {
        model.addAttribute("imports", imports.traineeImports());
        model.addAttribute("modes", ImportMode.values());
        CurrentUser me = CurrentUser.require();
        model.addAttribute("canImport", me.hasAnyRole(Role.PROVINCE_ADMIN, Role.CITY_OFFICER));
        model.addAttribute("regions",
                reference.regions()
                    .stream()
                    .filter(r -> r.level() != RegionCode.Level.PROVINCE && me.scope().coversRegion(r.code()))
                    .toList());
        model.addAttribute("defaultRegion", me.hasRole(Role.CITY_OFFICER) ? me.scope().ref() : null);
        return "training/import";
    }

    @Allowed(TrainingPermission.PEOPLE_IMPORT)
    @PostMapping("/people/imports")
    String traineeUpload(@RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) ImportMode mode, @RequestParam(required = false) String regionCode,
            Model model, Locale locale, RedirectAttributes redirect) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw InvalidInputException.of("file", "table.error.empty");
            }
            RosterImport started = imports.startTrainees(regionCode, file.getOriginalFilename(), file.getInputStream(),
                    mode);
            redirect.addFlashAttribute("notice", "training.import.started");
            return "redirect:/people/imports/" + started.id();
        }
        catch (InvalidInputException ex) {
            model.addAttribute("problems", ex.problems());
            model.addAttribute("chosenMode", mode);
            return traineeForm(model);
        }
    }

    @Allowed(TrainingPermission.PEOPLE_IMPORT_READ)
    @GetMapping("/people/imports/{importId}")
    String traineeShow(@PathVariable long importId, Model model, Locale locale) {
        model.addAttribute("c", null);
        traineeProgress(importId, model, locale);
        return "training/import-status";
    }

    @Allowed(TrainingPermission.PEOPLE_IMPORT_READ)
    @GetMapping("/people/imports/{importId}/progress")
    String traineeProgress(@PathVariable long importId, Model model, Locale locale) {
        return panel(null, importId, "/people/imports/" + importId, model, locale);
    }

    @Allowed(TrainingPermission.PEOPLE_IMPORT)
    @PostMapping("/people/imports/{importId}/cancel")
    String traineeCancel(@PathVariable long importId, RedirectAttributes redirect) {
        requestCancel(null, importId, redirect);
        return "redirect:/people/imports/" + importId;
    }

    @Allowed(TrainingPermission.PEOPLE_IMPORT_READ)
    @GetMapping({ "/people/imports/{importId}/result.xlsx", "/api/v1/people/imports/{importId}/result.xlsx" })
    void traineeResult(@PathVariable long importId, Locale locale, HttpServletResponse response) {
        download(null, importId, locale, response);
    }

    @Allowed(TrainingPermission.ROSTER_IMPORT_READ)
    @GetMapping({ "/classes/{id}/imports/{importId}/result.xlsx",
            "/api/v1/classes/{id}/imports/{importId}/result.xlsx" })
    void result(@PathVariable long id, @PathVariable long importId, Locale locale, HttpServletResponse response) {
        download(id, importId, locale, response);
    }

    private void download(Long classId, long importId, Locale locale, HttpServletResponse response) {
        files.result(classId, importId, locale, (header, rows) -> {
            try {
                XlsxDownload.write(response, "roster-import-" + importId + "-result.xlsx", "result", header, rows);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
    }

    @Allowed(TrainingPermission.ROSTER_IMPORT_READ)
    @GetMapping({ "/classes/imports/template.xlsx", "/api/v1/roster-template.xlsx" })
    void template(Locale locale, HttpServletResponse response) throws IOException {
        response.setContentType(XlsxDownload.CONTENT_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                    .filename("zh".equals(locale.getLanguage()) ? "花名册导入模板.xlsx" : "roster-template.xlsx",
                            StandardCharsets.UTF_8)
                    .build()
                    .toString());
        files.template(response.getOutputStream(), locale);
    }

}
