package org.jixing.employment.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.jixing.employment.ContributionImport;
import org.jixing.employment.ContributionImports;
import org.jixing.employment.OutcomePermission;
import org.jixing.employment.OutcomePermission.Allowed;
import org.jixing.employment.RefusedRow;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.web.FileDownload;
import org.jixing.shared.web.NavItem;
import org.jixing.training.ImportMode;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The province's contribution files: the upload form with the list of imports and their
 * counts, one import with its refused rows by number, and those rows as a CSV file.
 */
@Controller
@RequestMapping("/employment/contributions")
class ContributionPages {

    private final ContributionImports imports;

    private final MessageSource messages;

    ContributionPages(ContributionImports imports, MessageSource messages) {
        this.imports = imports;
        this.messages = messages;
    }

    @Allowed(OutcomePermission.CONTRIBUTION_IMPORT)
    @GetMapping
    String list(Model model) {
        model.addAttribute("imports", imports.latest());
        model.addAttribute("modes", ImportMode.values());
        return "employment/contributions";
    }

    @Allowed(OutcomePermission.CONTRIBUTION_IMPORT)
    @PostMapping
    String upload(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) ImportMode mode,
            Model model, RedirectAttributes redirect) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw InvalidInputException.of("file", "table.error.empty");
            }
            ContributionImport i = imports.start(file.getOriginalFilename(), file.getInputStream(), mode);
            redirect.addFlashAttribute("notice", "employment.contribution.started");
            return "redirect:/employment/contributions/" + i.id();
        }
        catch (InvalidInputException ex) {
            model.addAttribute("problems", ex.problems());
            return list(model);
        }
    }

    @Allowed(OutcomePermission.CONTRIBUTION_IMPORT)
    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        ContributionImport i = imports.get(id);
        model.addAttribute("i", i);
        model.addAttribute("sameFileAs", imports.sameFileAs(i).orElse(null));
        model.addAttribute("refused", imports.refusedRows(id, 0, 200));
        return "employment/contribution";
    }

    @Allowed(OutcomePermission.CONTRIBUTION_IMPORT)
    @GetMapping("/{id}/refused.csv")
    ResponseEntity<byte[]> refusedCsv(@PathVariable long id, Locale locale) {
        imports.get(id);
        StringBuilder csv = new StringBuilder("\uFEFF");
        csv.append(messages.getMessage("employment.contribution.row", null, locale))
            .append(',')
            .append(messages.getMessage("employment.contribution.reason", null, locale))
            .append("\r\n");
        int offset = 0;
        while (true) {
            var page = imports.refusedRows(id, offset, 10_000);
            for (RefusedRow r : page) {
                String reason = messages.getMessage("employment.contribution.refused." + r.reason().name(),
                        new Object[] { r.detail() == null ? "" : r.detail() }, locale);
                csv.append(r.rowNo()).append(",\"").append(reason.replace("\"", "\"\"")).append("\"\r\n");
            }
            if (page.size() < 10_000) {
                break;
            }
            offset += page.size();
        }
        return FileDownload.of("contribution-import-" + id + "-refused.csv",
                new MediaType("text", "csv", StandardCharsets.UTF_8), csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavItem contributionImportsNav() {
            return new NavItem("employment.nav.contributions", "/employment/contributions", 740,
                    OutcomePermission.CONTRIBUTION_IMPORT.roles())
                .inGroup("nav.employment");
        }

        @Bean
        NavItem employmentOutcomesNav() {
            return new NavItem("employment.nav.outcomes", "/employment/outcomes", 750,
                    OutcomePermission.OUTCOME_READ.roles())
                .inGroup("nav.employment");
        }

    }

}
