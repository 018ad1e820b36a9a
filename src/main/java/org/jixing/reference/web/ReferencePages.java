package org.jixing.reference.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jixing.reference.Localized;
import org.jixing.reference.Occupation;
import org.jixing.reference.OccupationImportReport;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.reference.ReferenceEditing;
import org.jixing.reference.ReferenceKind;
import org.jixing.reference.ReferenceLists;
import org.jixing.reference.ReferencePermission;
import org.jixing.reference.ReferencePermission.Allowed;
import org.jixing.reference.SubTarget;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.PageResult;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.RecordNotFoundException;
import org.jixing.shared.scope.Role;
import org.jixing.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
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
 * The reference pages: everybody reads them; the province administrator edits in place.
 * Every edit posts, then returns to its list with a notice or the problems found.
 */
@Controller
@RequestMapping("/reference")
class ReferencePages {

    static final long MAX_IMPORT_BYTES = 5L * 1024 * 1024;

    private final ReferenceCatalogue reference;

    private final ReferenceEditing editing;

    ReferencePages(ReferenceCatalogue reference, ReferenceEditing editing) {
        this.reference = reference;
        this.editing = editing;
    }

    private static boolean admin() {
        return CurrentUser.require().hasRole(Role.PROVINCE_ADMIN);
    }

    @Allowed(ReferencePermission.REFERENCE_READ)
    @GetMapping
    String index(Model model) {
        model.addAttribute("plan", reference.plan());
        model.addAttribute("counts",
                Map.of("lines", reference.actionLines().size(), "regions", reference.regions().size(), "occupations",
                        reference.occupations().size(), "levels", reference.skillLevels().size(), "groups",
                        reference.traineeGroups().size(), "departments", reference.departments().size()));
        return "reference/index";
    }

    @Allowed(ReferencePermission.REFERENCE_READ)
    @GetMapping("/action-lines")
    String actionLines(Model model) {
        model.addAttribute("plan", reference.plan());
        model.addAttribute("lines", reference.actionLines());
        model.addAttribute("departments",
                reference.departments().stream().collect(Collectors.toMap(d -> d.code(), d -> d)));
        model.addAttribute("admin", admin());
        if (admin()) {
            Map<String, Integer> versions = new LinkedHashMap<>();
            for (var line : reference.actionLines()) {
                for (SubTarget st : line.subTargets()) {
                    versions.put(st.code(), editing.version(ReferenceKind.SUB_TARGET, st.code()));
                }
            }
            model.addAttribute("versions", versions);
            model.addAttribute("planVersion", editing.version(ReferenceKind.PLAN, reference.plan().code()));
        }
        return "reference/action-lines";
    }

    @Allowed(ReferencePermission.REFERENCE_EDIT)
    @PostMapping("/plan")
    String plan(@RequestParam(required = false) Long overallTarget, @RequestParam int version,
            RedirectAttributes redirect) {
        return edit(redirect, "/reference/action-lines", () -> {
            if (overallTarget == null) {
                throw InvalidInputException.of("overallTarget", "reference.error.required");
            }
            editing.updatePlanTarget(overallTarget, version);
        });
    }

    @Allowed(ReferencePermission.REFERENCE_EDIT)
    @PostMapping("/sub-targets/{code}")
    String subTarget(@PathVariable String code, @RequestParam(required = false) Long annualTarget,
            @RequestParam(defaultValue = "false") boolean atLeast, @RequestParam int version,
            RedirectAttributes redirect) {
        return edit(redirect, "/reference/action-lines",
                () -> editing.updateSubTarget(code, annualTarget, atLeast, version));
    }

    @Allowed(ReferencePermission.REFERENCE_READ)
    @GetMapping("/regions")
    String regions(Model model) {
        model.addAttribute("regions", reference.regions());
        model.addAttribute("cities", reference.cities());
        model.addAttribute("admin", admin());
        return "reference/regions";
    }

    @Allowed(ReferencePermission.REFERENCE_EDIT)
    @PostMapping("/regions")
    String addCounty(@RequestParam(required = false) String code, @RequestParam(required = false) String nameZh,
            @RequestParam(required = false) String nameEn, @RequestParam(required = false) String parentCode,
            RedirectAttributes redirect) {
        return edit(redirect, "/reference/regions", () -> editing.addCounty(code, nameZh, nameEn, parentCode));
    }

    @Allowed(ReferencePermission.REFERENCE_READ)
    @GetMapping("/occupations")
    String occupations(@RequestParam(required = false) String line, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size, Model model) {
        PageResult<Occupation> result = ReferenceLists.occupations(reference, line, q, Math.max(0, page),
                PageResult.size(size));
        model.addAttribute("result", result);
        model.addAttribute("line", line);
        model.addAttribute("q", q);
        model.addAttribute("lines", reference.actionLines());
        model.addAttribute("admin", admin());
        return "reference/occupations";
    }

    @Allowed(ReferencePermission.REFERENCE_EDIT)
    @GetMapping({ "/occupations/new", "/occupations/{code}" })
    String occupation(@PathVariable(required = false) String code, Model model) {
        requireAdmin();
        if (!model.containsAttribute("occupation")) {
            Occupation o = code == null ? new Occupation("", null, "", "", null, true)
                    : reference.occupation(code).orElseThrow(() -> new RecordNotFoundException("occupation", code));
            model.addAttribute("occupation", o);
            model.addAttribute("version", code == null ? null : editing.version(ReferenceKind.OCCUPATION, code));
        }
        model.addAttribute("lines", reference.actionLines());
        return "reference/occupation-form";
    }

    @Allowed(ReferencePermission.REFERENCE_EDIT)
    @PostMapping("/occupations")
    String saveOccupation(@RequestParam(required = false) String code,
            @RequestParam(required = false) String nationalCode, @RequestParam(required = false) String nameZh,
            @RequestParam(required = false) String nameEn, @RequestParam(required = false) String lineCode,
            @RequestParam(defaultValue = "false") boolean active, @RequestParam(required = false) Integer version,
            Model model, RedirectAttributes redirect) {
        Occupation o = new Occupation(code, nationalCode, nameZh, nameEn, lineCode, active);
        try {
            editing.saveOccupation(o, version);
            redirect.addFlashAttribute("notice", "reference.saved");
            return "redirect:/reference/occupations?q="
                    + URLEncoder.encode(o.code() == null ? "" : o.code(), StandardCharsets.UTF_8);
        }
        catch (InvalidInputException ex) {
            model.addAttribute("problems", ex.problems());
        }
        catch (OptimisticLockingFailureException ex) {
            model.addAttribute("problems", List.of(new InvalidInputException.Problem(null, "reference.error.stale")));
        }
        model.addAttribute("occupation", o);
        model.addAttribute("version", version);
        return occupation(code, model);
    }

    @Allowed(ReferencePermission.REFERENCE_EDIT)
    @GetMapping("/occupations/import")
    String importForm() {
        requireAdmin();
        return "reference/import";
    }

    @Allowed(ReferencePermission.REFERENCE_EDIT)
    @PostMapping("/occupations/import")
    String importOccupations(@RequestParam("file") MultipartFile file, Model model) throws IOException {
        requireAdmin();
        if (file.isEmpty() || file.getSize() > MAX_IMPORT_BYTES) {
            model.addAttribute("problems",
                    List.of(new InvalidInputException.Problem("file", "reference.import.size", 5)));
            return "reference/import";
        }
        OccupationImportReport report = editing.importOccupations(file.getInputStream());
        model.addAttribute("report", report);
        return "reference/import";
    }

    @Allowed(ReferencePermission.REFERENCE_READ)
    @GetMapping("/{list:skill-levels|trainee-groups|departments}")
    String simpleList(@PathVariable String list, Model model) {
        model.addAttribute("list", list);
        model.addAttribute("kind", kindOf(list));
        model.addAttribute("items", switch (list) {
            case "skill-levels" -> reference.skillLevels();
            case "trainee-groups" -> reference.traineeGroups();
            default -> reference.departments();
        });
        model.addAttribute("admin", admin());
        return "reference/simple-list";
    }

    @Allowed(ReferencePermission.REFERENCE_EDIT)
    @GetMapping("/names/{kind}/{code}")
    String nameForm(@PathVariable ReferenceKind kind, @PathVariable String code, Model model) {
        requireAdmin();
        if (!RENAMEABLE.contains(kind)) {
            throw new RecordNotFoundException(kind.name(), code);
        }
        var localized = localized(kind, code);
        model.addAttribute("kind", kind);
        model.addAttribute("code", code);
        model.addAttribute("nameZh", localized.nameZh());
        model.addAttribute("nameEn", localized.nameEn());
        model.addAttribute("version", editing.version(kind, code));
        model.addAttribute("back", back(kind));
        return "reference/name-form";
    }

    @Allowed(ReferencePermission.REFERENCE_EDIT)
    @PostMapping("/names/{kind}/{code}")
    String rename(@PathVariable ReferenceKind kind, @PathVariable String code,
            @RequestParam(required = false) String nameZh, @RequestParam(required = false) String nameEn,
            @RequestParam int version, RedirectAttributes redirect) {
        if (!RENAMEABLE.contains(kind)) {
            throw new RecordNotFoundException(kind.name(), code);
        }
        return edit(redirect, back(kind), () -> editing.rename(kind, code, nameZh, nameEn, version));
    }

    static final Set<ReferenceKind> RENAMEABLE = Set.of(ReferenceKind.ACTION_LINE, ReferenceKind.DEPARTMENT,
            ReferenceKind.REGION, ReferenceKind.SKILL_LEVEL, ReferenceKind.TRAINEE_GROUP, ReferenceKind.SUB_TARGET);

    private Localized localized(ReferenceKind kind, String code) {
        Optional<? extends Localized> found = switch (kind) {
            case ACTION_LINE -> reference.actionLine(code);
            case DEPARTMENT -> reference.departments().stream().filter(d -> d.code().equals(code)).findFirst();
            case REGION -> reference.region(code);
            case SKILL_LEVEL -> reference.skillLevels().stream().filter(l -> l.code().equals(code)).findFirst();
            case TRAINEE_GROUP -> reference.traineeGroups().stream().filter(g -> g.code().equals(code)).findFirst();
            case SUB_TARGET -> reference.actionLines()
                .stream()
                .flatMap(l -> l.subTargets().stream())
                .filter(s -> s.code().equals(code))
                .findFirst();
            default -> Optional.empty();
        };
        return found.orElseThrow(() -> new RecordNotFoundException(kind.name(), code));
    }

    private static String back(ReferenceKind kind) {
        return switch (kind) {
            case DEPARTMENT -> "/reference/departments";
            case REGION -> "/reference/regions";
            case SKILL_LEVEL -> "/reference/skill-levels";
            case TRAINEE_GROUP -> "/reference/trainee-groups";
            default -> "/reference/action-lines";
        };
    }

    private static ReferenceKind kindOf(String list) {
        return switch (list) {
            case "skill-levels" -> ReferenceKind.SKILL_LEVEL;
            case "trainee-groups" -> ReferenceKind.TRAINEE_GROUP;
            default -> ReferenceKind.DEPARTMENT;
        };
    }

    private static void requireAdmin() {
        if (!admin()) {
            throw new AccessDeniedException("reference data is edited by the province administrator");
        }
    }

    private static String edit(RedirectAttributes redirect, String back, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("notice", "reference.saved");
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("problems", ex.problems());
        }
        catch (OptimisticLockingFailureException ex) {
            redirect.addFlashAttribute("problems",
                    List.of(new InvalidInputException.Problem(null, "reference.error.stale")));
        }
        return "redirect:" + back;
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavItem referenceNav() {
            return new NavItem("nav.reference", "/reference", 800, Set.of());
        }

    }

}
